// Sign-in: password, or single sign-on through the organisation's identity provider ("Sign in
// with …"); then a TOTP code (or a recovery code) unless the provider asserted a second factor;
// first-time officers replace the initial password and enrol an authenticator app by QR code,
// then keep their recovery codes.
import { useEffect, useRef, useState } from 'preact/hooks';
import qrcode from 'qrcode-generator';
import { ApiError, get, post, setCsrfToken, type ApiResponse } from '../api';
import type { SessionInfo } from '../session';
import { Alert, Form, TextField, useForm } from '../ui';
import { OneTimeSecret } from '../components/one-time-secret';

type Step =
  | { kind: 'password' }
  | { kind: 'mfa_required'; recovery: boolean }
  | { kind: 'password_change_required' }
  | { kind: 'mfa_enrolment_required' }
  | { kind: 'recovery_codes'; codes: string[]; info: SessionInfo };

type Enrolment = ApiResponse<'/api/v1/auth/mfa/enrol', 'post'>;
type SsoOffer = ApiResponse<'/api/v1/auth/oidc'>;

// The step a session that is part-way through signing in (back from the identity provider)
// continues with.
function stepOf(info?: SessionInfo): Step {
  if (info?.state === 'mfa_required') return { kind: 'mfa_required', recovery: false };
  if (info?.state === 'password_change_required') return { kind: 'password_change_required' };
  if (info?.state === 'mfa_enrolment_required') return { kind: 'mfa_enrolment_required' };
  return { kind: 'password' };
}

export function SignIn(props: { notice?: string; resume?: SessionInfo; onSignedIn: (info: SessionInfo) => void }) {
  const [step, setStep] = useState<Step>(stepOf(props.resume));
  const [email, setEmail] = useState('');
  const [sso, setSso] = useState<SsoOffer | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = 'Sign in · Accord';
    heading.current?.focus();
  }, [step.kind]);

  useEffect(() => {
    get<SsoOffer>('/api/v1/auth/oidc').then(setSso, () => setSso(null));
  }, []);

  function advance(info: SessionInfo) {
    setCsrfToken(info.csrf_token);
    if (info.state === 'active') props.onSignedIn(info);
    else if (info.state === 'mfa_required') setStep({ kind: 'mfa_required', recovery: false });
    else if (info.state === 'password_change_required') setStep({ kind: 'password_change_required' });
    else if (info.state === 'mfa_enrolment_required') setStep({ kind: 'mfa_enrolment_required' });
  }

  const titles: Record<Step['kind'], string> = {
    password: 'Sign in to Accord',
    mfa_required: 'Two-step verification',
    password_change_required: 'Choose your password',
    mfa_enrolment_required: 'Set up two-step verification',
    recovery_codes: 'Keep your recovery codes',
  };

  return (
    <main id="main" class="signin">
      <div class="signin-card">
        <p class="brand-big" aria-hidden="true">
          Accord
        </p>
        <h1 tabIndex={-1} ref={heading}>
          {titles[step.kind]}
        </h1>
        {props.notice && step.kind === 'password' && <Alert kind="info">{props.notice}</Alert>}
        {step.kind === 'password' && sso?.enabled && (
          <div class="sso">
            <a class="btn btn-primary sso-button" href="/api/v1/auth/oidc/start">
              Sign in with {sso.display_name}
            </a>
            {sso.password_sign_in === 'listed' ? (
              <p class="muted">
                Passwords work only for the emergency accounts your administrator named, for when {sso.display_name} is
                unavailable.
              </p>
            ) : (
              <p class="muted sso-or">or with your email and password</p>
            )}
          </div>
        )}
        {step.kind === 'password' && <PasswordStep onDone={advance} onEmail={setEmail} />}
        {step.kind === 'mfa_required' && (
          <CodeStep
            recovery={step.recovery}
            onToggle={() => setStep({ kind: 'mfa_required', recovery: !step.recovery })}
            onDone={advance}
          />
        )}
        {step.kind === 'password_change_required' && <NewPasswordStep email={email} onDone={advance} />}
        {step.kind === 'mfa_enrolment_required' && (
          <EnrolStep onDone={(info, codes) => setStep({ kind: 'recovery_codes', codes, info })} />
        )}
        {step.kind === 'recovery_codes' && (
          <div>
            <p>
              Two-step verification is on. If you lose your phone, each of these codes signs you in once. Store them
              somewhere safe now: they are not shown again.
            </p>
            <OneTimeSecret
              label="Recovery codes"
              values={step.codes}
              filename="accord-recovery-codes.txt"
              preamble="Accord recovery codes: each signs you in once when you cannot use your authenticator app."
            />
            <button type="button" class="btn btn-primary" onClick={() => props.onSignedIn(step.info)}>
              I have stored them: continue
            </button>
          </div>
        )}
      </div>
      <p class="signin-foot">
        <a href="/trust">Trust center</a>
      </p>
    </main>
  );
}

