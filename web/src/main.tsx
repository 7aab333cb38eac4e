// The portal: session handling, the layout and the screens by path.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post, SESSION_EXPIRED, setCsrfToken, type ApiResponse } from './api';
import { Link, match, navigate, useLocation } from './router';
import {
  isOfficer,
  isWorkforce,
  readsLedger,
  ROLE_NAMES,
  SessionContext,
  useSession,
  type Role,
  type SessionApi,
  type SessionInfo,
} from './session';
import { Alert } from './ui';
import { MainNav } from './components/main-nav';
import { scrollToHash } from './hash-target';
import { SignIn } from './pages/sign-in';
import { Dashboard } from './pages/dashboard';
import { MyWorkPage } from './pages/my-work';
import { countBadge, WORK_CHANGED, type MyWork } from './pages/my-work-model';
import { Parties } from './pages/parties';
import { PartyPage } from './pages/party/page';
import { AccessPage } from './pages/access';
import { Reviews, ReviewPage } from './pages/reviews';
import { CalendarPage } from './pages/calendar';
import { EvidencePage } from './pages/evidence';
import { LedgerPage } from './pages/ledger';
import { NotAvailable } from './pages/not-available';
import { mayOpen } from './page-access';
import { FindingPage, Findings } from './pages/findings';
import { ReportRequestPage, ReportRequests } from './pages/report-requests';
import { TrustCenterPage } from './pages/trust-center';
import { StatusPage } from './pages/status';
import { SlaReviewPage } from './pages/sla-review';
import { AccountPage, Accounts } from './pages/accounts';
import { EntitlementReviewPage, EntitlementReviews } from './pages/entitlement-reviews';
import { MyAccount } from './pages/my-account';
import { SsoPage } from './pages/sso';
import { Deliveries, DeliveryPage } from './pages/deliveries';
import { ChangePage, Changes } from './pages/changes';
import { IncidentPage, Incidents } from './pages/incidents';
import { SecureMessagePage, SecureMessages } from './pages/secure-messages';
import { ScanPage, ScansPage } from './pages/scans';
import { CompliancePage, ControlScreen, MatrixScreen } from './pages/compliance';
import { AnswerLibrary, CustomerQuestionnairePage, CustomerQuestionnaires } from './pages/customer-questionnaires';
import { LibraryAnswerPage } from './pages/answer-library-page';
import { QuestionnairesPage } from './pages/questionnaires';
import { QuestionnairePage } from './pages/questionnaire-page';
import { AccountRequestsPage } from './pages/account-requests';
import './styles.css';

type SsoSignOut = ApiResponse<'/api/v1/auth/oidc/sign-out', 'post'>;

type Boot =
  | { kind: 'loading' }
  | { kind: 'signed-out'; notice?: string; resume?: SessionInfo }
  | { kind: 'signed-in'; info: SessionInfo };

function App() {
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' });
  const loc = useLocation();

  useEffect(() => {
    get<SessionInfo>('/api/v1/auth/session').then(
      (info) => accept(info),
      () => setBoot({ kind: 'signed-out' }),
    );
    const expired = () => {
      setCsrfToken('');
      setBoot({
        kind: 'signed-out',
        notice:
          'Your session has ended (it was idle too long or was signed out elsewhere). Sign in again to continue where you were.',
      });
    };
    window.addEventListener(SESSION_EXPIRED, expired);
    return () => window.removeEventListener(SESSION_EXPIRED, expired);
  }, []);

  function accept(info: SessionInfo) {
    setCsrfToken(info.csrf_token);
    // A session part-way through signing in (back from single sign-on) continues at its step.
    setBoot(info.state === 'active' ? { kind: 'signed-in', info } : { kind: 'signed-out', resume: info });
  }

  if (boot.kind === 'loading') {
    return (
      <p class="boot muted" role="status">
        Loading Accord…
      </p>
    );
  }
  if (boot.kind === 'signed-out') {
    return <SignIn notice={boot.notice} resume={boot.resume} onSignedIn={accept} />;
  }
  const api: SessionApi = {
    info: boot.info,
    signOut: async (everywhere = false) => {
      let logoutUrl: string | null = null;
      try {
        if (everywhere) await post('/api/v1/auth/sign-out-everywhere', {}, { quiet401: true });
        else logoutUrl = (await post<SsoSignOut>('/api/v1/auth/oidc/sign-out', {}, { quiet401: true })).logout_url;
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 401)) throw e;
      }
      setCsrfToken('');
      // A session from single sign-on ends at the provider too (RP-initiated logout).
      if (logoutUrl) {
        window.location.assign(logoutUrl);
        return;
      }
      setBoot({ kind: 'signed-out', notice: 'You are signed out.' });
      navigate('/', true);
    },
  };
  return (
    <SessionContext.Provider value={api}>
      <Layout path={loc.path}>
        <Screen path={loc.path} />
      </Layout>
    </SessionContext.Provider>
  );
}

