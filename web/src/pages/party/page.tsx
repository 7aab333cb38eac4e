// One party: its facts, services, contacts, agreements (with the BAA checklist), due diligence,
// SOC 2 reports, documents, access grants, reviews, change notices and its ledger timeline,
// one file per section in this folder. Officers add and change things in place; a
// third-party contact sees only its own organisation and can announce a change, upload
// documents and answer what a review asks.
import { useState } from 'preact/hooks';
import { ApiError, get } from '../../api';
import { Link } from '../../router';
import { useSession, type Role } from '../../session';
import { Alert, Badge, Loading, Page, useLoad } from '../../ui';
import { label, RiskBadge, type Party } from './common';
import { Agreements } from './agreements';
import { ChangeNotices } from './change-notices';
import { Connections } from './connections';
import { Contacts } from './contacts';
import { Documents } from './documents';
import { DueDiligence } from './due-diligence';
import { Grants } from './grants';
import { Overview } from './overview';
import { Requests } from './requests';
import { Reviews } from './reviews';
import { Services } from './services';
import { Soc2Reports } from './soc2-reports';
import { Timeline } from './timeline';
import './party.css';

export function PartyPage(props: { id: string }) {
  const { user } = useSession().info;
  const role = user.role;
  const [rev, setRev] = useState(0);
  const changed = () => setRev((r) => r + 1);
  const party = useLoad(
    (signal) => get<Party>(`/api/v1/parties/${encodeURIComponent(props.id)}`, undefined, signal),
    [props.id, rev],
  );
  const own = role === 'third_party_contact';

  if (party.error instanceof ApiError && (party.error.status === 404 || party.error.status === 403)) {
    return (
      <Page title="Not found">
        <div class="not-found">
          <Alert kind="info">
            This organisation was not found, or it is not yours to see.{' '}
            {own ? (
              <Link href="/">Go to your organisation's page</Link>
            ) : (
              <Link href="/parties">Back to the parties</Link>
            )}
          </Alert>
        </div>
      </Page>
    );
  }
  if (!party.data) {
    return (
      <Page title="Party">
        <Loading state={party} label="the party">
          {() => null}
        </Loading>
      </Page>
    );
  }
  const p = party.data;
  return <PartyView party={p} role={role} rev={rev} changed={changed} own={own} />;
}

function PartyView(props: { party: Party; role: Role; rev: number; changed: () => void; own: boolean }) {
  const { party: p, role, rev, changed, own } = props;
  // Our own assessment (risk, due diligence, our review of its SOC 2 reports, access decisions, reviews, the
  // timeline of our events) is not for the party's contacts; the API withholds it too.
  const showInternal = role !== 'third_party_contact';
  // A contact's first business here is what our reviews ask of it.
  const sections: [string, string][] = [
    ...(own ? ([['sec-requests', 'Requests for information']] as [string, string][]) : []),
    ['sec-services', 'Services'],
    ['sec-contacts', 'Contacts'],
    ['sec-agreements', 'Agreements'],
    ...(showInternal ? ([['sec-due-diligence', 'Due diligence']] as [string, string][]) : []),
    ['sec-soc2', 'SOC 2 reports'],
    ['sec-documents', 'Documents'],
    ...(own ? [] : ([['sec-requests', 'Requests for information']] as [string, string][])),
    ...(showInternal
      ? ([
          ['sec-grants', 'Access grants'],
          ['sec-reviews', 'Reviews'],
        ] as [string, string][])
      : []),
    ['sec-connections', 'Connections'],
    ['sec-changes', 'Change notices'],
    ...(showInternal ? ([['sec-timeline', 'Timeline']] as [string, string][]) : []),
  ];
  return (
    <Page
      title={p.name}
      subtitle={
        <span class="party-head-badges">
          {own && <span>Your organisation ·</span>}
          <span>{label(p.kind)}</span>
          <Badge value={p.status || 'prospect'} />
          {showInternal && <RiskBadge tier={p.risk_tier} />}
          {showInternal && p.infrastructure_partner && (
            <Badge value="infrastructure" tone="info" label="Infrastructure partner" />
          )}
        </span>
      }
      actions={!own && <Link href="/parties">All parties</Link>}
    >
      <nav class="party-toc" aria-label="On this page">
        <ul>
          {sections.map(([id, text]) => (
            <li>
              <a href={`#${id}`}>{text}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Overview party={p} role={role} changed={changed} />
      {own && <Requests party={p} role={role} own={own} rev={rev} changed={changed} />}
      <Services party={p} role={role} changed={changed} />
      <Contacts party={p} role={role} changed={changed} />
      <Agreements party={p} role={role} changed={changed} />
      {showInternal && <DueDiligence party={p} role={role} changed={changed} />}
      <Soc2Reports party={p} role={role} changed={changed} />
      <Documents party={p} role={role} changed={changed} rev={rev} />
      {!own && <Requests party={p} role={role} own={own} rev={rev} changed={changed} />}
      {showInternal && <Grants party={p} role={role} />}
      {showInternal && <Reviews party={p} />}
      <Connections party={p} own={own} />
      <ChangeNotices party={p} role={role} changed={changed} />
      {showInternal && <Timeline party={p} role={role} rev={rev} />}
    </Page>
  );
}