function PasswordStep(props: { onDone: (info: SessionInfo) => void; onEmail: (e: string) => void }) {
  const form = useForm({ email: '', password: '' });
  return (
    <Form
      form={form}
      label="Sign in"
      submitLabel="Sign in"
      onSubmit={async () => {
        props.onEmail(form.values.email);
        const info = await form.submit((v) =>
          post<SessionInfo>(
            '/api/v1/auth/sign-in',
            { email: v.email.trim(), password: v.password },
            { quiet401: true },
          ),
        );
        if (info) props.onDone(info);
      }}
    >
      <TextField form={form} name="email" label="Email" type="email" autocomplete="username" required />
      <TextField
        form={form}
        name="password"
        label="Password"
        type="password"
        autocomplete="current-password"
        required
      />
    </Form>
  );
}

function CodeStep(props: { recovery: boolean; onToggle: () => void; onDone: (info: SessionInfo) => void }) {
  const form = useForm({ code: '' });
  return (
    <>
      <p>
        {props.recovery
          ? 'Enter one of the recovery codes you stored when you set up two-step verification. Each works once.'
          : 'Enter the 6-digit code from your authenticator app.'}
      </p>
      <Form
        form={form}
        label="Verification code"
        submitLabel="Verify"
        onSubmit={async () => {
          const path = props.recovery ? '/api/v1/auth/recovery' : '/api/v1/auth/totp';
          const info = await form.submit((v) =>
            post<SessionInfo>(path, { code: v.code.replace(/\s+/g, '') }, { quiet401: true }),
          );
          if (info) props.onDone(info);
        }}
        secondary={
          <button type="button" class="btn btn-link" onClick={props.onToggle}>
            {props.recovery ? 'Use the authenticator app' : 'Use a recovery code'}
          </button>
        }
      >
        <TextField
          form={form}
          name="code"
          label={props.recovery ? 'Recovery code' : 'Authentication code'}
          autocomplete="one-time-code"
          inputMode={props.recovery ? 'text' : 'numeric'}
          required
        />
      </Form>
    </>
  );
}

function NewPasswordStep(props: { email: string; onDone: (info: SessionInfo) => void }) {
  const form = useForm({ new_password: '', repeat: '' });
  return (
    <>
      <p>
        Your account has a one-time password. Choose your own: 12 to 128 characters; a passphrase of several words is
        good.
      </p>
      <Form
        form={form}
        label="New password"
        submitLabel="Save password"
        onSubmit={async () => {
          const info = await form.submit(async (v) => {
            if (v.new_password !== v.repeat) {
              throw new ApiError(422, 'validation_failed', 'The passwords differ', [
                { field: 'repeat', reason: 'does not match the new password' },
              ]);
            }
            return post<SessionInfo>(
              '/api/v1/auth/initial-password',
              { new_password: v.new_password },
              { quiet401: true },
            );
          });
          if (info) props.onDone(info);
        }}
      >
        <input type="email" autoComplete="username" value={props.email} hidden readOnly />
        <TextField
          form={form}
          name="new_password"
          label="New password"
          type="password"
          autocomplete="new-password"
          required
        />
        <TextField
          form={form}
          name="repeat"
          label="Repeat the new password"
          type="password"
          autocomplete="new-password"
          required
        />
      </Form>
    </>
  );
}

function EnrolStep(props: { onDone: (info: SessionInfo, codes: string[]) => void }) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [error, setError] = useState('');
  const form = useForm({ code: '' });
  useEffect(() => {
    post<Enrolment>('/api/v1/auth/mfa/enrol', {}, { quiet401: true }).then(setEnrolment, (e) =>
      setError(String(e.message || e)),
    );
  }, []);
  if (error) return <Alert kind="error">{error}</Alert>;
  if (!enrolment) return <p role="status">Preparing your secret…</p>;
  const qr = qrcode(0, 'M');
  qr.addData(enrolment.otpauth_uri);
  qr.make();
  const grouped = enrolment.secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <>
      <p>
        Your role needs a second factor. Scan this code with an authenticator app (for example FreeOTP, Aegis or Google
        Authenticator), then enter the 6-digit code it shows.
      </p>
      <div class="qr">
        <img
          src={qr.createDataURL(5, 10)}
          alt="QR code of your authenticator secret"
          width={qr.getModuleCount() * 5 + 20}
          height={qr.getModuleCount() * 5 + 20}
        />
      </div>
      <p>
        Cannot scan? Enter this key by hand:{' '}
        <code class="secret" data-secret={enrolment.secret}>
          {grouped}
        </code>
      </p>
      <Form
        form={form}
        label="Confirm the authenticator"
        submitLabel="Turn on two-step verification"
        onSubmit={async () => {
          const info = await form.submit((v) =>
            post<SessionInfo & { recovery_codes: string[] }>(
              '/api/v1/auth/mfa/confirm',
              { code: v.code.replace(/\s+/g, '') },
              { quiet401: true },
            ),
          );
          if (info) {
            setCsrfToken(info.csrf_token);
            props.onDone(info, info.recovery_codes);
          }
        }}
      >
        <TextField
          form={form}
          name="code"
          label="Code from the app"
          autocomplete="one-time-code"
          inputMode="numeric"
          required
        />
      </Form>
    </>
  );
}