function Screen(props: { path: string }) {
  const { path } = props;
  const { user } = useSession().info;
  const role = user.role;
  let m: Record<string, string> | null;
  if (!mayOpen(role, path)) return <NotAvailable contact={role === 'third_party_contact'} />;
  if (path === '/' || path === '') {
    if (role === 'third_party_contact') {
      return user.party_id ? (
        <PartyPage id={user.party_id} />
      ) : (
        <Alert kind="error">This account is not bound to an organisation.</Alert>
      );
    }
    // The workforce starts from what waits for them; the auditor from the dashboard.
    if (isWorkforce(role)) return <MyWorkPage />;
    return <Dashboard />;
  }
  // Issue 28, item 2: a contact's own My work (its assigned questionnaire sections); the
  // officers' colleague-account requests.
  if (match('/my-work', path)) return <MyWorkPage />;
  if (match('/account-requests', path) && isOfficer(role)) return <AccountRequestsPage />;
  if (match('/dashboard', path) && readsLedger(role)) return <Dashboard />;
  if (match('/parties', path)) return <Parties />;
  if ((m = match('/parties/:id', path))) return <PartyPage id={m.id} />;
  if (match('/access', path)) return <AccessPage />;
  if (match('/reviews', path)) return <Reviews />;
  if ((m = match('/reviews/:id', path))) return <ReviewPage id={m.id} />;
  if (match('/calendar', path)) return <CalendarPage />;
  if (match('/ledger/evidence', path)) return <EvidencePage />;
  if (match('/ledger', path)) return <LedgerPage />;
  if (match('/findings', path) && role !== 'third_party_contact') return <Findings />;
  if ((m = match('/findings/:id', path)) && role !== 'third_party_contact') return <FindingPage id={m.id} />;
  if (match('/report-requests', path) && role !== 'third_party_contact') return <ReportRequests />;
  if ((m = match('/report-requests/:id', path)) && role !== 'third_party_contact')
    return <ReportRequestPage id={m.id} />;
  if (match('/commitments', path) && role !== 'third_party_contact') return <TrustCenterPage />;
  // Issue 27: the quarterly vendor SLA review, for the officers and the auditor.
  if (match('/status/sla-review', path) && (isOfficer(role) || role === 'auditor')) return <SlaReviewPage />;
  if (match('/status', path) && role !== 'third_party_contact') return <StatusPage />;
  if (match('/scans', path) && role !== 'third_party_contact') return <ScansPage />;
  if ((m = match('/scans/:id', path)) && role !== 'third_party_contact') return <ScanPage id={m.id} />;
  // Accounts, entitlement reviews and your own account (issue 20 item 12).
  if (match('/account', path)) return <MyAccount />;
  if (match('/accounts', path)) return <Accounts />;
  if ((m = match('/accounts/:id', path))) return <AccountPage id={m.id} />;
  if (match('/entitlement-reviews', path)) return <EntitlementReviews />;
  if ((m = match('/entitlement-reviews/:id', path))) return <EntitlementReviewPage id={m.id} />;
  if (match('/settings/sso', path) && role === 'security_officer') return <SsoPage />;
  // Deliveries by email, text message and call (issue 26).
  if (match('/deliveries', path) && isOfficer(role)) return <Deliveries />;
  if ((m = match('/deliveries/:id', path)) && isOfficer(role)) return <DeliveryPage id={m.id} />;
  // Change control for our own systems (issue 24).
  if (match('/changes', path) && role !== 'third_party_contact') return <Changes />;
  if ((m = match('/changes/:id', path)) && role !== 'third_party_contact') return <ChangePage id={m.id} />;
  if (match('/secure-messages', path)) return <SecureMessages />;
  if ((m = match('/secure-messages/:id', path))) return <SecureMessagePage id={m.id} />;
  // Compliance mapping and the inheritance matrix (issue 23).
  if (match('/compliance', path)) return <CompliancePage />;
  if ((m = match('/compliance/controls/:id', path))) return <ControlScreen id={decodeURIComponent(m.id)} />;
  if ((m = match('/compliance/matrix/:party', path))) return <MatrixScreen party={m.party} />;
  // Due-diligence questionnaires (issue 28).
  if (match('/questionnaires', path)) return <QuestionnairesPage />;
  if ((m = match('/questionnaires/:id', path))) return <QuestionnairePage id={m.id} />;
  // Answering our customers' questionnaires (issue 28, part 5).
  if (match('/customer-questionnaires', path)) return <CustomerQuestionnaires />;
  if ((m = match('/customer-questionnaires/:id', path))) return <CustomerQuestionnairePage id={m.id} />;
  if (match('/answer-library', path)) return <AnswerLibrary />;
  if ((m = match('/answer-library/:id', path))) return <LibraryAnswerPage id={m.id} />;
  // Incidents (issue 27, TR-8): a party's contact sees those its party is involved in.
  if (match('/incidents', path)) return <Incidents />;
  if ((m = match('/incidents/:id', path))) return <IncidentPage id={m.id} />;
  return (
    <div>
      <h1>Not found</h1>
      <Alert kind="info">
        There is no page at <code>{path}</code>. <Link href="/">Go to the start page</Link>.
      </Alert>
    </div>
  );
}

