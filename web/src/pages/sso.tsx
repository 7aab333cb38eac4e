// Single sign-on as the Security Officer sees it: the provider, the client, how groups become
// roles and when the provider's second factor counts, read-only (the settings live in the
// server's configuration file), with "Test connection" asking the provider now.
import { useState } from 'preact/hooks';
import { get, post, type ApiResponse } from '../api';
import { Alert, Facts, Loading, Page, Section, useLoad } from '../ui';

type Settings = ApiResponse<'/api/v1/sso'>;
type Probe = ApiResponse<'/api/v1/sso/test', 'post'>;

const ROLE_WORDS: Record<string, string> = {
  security_officer: 'Security Officer',
  privacy_officer: 'Privacy Officer',
  staff: 'Staff',
  auditor: 'Auditor',
};

const list = (items?: string[]) => (items && items.length ? items.join(', ') : '');

export function SsoPage() {
  const state = useLoad((signal) => get<Settings>('/api/v1/sso', undefined, signal), []);
  const [probe, setProbe] = useState<Probe | null>(null);
  const [busy, setBusy] = useState(false);

  async function test() {
    setBusy(true);
    try {
      setProbe(await post<Probe>('/api/v1/sso/test'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Single sign-on" subtitle="How people sign in through your identity provider. Read-only here.">
      <Loading state={state} label="single sign-on">
        {(s) =>
          !s.enabled ? (
            <Alert kind="info">
              Single sign-on is not set up. An administrator adds the identity provider to the server's configuration
              file; the operations guide shows examples for Keycloak, Okta, Entra ID and Google.
            </Alert>
          ) : (
            <>
              <Section
                title="Identity provider"
                actions={
                  <button type="button" class="btn" disabled={busy} onClick={test}>
                    {busy ? 'Testing…' : 'Test connection'}
                  </button>
                }
              >
                {probe && (
                  <div aria-live="polite">
                    <Alert kind={probe.ok ? 'ok' : 'error'}>
                      {probe.ok ? 'The connection works.' : 'The connection does not work yet.'}
                    </Alert>
                    <ul class="plain">
                      {probe.steps.map((step) => (
                        <li>
                          <strong>{step.ok ? 'OK' : 'Problem'}:</strong> {step.step}: {step.detail}
                          {step.remedy && <span> What to do: {step.remedy}</span>}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                <Facts
                  items={[
                    ['Provider', s.issuer],
                    ['Shown as', s.display_name ? `Sign in with ${s.display_name}` : ''],
                    ['Client', s.client_id],
                    ['Client secret', s.client_secret_set ? 'Set (kept in a file on the server)' : 'Missing'],
                    ['Return address to register', s.redirect_uri],
                    ['Requested', list(s.scopes)],
                    ['Accepted signatures', list(s.algorithms)],
                  ]}
                />
              </Section>
              <Section title="Accounts and roles">
                <Facts
                  items={[
                    [
                      'New people',
                      s.create_accounts ? 'Get an account that waits for onboarding' : 'Need an account first',
                    ],
                    ['Email from', s.email_claim],
                    ['Groups from', s.groups_claim],
                    [
                      'Second factor counts when the provider says',
                      list([...(s.mfa_amr || []), ...(s.mfa_acr || [])]) || 'never (Accord asks for its own code)',
                    ],
                    [
                      'Passwords',
                      s.sso_required
                        ? `Only for emergency accounts: ${list(s.password_accounts) || 'none'}`
                        : 'Still work for everyone',
                    ],
                  ]}
                />
                <table>
                  <caption class="visually-hidden">Groups and the roles they give</caption>
                  <thead>
                    <tr>
                      <th scope="col">Group at the provider</th>
                      <th scope="col">Role in Accord</th>
                    </tr>
                  </thead>
                  <tbody>
                    {(s.group_roles || []).map((g) => (
                      <tr>
                        <td>{g.group}</td>
                        <td>{ROLE_WORDS[g.role] || g.role}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Section>
            </>
          )
        }
      </Loading>
    </Page>
  );
}