// How much waits for the signed-in person (the workforce): read on arrival, after each
// navigation and whenever a screen says the work changed; null for everyone else.
function useWorkCount(role: Role, path: string): number | null {
  const [count, setCount] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const changed = () => setTick((t) => t + 1);
    window.addEventListener(WORK_CHANGED, changed);
    return () => window.removeEventListener(WORK_CHANGED, changed);
  }, []);
  useEffect(() => {
    if (!isWorkforce(role) && role !== 'third_party_contact') return;
    const ctl = new AbortController();
    get<MyWork>('/api/v1/my-work', { limit: 0 }, ctl.signal).then(
      (w) => setCount(w.total),
      () => {},
    );
    return () => ctl.abort();
  }, [role, path, tick]);
  return count;
}

function Layout(props: { path: string; children: preact.ComponentChildren }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const role = useSession().info.user.role;
  const workCount = useWorkCount(role, props.path);
  useEffect(() => scrollToHash(window.location.hash), [props.path]);
  // Arriving somewhere folds the phone's menu (the back button too).
  useEffect(() => setMenuOpen(false), [props.path]);
  return (
    <SessionContext.Consumer>
      {(s) => {
        const info = s!.info;
        return (
          <>
            <a class="skip-link" href="#main">
              Skip to content
            </a>
            <header class="topbar">
              <div class="brand">
                <Link href="/">Accord</Link>
              </div>
              <button
                type="button"
                class="menu-toggle btn"
                aria-expanded={menuOpen}
                aria-controls="main-nav"
                onClick={() => setMenuOpen(!menuOpen)}
              >
                Menu
                {workCount !== null && workCount > 0 && (
                  <span class="nav-count">
                    <span class="visually-hidden">: </span>
                    {countBadge(workCount)}
                    <span class="visually-hidden"> waiting in My work</span>
                  </span>
                )}
              </button>
              <MainNav
                role={role}
                path={props.path}
                workCount={workCount}
                menuOpen={menuOpen}
                onClose={() => setMenuOpen(false)}
              />
              <div class="account">
                <Link
                  href="/account"
                  class="who"
                  aria-current={props.path === '/account' ? 'page' : undefined}
                  onClick={() => setMenuOpen(false)}
                >
                  <span class="who-name">{info.user.name || info.user.email}</span>
                  <span class="who-role">
                    {ROLE_NAMES[role] || role}
                    <span class="visually-hidden">: your account</span>
                  </span>
                </Link>
                <button type="button" class="btn" onClick={() => s!.signOut()}>
                  Sign out
                </button>
              </div>
            </header>
            <main id="main" class={isOfficer(role) ? 'officer' : ''}>
              {props.children}
            </main>
          </>
        );
      }}
    </SessionContext.Consumer>
  );
}

render(<App />, document.getElementById('app')!);
