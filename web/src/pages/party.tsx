// One party: its facts, services, contacts, agreements (with the BAA checklist), due diligence,
// SOC 2 reports, documents, access grants, reviews, change notices and its ledger timeline.
// Officers add and change things in place; a third-party contact sees only its own
// organisation and can announce a change, upload documents and answer what a review asks.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { ApiError, get, patch, post, request, type ListPage } from '../api';
import { Link } from '../router';
import { isOfficer, isWorkforce, readsLedger, ROLE_NAMES, useSession, type Role } from '../session';
import {
  Alert,
  Badge,
  CheckboxField,
  DateText,
  Empty,
  Facts,
  Form,
  Loading,
  Page,
  Section,
  SelectField,
  TextField,
  formatDate,
  humanize,
  useForm,
  useLoad,
  type FormState,
} from '../ui';
import {
  bodyOf,
  categoryList,
  CheckGroup,
  DATA_CATEGORIES,
  ExpiryNote,
  label,
  RiskBadge,
  yesNo,
  type Party,
} from './party-common';
import { AwaitingBadge, documentNames, Thread } from './party-requests';
import { plainRefusal } from './review-common';
import type { PartyRequest, PartyResponse } from './review-kinds';
import './party.css';

type Obj = Record<string, any>;

const LIST_LIMIT = 100;
const today = () => new Date().toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 86400000).toISOString().slice(0, 10);

function useList<T = Obj>(path: string | null, query: Record<string, string> | undefined, deps: unknown[]) {
  return useLoad<ListPage<T>>(
    (signal) => (path ? get<ListPage<T>>(path, { limit: LIST_LIMIT, ...query }, signal) : Promise.resolve({ items: [], next_cursor: null })),
    deps,
  );
}

// "Add …" button that reveals a small form in place; the form calls done() after success.
function Reveal(props: { label: string; children: (close: () => void) => ComponentChildren; open?: boolean }) {
  const [open, setOpen] = useState(!!props.open);
  const btn = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    setTimeout(() => btn.current?.focus(), 0);
  };
  if (!open) {
    return (
      <button type="button" class="btn btn-small" ref={btn} onClick={() => setOpen(true)}>
        {props.label}
      </button>
    );
  }
  return <div class="inline-form">{props.children(close)}</div>;
}

function CancelButton(props: { onClick: () => void }) {
  return (
    <button type="button" class="btn" onClick={props.onClick}>
      Cancel
    </button>
  );
}

// Success message that is announced and then stays until the next action.
function useNotice(): [string, (s: string) => void] {
  const [msg, setMsg] = useState('');
  return [msg, setMsg];
}

export function PartyPage(props: { id: string }) {
  const { user } = useSession().info;
  const role = user.role;
  const [rev, setRev] = useState(0);
  const changed = () => setRev((r) => r + 1);
  const party = useLoad((signal) => get<Party>(`/api/v1/parties/${encodeURIComponent(props.id)}`, undefined, signal), [props.id, rev]);
  const own = role === 'third_party_contact';

  if (party.error instanceof ApiError && (party.error.status === 404 || party.error.status === 403)) {
    return (
      <Page title="Not found">
        <div class="not-found">
          <Alert kind="info">
            This organisation was not found, or it is not yours to see.{' '}
            {own ? <Link href="/">Go to your organisation's page</Link> : <Link href="/parties">Back to the parties</Link>}
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
  const officer = isOfficer(role);
  // Our own assessment (risk, due diligence, SOC 2 review, access decisions, reviews, the
  // timeline of our events) is not for the party's contacts; the API withholds it too.
  const showInternal = role !== 'third_party_contact';
  // A contact's first business here is what our reviews ask of it.
  const sections: [string, string][] = [
    ...(own ? ([['sec-requests', 'Requests for information']] as [string, string][]) : []),
    ['sec-services', 'Services'],
    ['sec-contacts', 'Contacts'],
    ['sec-agreements', 'Agreements'],
    ...(showInternal
      ? ([
          ['sec-due-diligence', 'Due diligence'],
          ['sec-soc2', 'SOC 2 reports'],
        ] as [string, string][])
      : []),
    ['sec-documents', 'Documents'],
    ...(own ? [] : ([['sec-requests', 'Requests for information']] as [string, string][])),
    ...(showInternal
      ? ([
          ['sec-grants', 'Access grants'],
          ['sec-reviews', 'Reviews'],
        ] as [string, string][])
      : []),
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
          {showInternal && p.infrastructure_partner && <Badge value="infrastructure" tone="info" label="Infrastructure partner" />}
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
      <Section title="Overview" id="sec-overview" actions={officer && <PartyStatus party={p} changed={changed} />}>
        <Facts
          items={[
            ['Legal name', p.legal_name],
            ['Kind', label(p.kind)],
            ['Status', <Badge value={p.status || 'prospect'} />],
            ...((showInternal
              ? [
                  ['Risk tier', <RiskBadge tier={p.risk_tier} />],
                  ['Criticality', humanize(p.criticality)],
                  ['Access to our systems', humanize(p.access_level)],
                  ['Data categories', categoryList(p.data_categories)],
                  ['Owner', p.owner],
                ]
              : []) as [string, ComponentChildren][]),
            ['Location', [p.location, p.region].filter(Boolean).join(' · ')],
            ['Website', p.website && /^https?:\/\//.test(p.website) ? <a href={p.website} rel="noopener noreferrer" target="_blank">{p.website}</a> : p.website],
            ['Purpose', p.purpose],
            ['Public subprocessor', yesNo(p.public_subprocessor)],
          ]}
        />
      </Section>
      {own && <Requests party={p} role={role} own={own} rev={rev} changed={changed} />}
      <Services party={p} role={role} changed={changed} />
      <Contacts party={p} role={role} changed={changed} />
      <Agreements party={p} role={role} changed={changed} />
      {showInternal && <DueDiligence party={p} role={role} changed={changed} />}
      {showInternal && <Soc2Reports party={p} role={role} />}
      <Documents party={p} role={role} changed={changed} rev={rev} />
      {!own && <Requests party={p} role={role} own={own} rev={rev} changed={changed} />}
      {showInternal && <Grants party={p} role={role} />}
      {showInternal && <Reviews party={p} />}
      <ChangeNotices party={p} role={role} changed={changed} />
      {showInternal && <Timeline party={p} role={role} rev={rev} />}
    </Page>
  );
}

// ---- the party's status (officers) ----

const PARTY_NEXT: Record<string, string[]> = {
  prospect: ['onboarding', 'offboarded'],
  onboarding: ['active', 'offboarded'],
  active: ['offboarded'],
  offboarded: ['onboarding'],
};

function PartyStatus(props: { party: Party; changed: () => void }) {
  const next = PARTY_NEXT[props.party.status || 'prospect'] || [];
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);
  if (!next.length) return null;
  return (
    <div class="row-actions">
      {err && <Alert kind="error">{err}</Alert>}
      {next.map((s) => (
        <button
          type="button"
          class="btn btn-small"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setErr('');
            try {
              await patch(`/api/v1/parties/${props.party.id}`, { status: s });
              props.changed();
            } catch (e) {
              setErr((e as Error).message);
            } finally {
              setBusy(false);
            }
          }}
        >
          {s === 'offboarded' ? 'Offboard' : `Mark ${humanize(s).toLowerCase()}`}
        </button>
      ))}
    </div>
  );
}

// ---- services ----

function Services(props: { party: Party; role: Role; changed: () => void }) {
  const list = useList(`/api/v1/parties/${props.party.id}/services`, undefined, [props.party.id]);
  const officer = isOfficer(props.role);
  return (
    <Section title="Services" id="sec-services">
      {officer && (
        <Reveal label="Add service">
          {(close) => (
            <ServiceForm
              party={props.party}
              close={close}
              done={() => {
                list.reload();
                props.changed();
                close();
              }}
            />
          )}
        </Reveal>
      )}
      <Loading state={list} label="services">
        {(d) =>
          d.items.length === 0 ? (
            <Empty>No services recorded.</Empty>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Service</th>
                    <th scope="col">Direction</th>
                    <th scope="col">Handles ePHI</th>
                    <th scope="col" class="hide-narrow">
                      Data
                    </th>
                    <th scope="col" class="hide-narrow">
                      Environment boundary
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((s) => (
                    <tr key={s.id}>
                      <td>
                        {s.name}
                        {s.description && <div class="muted small">{s.description}</div>}
                      </td>
                      <td>{humanize(s.direction) || <span class="muted">—</span>}</td>
                      <td>{s.handles_ephi ? <Badge value="ephi" tone="bad" label="Yes, ePHI" /> : 'No'}</td>
                      <td class="hide-narrow">{categoryList(s.data_categories) || <span class="muted">—</span>}</td>
                      <td class="hide-narrow">{s.environment_boundary || <span class="muted">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loading>
    </Section>
  );
}

function ServiceForm(props: { party: Party; close: () => void; done: () => void }) {
  const form = useForm({ name: '', description: '', direction: 'provides', handles_ephi: 'false', environment_boundary: '', data_categories: '' });
  return (
    <>
      <h3>Add a service</h3>
      <Form
        form={form}
        label="Add service"
        submitLabel="Add service"
        secondary={<CancelButton onClick={props.close} />}
        onSubmit={() =>
          form
            .submit((v) => {
              const body = bodyOf(v, { bools: ['handles_ephi'], skip: ['data_categories'] });
              const cats = v.data_categories.split(',').filter(Boolean);
              if (cats.length) body.data_categories = cats;
              return post(`/api/v1/parties/${props.party.id}/services`, body);
            })
            .then((r) => r && props.done())
        }
      >
        <div class="form-grid">
          <TextField form={form} name="name" label="Service name" required />
          <SelectField form={form} name="direction" label="Direction" options={[{ value: 'provides', label: 'Provides to us' }, { value: 'uses', label: 'Uses our service' }]} />
          <TextField form={form} name="environment_boundary" label="Environment boundary" hint="Its own account or tenant" />
        </div>
        <TextField form={form} name="description" label="Description" multiline rows={2} />
        <CheckGroup form={form} name="data_categories" legend="Data categories" options={DATA_CATEGORIES} />
        <CheckboxField form={form} name="handles_ephi" label="Creates, receives, maintains or transmits ePHI" />
      </Form>
    </>
  );
}

// ---- contacts ----

function Contacts(props: { party: Party; role: Role; changed: () => void }) {
  const list = useList(`/api/v1/parties/${props.party.id}/contacts`, undefined, [props.party.id]);
  const canAdd = isOfficer(props.role) || props.role === 'third_party_contact';
  return (
    <Section title="Contacts" id="sec-contacts">
      {canAdd && (
        <Reveal label="Add contact">
          {(close) => (
            <ContactForm
              party={props.party}
              close={close}
              done={() => {
                list.reload();
                props.changed();
                close();
              }}
            />
          )}
        </Reveal>
      )}
      <Loading state={list} label="contacts">
        {(d) =>
          d.items.length === 0 ? (
            <Empty>No contacts recorded.</Empty>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Email</th>
                    <th scope="col" class="hide-narrow">
                      Phone
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        {c.name} {c.primary && <Badge value="primary" tone="info" label="Primary" />}
                      </td>
                      <td>{c.role || <span class="muted">—</span>}</td>
                      <td>
                        <a href={`mailto:${c.email}`}>{c.email}</a>
                      </td>
                      <td class="hide-narrow">{c.phone || <span class="muted">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loading>
    </Section>
  );
}

function ContactForm(props: { party: Party; close: () => void; done: () => void }) {
  const form = useForm({ name: '', email: '', phone: '', role: '', primary: 'false' });
  return (
    <>
      <h3>Add a contact</h3>
      <Form
        form={form}
        label="Add contact"
        submitLabel="Add contact"
        secondary={<CancelButton onClick={props.close} />}
        onSubmit={() =>
          form.submit((v) => post(`/api/v1/parties/${props.party.id}/contacts`, bodyOf(v, { bools: ['primary'] }))).then((r) => r && props.done())
        }
      >
        <div class="form-grid">
          <TextField form={form} name="name" label="Name" required />
          <TextField form={form} name="email" label="Email" type="email" required autocomplete="off" />
          <TextField form={form} name="phone" label="Phone" type="tel" hint="International format, e.g. +14155550100" />
          <TextField form={form} name="role" label="Role" hint="e.g. security, account manager, incident contact" />
        </div>
        <CheckboxField form={form} name="primary" label="Primary contact" />
      </Form>
    </>
  );
}

// ---- agreements ----

const AGREEMENT_TYPES = ['baa', 'sla', 'nda', 'dev_contract', 'msa', 'dpa'];
const AGREEMENT_NEXT: Record<string, string[]> = {
  draft: ['sent', 'executed', 'terminated'],
  sent: ['executed', 'draft', 'terminated'],
  executed: ['expired', 'terminated'],
  expired: [],
  terminated: [],
};
const BAA_CLAUSES: [string, string][] = [
  ['safeguards', 'Safeguards: the business associate implements safeguards for ePHI (164.314(a)(2)(i)(A))'],
  ['subcontractor_flow_down', 'Subcontractors agree to the same restrictions (164.314(a)(2)(i)(B))'],
  ['incident_reporting', 'Security incidents and breaches are reported to us (164.314(a)(2)(i)(C))'],
];
const SLA_SECTIONS: [string, string][] = [
  ['liability', 'Liability'],
  ['service_definitions', 'Service definitions'],
  ['security_controls', 'Security controls'],
  ['service_management', 'Service management'],
];

function Agreements(props: { party: Party; role: Role; changed: () => void }) {
  const list = useList(`/api/v1/parties/${props.party.id}/agreements`, undefined, [props.party.id]);
  const officer = isOfficer(props.role);
  const [editing, setEditing] = useState('');
  const [notice, setNotice] = useNotice();
  const done = (msg: string) => {
    setNotice(msg);
    list.reload();
    props.changed();
  };
  return (
    <Section title="Agreements" id="sec-agreements">
      {notice && <Alert kind="ok">{notice}</Alert>}
      {officer && (
        <Reveal label="Add agreement">
          {(close) => (
            <AgreementForm
              party={props.party}
              close={close}
              done={(a) => {
                close();
                done(`${label(a.type)} added as ${humanize(a.status || 'draft').toLowerCase()}.`);
              }}
            />
          )}
        </Reveal>
      )}
      <Loading state={list} label="agreements">
        {(d) =>
          d.items.length === 0 ? (
            <Empty>No agreements recorded.</Empty>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Agreement</th>
                    <th scope="col">Status</th>
                    <th scope="col" class="hide-narrow">
                      Effective
                    </th>
                    <th scope="col">Expires</th>
                    <th scope="col" class="hide-narrow">
                      Terms
                    </th>
                    {officer && <th scope="col">Actions</th>}
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((a) => [
                    <tr key={a.id}>
                      <td>
                        <strong>{label(a.type)}</strong>
                        {a.title && a.title !== label(a.type) && <div class="small">{a.title}</div>}
                        {a.signed_by && <div class="muted small">Signed by {a.signed_by}</div>}
                      </td>
                      <td>
                        <Badge value={a.status || 'draft'} />
                      </td>
                      <td class="hide-narrow">
                        <DateText value={a.effective_at} />
                      </td>
                      <td>
                        <DateText value={a.expires_at} />
                        {a.expires_at && a.status !== 'terminated' && (
                          <div>
                            <ExpiryNote at={a.expires_at} status={a.status} />
                          </div>
                        )}
                      </td>
                      <td class="hide-narrow">
                        <Terms a={a} />
                      </td>
                      {officer && (
                        <td>
                          {(AGREEMENT_NEXT[a.status || 'draft'] || []).length > 0 && (
                            <button
                              type="button"
                              class="btn btn-small"
                              aria-expanded={editing === a.id}
                              aria-label={`Update ${label(a.type)}${a.title ? ' ' + a.title : ''}`}
                              onClick={() => setEditing(editing === a.id ? '' : a.id)}
                            >
                              Update
                            </button>
                          )}
                        </td>
                      )}
                    </tr>,
                    editing === a.id && (
                      <tr class="agreement-edit-row" key={a.id + '-edit'}>
                        <td colSpan={6}>
                          <AgreementEdit
                            a={a}
                            close={() => setEditing('')}
                            done={(n) => {
                              setEditing('');
                              done(`${label(n.type)} is now ${humanize(n.status).toLowerCase()}.`);
                            }}
                          />
                        </td>
                      </tr>
                    ),
                  ])}
                </tbody>
              </table>
            </div>
          )
        }
      </Loading>
    </Section>
  );
}

function Terms(props: { a: Obj }) {
  const { a } = props;
  if (a.type === 'baa') {
    const b = a.baa || {};
    return (
      <ul class="clauses" aria-label="BAA checklist">
        {BAA_CLAUSES.map(([k, text]) => (
          <li class={b[k] ? 'clause-yes' : 'clause-no'}>
            {text.split(' (')[0].split(':')[0]}: {b[k] ? 'confirmed' : 'not confirmed'}
          </li>
        ))}
        <li class={b.responsibilities ? 'clause-yes' : 'clause-no'}>Responsibilities: {b.responsibilities ? 'assigned' : 'not assigned'}</li>
      </ul>
    );
  }
  if (a.type === 'sla') {
    const s = a.sla || {};
    return (
      <ul class="clauses" aria-label="SLA sections">
        {SLA_SECTIONS.map(([k, text]) => (
          <li class={s[k] ? 'clause-yes' : 'clause-no'}>
            {text}: {s[k] ? 'covered' : 'missing'}
          </li>
        ))}
        {s.uptime_percent !== undefined && <li>Uptime {s.uptime_percent}%</li>}
      </ul>
    );
  }
  return <span class="muted">—</span>;
}

// The BAA checklist / SLA sections as form fields named like the server's error fields
// ("baa.safeguards"), so a refusal shows beside each one.
function ClauseFields(props: { form: FormState; type: string }) {
  const { form, type } = props;
  if (type === 'baa') {
    return (
      <fieldset class="check-group">
        <legend>BAA clauses (HIPAA 164.314(a)(2)(i)) — all required before it is executed</legend>
        {BAA_CLAUSES.map(([k, text]) => (
          <CheckboxField form={form} name={`baa.${k}`} label={text} />
        ))}
        <TextField form={form} name="baa.responsibilities" label="Responsibilities" multiline rows={2} hint="Who secures what, and how breaches are reported" />
      </fieldset>
    );
  }
  if (type === 'sla') {
    return (
      <fieldset class="check-group">
        <legend>SLA sections — all required before it is executed</legend>
        {SLA_SECTIONS.map(([k, text]) => (
          <CheckboxField form={form} name={`sla.${k}`} label={text} />
        ))}
      </fieldset>
    );
  }
  return null;
}

function clauseValues(a: Obj | null): Record<string, string> {
  const b = a?.baa || {};
  const s = a?.sla || {};
  const out: Record<string, string> = {};
  for (const [k] of BAA_CLAUSES) out[`baa.${k}`] = b[k] ? 'true' : 'false';
  out['baa.responsibilities'] = b.responsibilities || '';
  for (const [k] of SLA_SECTIONS) out[`sla.${k}`] = s[k] ? 'true' : 'false';
  return out;
}

function clauseBody(type: string, v: Record<string, string>, current?: Obj): Obj | undefined {
  if (type === 'baa') {
    const baa: Obj = { ...(current?.baa || {}) };
    for (const [k] of BAA_CLAUSES) baa[k] = v[`baa.${k}`] === 'true';
    if (v['baa.responsibilities'].trim()) baa.responsibilities = v['baa.responsibilities'];
    else delete baa.responsibilities;
    return { baa };
  }
  if (type === 'sla') {
    const sla: Obj = { ...(current?.sla || {}) };
    for (const [k] of SLA_SECTIONS) sla[k] = v[`sla.${k}`] === 'true';
    return { sla };
  }
  return undefined;
}

function AgreementForm(props: { party: Party; close: () => void; done: (a: Obj) => void }) {
  const form = useForm({
    type: '',
    title: '',
    status: 'draft',
    effective_at: '',
    expires_at: '',
    renewal_notice_days: '',
    signed_by: '',
    baa: '',
    sla: '',
    ...clauseValues(null),
  });
  const type = form.values.type;
  return (
    <>
      <h3>Add an agreement</h3>
      <Form
        form={form}
        label="Add agreement"
        submitLabel="Add agreement"
        class="form form-wide"
        secondary={<CancelButton onClick={props.close} />}
        onSubmit={() =>
          form
            .submit((v) => {
              const body: Obj = bodyOf(v, { skip: ['baa', 'sla', 'renewal_notice_days'] });
              if (v.renewal_notice_days !== '') body.renewal_notice_days = Number(v.renewal_notice_days);
              Object.assign(body, clauseBody(v.type, v) || {});
              return post<Obj>(`/api/v1/parties/${props.party.id}/agreements`, body);
            })
            .then((a) => a && props.done(a))
        }
      >
        <div class="form-grid">
          <SelectField form={form} name="type" label="Type" required placeholder="Choose a type" options={AGREEMENT_TYPES.map((t) => ({ value: t, label: label(t) }))} />
          <TextField form={form} name="title" label="Title" />
          <SelectField form={form} name="status" label="Status" options={['draft', 'sent', 'executed']} />
          <TextField form={form} name="effective_at" label="Effective from" type="date" />
          <TextField form={form} name="expires_at" label="Expires on" type="date" />
          <TextField form={form} name="renewal_notice_days" label="Renewal notice (days)" type="number" inputMode="numeric" min="0" />
          <TextField form={form} name="signed_by" label="Signed by (for the party)" />
        </div>
        {(form.errors.baa || form.errors.sla) && <p class="field-error">{form.errors.baa || form.errors.sla}</p>}
        <ClauseFields form={form} type={type} />
      </Form>
    </>
  );
}

function AgreementEdit(props: { a: Obj; close: () => void; done: (a: Obj) => void }) {
  const { a } = props;
  const status = a.status || 'draft';
  const initial = {
    status: (AGREEMENT_NEXT[status] || []).includes('executed') ? 'executed' : status,
    effective_at: (a.effective_at || '').slice(0, 10),
    expires_at: (a.expires_at || '').slice(0, 10),
    signed_by: a.signed_by || '',
    baa: '',
    sla: '',
    ...clauseValues(a),
  };
  const form = useForm(initial);
  return (
    <>
      <h3>
        Update the {label(a.type)}
        {a.title ? `: ${a.title}` : ''}
      </h3>
      <Form
        form={form}
        label={`Update ${label(a.type)}`}
        submitLabel="Save"
        class="form form-wide"
        secondary={<CancelButton onClick={props.close} />}
        onSubmit={() =>
          form
            .submit((v) => {
              const body: Obj = {};
              if (v.status !== status) body.status = v.status;
              for (const k of ['effective_at', 'expires_at']) {
                if (v[k] !== (a[k] || '').slice(0, 10)) body[k] = v[k] || null;
              }
              if (v.signed_by !== (a.signed_by || '')) body.signed_by = v.signed_by || null;
              const clauses = clauseBody(a.type, v, a);
              if (clauses) {
                const key = Object.keys(clauses)[0];
                if (JSON.stringify(clauses[key]) !== JSON.stringify(a[key] || {})) Object.assign(body, clauses);
              }
              return patch<Obj>(`/api/v1/agreements/${a.id}`, body);
            })
            .then((n) => n && props.done(n))
        }
      >
        <div class="form-grid">
          <SelectField
            form={form}
            name="status"
            label="Status"
            options={[{ value: status, label: `${humanize(status)} (now)` }, ...(AGREEMENT_NEXT[status] || []).map((s) => ({ value: s, label: humanize(s) }))]}
          />
          <TextField form={form} name="effective_at" label="Effective from" type="date" />
          <TextField form={form} name="expires_at" label="Expires on" type="date" />
          <TextField form={form} name="signed_by" label="Signed by (for the party)" />
        </div>
        {(form.errors.baa || form.errors.sla) && <p class="field-error">{form.errors.baa || form.errors.sla}</p>}
        <ClauseFields form={form} type={a.type} />
      </Form>
    </>
  );
}

// ---- due diligence ----

function DueDiligence(props: { party: Party; role: Role; changed: () => void }) {
  const list = useList(`/api/v1/parties/${props.party.id}/due-diligence`, undefined, [props.party.id]);
  const officer = isOfficer(props.role);
  const { user } = useSession().info;
  const [notice, setNotice] = useNotice();
  return (
    <Section title="Due diligence" id="sec-due-diligence">
      {notice && <Alert kind="ok">{notice}</Alert>}
      {officer && (
        <Reveal label="Add due diligence">
          {(close) => (
            <DueDiligenceForm
              party={props.party}
              reviewer={user.name || user.email}
              close={close}
              done={() => {
                close();
                setNotice('Due diligence recorded.');
                list.reload();
                props.changed();
              }}
            />
          )}
        </Reveal>
      )}
      <Loading state={list} label="due diligence">
        {(d) =>
          d.items.length === 0 ? (
            <Empty>No due diligence recorded.</Empty>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Result</th>
                    <th scope="col" class="hide-narrow">
                      Scope
                    </th>
                    <th scope="col" class="hide-narrow">
                      Reviewer
                    </th>
                    <th scope="col">Next due</th>
                    <th scope="col" class="hide-narrow">
                      Summary
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...d.items]
                    .sort((x, y) => String(y.date).localeCompare(String(x.date)))
                    .map((r) => (
                      <tr key={r.id}>
                        <td>
                          <DateText value={r.date} />
                        </td>
                        <td>
                          <Badge value={r.result} tone={r.result === 'passed' ? 'ok' : r.result === 'failed' ? 'bad' : 'warn'} />
                        </td>
                        <td class="hide-narrow">{humanize(r.scope) || <span class="muted">—</span>}</td>
                        <td class="hide-narrow">{r.reviewer}</td>
                        <td>
                          <DateText value={r.next_due_at} />
                        </td>
                        <td class="hide-narrow">{r.summary || <span class="muted">—</span>}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loading>
    </Section>
  );
}

function DueDiligenceForm(props: { party: Party; reviewer: string; close: () => void; done: () => void }) {
  const form = useForm({ date: today(), reviewer: props.reviewer, result: '', scope: 'security', summary: '', next_due_at: '' });
  return (
    <>
      <h3>Record due diligence</h3>
      <Form
        form={form}
        label="Add due diligence"
        submitLabel="Record due diligence"
        secondary={<CancelButton onClick={props.close} />}
        onSubmit={() => form.submit((v) => post(`/api/v1/parties/${props.party.id}/due-diligence`, bodyOf(v))).then((r) => r && props.done())}
      >
        <div class="form-grid">
          <TextField form={form} name="date" label="Date" type="date" required />
          <TextField form={form} name="reviewer" label="Reviewer" required />
          <SelectField form={form} name="result" label="Result" required placeholder="Choose a result" options={['passed', 'conditional', 'failed']} />
          <SelectField form={form} name="scope" label="Scope" options={['security', 'privacy', 'financial', 'compliance', 'other']} />
          <TextField form={form} name="next_due_at" label="Next due" type="date" hint="When it should be done again" />
        </div>
        <TextField form={form} name="summary" label="Summary" multiline rows={3} />
      </Form>
    </>
  );
}

// ---- SOC 2 reports (workforce and auditors) ----

function Soc2Reports(props: { party: Party; role: Role }) {
  const list = useList(`/api/v1/parties/${props.party.id}/soc2-reports`, undefined, [props.party.id]);
  return (
    <Section title="SOC 2 reports" id="sec-soc2">
      {list.error instanceof ApiError && list.error.status === 403 ? (
        <Empty>Your role does not read SOC 2 reports.</Empty>
      ) : (
        <Loading state={list} label="SOC 2 reports">
          {(d) =>
            d.items.length === 0 ? (
              <Empty>
                No SOC 2 report recorded.
                {props.party.infrastructure_partner && ' An infrastructure partner needs one reviewed every 12 months (TP-11).'}
              </Empty>
            ) : (
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Report</th>
                      <th scope="col">Period</th>
                      <th scope="col">Opinion</th>
                      <th scope="col" class="hide-narrow">
                        Auditor
                      </th>
                      <th scope="col">Reviewed</th>
                      <th scope="col" class="hide-narrow">
                        Exceptions
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.items.map((r) => (
                      <tr key={r.id}>
                        <td>
                          SOC 2 {label(r.type)}
                          {r.document_id && (
                            <div class="small">
                              <a href={`/api/v1/documents/${r.document_id}/content`} download>
                                Download the report
                              </a>
                            </div>
                          )}
                        </td>
                        <td>
                          {r.period_start ? `${formatDate(r.period_start)} – ` : 'Up to '}
                          {formatDate(r.period_end)}
                        </td>
                        <td>
                          <Badge value={r.opinion} tone={r.opinion === 'unqualified' ? 'ok' : r.opinion === 'qualified' ? 'warn' : 'bad'} />
                        </td>
                        <td class="hide-narrow">{r.auditor}</td>
                        <td>
                          <DateText value={r.reviewed_at} />
                        </td>
                        <td class="hide-narrow">
                          {(r.exceptions || []).length === 0
                            ? 'None'
                            : (r.exceptions as Obj[]).map((x) => (
                                <div class="small">
                                  {x.severity && <Badge value={x.severity} />} {x.control}
                                </div>
                              ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Loading>
      )}
    </Section>
  );
}

// ---- documents ----

const TYPES_BY_EXT: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  csv: 'text/csv',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function contentTypeOf(file: File): string {
  if (file.type) return file.type;
  const ext = (file.name.split('.').pop() || '').toLowerCase();
  return TYPES_BY_EXT[ext] || 'application/octet-stream';
}

function formatSize(n?: number): string {
  if (n === undefined || n === null) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function uploadDocument(partyId: string, file: Blob, filename: string, contentType: string) {
  return request<Obj>('POST', `/api/v1/parties/${partyId}/documents`, undefined, {
    raw: file,
    contentType,
    query: { filename },
  });
}

const DOC_PURPOSES: [string, string][] = [
  ['soc2', 'SOC 2 report'],
  ['evidence', 'Evidence for a review or questionnaire'],
  ['other', 'Other document'],
];
const DOC_PREFIX: Record<string, string> = { soc2: 'SOC 2 report - ', evidence: 'Evidence - ', other: '' };

function Documents(props: { party: Party; role: Role; changed: () => void; rev: number }) {
  const list = useList(`/api/v1/parties/${props.party.id}/documents`, undefined, [props.party.id, props.rev]);
  const contact = props.role === 'third_party_contact';
  const canUpload = isOfficer(props.role) || contact;
  const [notice, setNotice] = useNotice();
  return (
    <Section title="Documents" id="sec-documents">
      {notice && <Alert kind="ok">{notice}</Alert>}
      {canUpload && (
        <Reveal label={contact ? 'Upload a document (e.g. your SOC 2 report)' : 'Upload a document'}>
          {(close) => (
            <UploadForm
              party={props.party}
              contact={contact}
              close={close}
              done={(d) => {
                close();
                setNotice(`${d.filename} uploaded.`);
                props.changed();
              }}
            />
          )}
        </Reveal>
      )}
      <Loading state={list} label="documents">
        {(d) =>
          d.items.length === 0 ? (
            <Empty>No documents yet.</Empty>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">File</th>
                    <th scope="col" class="hide-narrow">
                      Type
                    </th>
                    <th scope="col">Size</th>
                    <th scope="col">Uploaded</th>
                    <th scope="col" class="hide-narrow">
                      By
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...d.items].reverse().map((doc) => (
                    <tr key={doc.id}>
                      <td>
                        <a href={`/api/v1/documents/${doc.id}/content`} download={doc.filename}>
                          {doc.filename}
                        </a>
                        {doc.agreement_id && <div class="muted small">Agreement document</div>}
                      </td>
                      <td class="hide-narrow">{doc.content_type}</td>
                      <td>{formatSize(doc.size)}</td>
                      <td>
                        <DateText value={doc.created_at} />
                      </td>
                      <td class="hide-narrow">{doc.uploaded_by ? ROLE_NAMES[doc.uploaded_by.role as Role] || doc.uploaded_by.role : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loading>
    </Section>
  );
}

// A file chosen in a form: its name in the form's values (so errors show beside it), the
// File itself in a ref.
function FileField(props: { form: FormState; name: string; label: string; fileRef: { current: File | null }; hint?: string; required?: boolean; id?: string }) {
  const id = props.id || `file-${props.name}`;
  const err = props.form.errors[props.name];
  const describedBy = [props.hint ? id + '-hint' : '', err ? id + '-error' : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field file-field${err ? ' field-invalid' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      <input
        id={id}
        type="file"
        accept=".pdf,.png,.jpg,.jpeg,.txt,.csv,.docx,.xlsx"
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          const f = (e.target as HTMLInputElement).files?.[0] || null;
          props.fileRef.current = f;
          props.form.set(props.name, f ? f.name : '');
        }}
      />
      {props.hint && (
        <p class="hint" id={id + '-hint'}>
          {props.hint}
        </p>
      )}
      {err && (
        <p class="field-error" id={id + '-error'}>
          {err}
        </p>
      )}
    </div>
  );
}

const MAX_UPLOAD = 25 * 1024 * 1024;

function checkFile(file: File | null, field: string, required = true) {
  if (!file) {
    if (required) throw new ApiError(422, 'validation_failed', 'choose a file', [{ field, reason: 'choose a file to upload' }]);
    return;
  }
  if (file.size > MAX_UPLOAD) throw new ApiError(422, 'validation_failed', 'too large', [{ field, reason: 'is larger than 25 MiB' }]);
}

function UploadForm(props: { party: Party; contact: boolean; close: () => void; done: (d: Obj) => void }) {
  const form = useForm({ file: '', purpose: props.contact ? 'soc2' : 'other', filename: '' });
  const file = useRef<File | null>(null);
  return (
    <>
      <h3>Upload a document</h3>
      <Form
        form={form}
        label="Upload a document"
        submitLabel="Upload"
        secondary={<CancelButton onClick={props.close} />}
        onSubmit={() =>
          form
            .submit(
              (v) => {
                checkFile(file.current, 'file');
                const f = file.current!;
                const name = (DOC_PREFIX[v.purpose] || '') + f.name;
                return uploadDocument(props.party.id, f, name, contentTypeOf(f));
              },
              { content_type: 'file', 'Content-Type': 'file', body: 'file', filename: 'file' },
            )
            .then((d) => d && props.done(d))
        }
      >
        <FileField form={form} name="file" label="File" fileRef={file} required hint="PDF, PNG, JPEG, text, CSV, DOCX or XLSX; at most 25 MiB" />
        <SelectField form={form} name="purpose" label="What is it?" options={DOC_PURPOSES.map(([value, l]) => ({ value, label: l }))} hint="Shown at the start of the file's name so our team knows what it is" />
      </Form>
    </>
  );
}

// ---- requests for information: what a review asked this party, and the answers ----

interface PartyRequestItem {
  id: string;
  title: string;
  review_kind: string;
  status: string;
  due_at: string;
  party_requests: PartyRequest[];
  party_responses: PartyResponse[];
  awaiting_party: boolean;
}

// The contact answers each request here; officers, staff and auditors see the same list
// read-only (the review page is where officers ask).
function Requests(props: { party: Party; role: Role; own: boolean; rev: number; changed: () => void }) {
  const { own } = props;
  const [tick, setTick] = useState(0);
  const data = useLoad(
    async (signal) => {
      const page = await get<{ items: PartyRequestItem[] }>(`/api/v1/parties/${props.party.id}/requests`, undefined, signal);
      const docNames = await documentNames(page.items.flatMap((r) => r.party_responses || []), signal);
      return { items: page.items, docNames };
    },
    [props.party.id, props.rev, tick],
  );
  const [notice, setNotice] = useNotice();
  const who = (a: { id: string; role: string }) =>
    a.role === 'third_party_contact' ? (own ? 'your organisation' : 'the party’s contact') : ROLE_NAMES[a.role as Role] || humanize(a.role);
  return (
    <Section title="Requests for information" id="sec-requests">
      {own && <p class="muted">When one of our reviews needs something from you — an answer, evidence, a report — it is asked here. Answer each request below; you may attach a file.</p>}
      <div aria-live="polite">{notice && <Alert kind="ok">{notice}</Alert>}</div>
      <Loading state={data} label="requests">
        {({ items, docNames }) =>
          items.length === 0 ? (
            <Empty>{own ? 'Nothing is asked of you at the moment.' : 'No open review has asked this party anything.'}</Empty>
          ) : (
            <ul class={`request-list${own ? '' : ' qa-compact'}`}>
              {items.map((r) => (
                <li class="request-item" key={r.id}>
                  <h3>{own ? r.title : <Link href={`/reviews/${encodeURIComponent(r.id)}`}>{r.title}</Link>}</h3>
                  <div class="request-facts">
                    <span>
                      Due <DateText value={r.due_at} />
                    </span>
                    {r.awaiting_party ? (
                      <AwaitingBadge awaiting label={own ? 'Awaiting your answer' : 'Awaiting the party’s answer'} />
                    ) : (
                      <Badge value="answered" tone="ok" label="Answered" />
                    )}
                  </div>
                  <Thread requests={r.party_requests} responses={r.party_responses} who={who} docNames={docNames} askedLabel="Asked" answeredLabel="Answered" />
                  {own &&
                    (r.awaiting_party ? (
                      <RespondForm
                        party={props.party}
                        item={r}
                        done={(msg) => {
                          setNotice(msg);
                          setTick((t) => t + 1);
                          props.changed();
                        }}
                      />
                    ) : (
                      <Reveal label="Send more for this review">
                        {(close) => (
                          <RespondForm
                            party={props.party}
                            item={r}
                            close={close}
                            done={(msg) => {
                              close();
                              setNotice(msg);
                              setTick((t) => t + 1);
                              props.changed();
                            }}
                          />
                        )}
                      </Reveal>
                    ))}
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </Section>
  );
}

function RespondForm(props: { party: Party; item: PartyRequestItem; close?: () => void; done: (msg: string) => void }) {
  const form = useForm({ message: '', file: '' });
  const file = useRef<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const r = props.item;
  return (
    <Form
      form={form}
      label={`Answer: ${r.title}`}
      submitLabel="Send the answer"
      secondary={props.close && <CancelButton onClick={props.close} />}
      onSubmit={() =>
        form
          .submit(
            async (v) => {
              checkFile(file.current, 'file', false);
              // Do not leave an orphan upload behind an answer the server would refuse anyway.
              if (file.current && !v.message.trim()) {
                throw new ApiError(422, 'validation_failed', 'message', [{ field: 'message', reason: 'must not be empty' }]);
              }
              const documents: string[] = [];
              if (file.current) {
                const f = file.current;
                const d = await uploadDocument(props.party.id, f, f.name, contentTypeOf(f)).catch((e) => {
                  if (e instanceof ApiError && !e.details.length) throw new ApiError(e.status, e.code, e.message, [{ field: 'file', reason: e.message }]);
                  throw e;
                });
                documents.push(d.id);
              }
              await post(`/api/v1/reviews/${encodeURIComponent(r.id)}/responses`, { message: v.message, documents }).catch(plainRefusal);
              return documents.length ? 'with-file' : 'sent';
            },
            { documents: 'file', content_type: 'file', filename: 'file', body: 'file' },
          )
          .then((how) => {
            if (!how) return;
            form.reset();
            file.current = null;
            setFileKey((k) => k + 1);
            props.done(`Your answer to “${r.title}” was sent${how === 'with-file' ? ' with its file' : ''}.`);
          })
      }
    >
      <TextField form={form} name="message" label="Your answer" required multiline rows={4} />
      <FileField
        key={fileKey}
        form={form}
        name="file"
        id={`file-${r.id}`}
        label="Attach a file (optional)"
        fileRef={file}
        hint="PDF, PNG, JPEG, text, CSV, DOCX or XLSX; at most 25 MiB. It is kept with your organisation's documents."
      />
    </Form>
  );
}

// ---- access grants ----

function Grants(props: { party: Party; role: Role }) {
  const list = useList('/api/v1/access/grants', { party_id: props.party.id }, [props.party.id]);
  return (
    <Section title="Access grants" id="sec-grants" actions={isWorkforce(props.role) && <Link href="/access">Request access</Link>}>
      <Loading state={list} label="access grants">
        {(d) => {
          const items = d.items.filter((g) => g.party_id === props.party.id);
          return items.length === 0 ? (
            <Empty>No access grants.</Empty>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Purpose</th>
                    <th scope="col">Systems</th>
                    <th scope="col">Decision</th>
                    <th scope="col">Status</th>
                    <th scope="col" class="hide-narrow">
                      Period
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((g) => (
                    <tr key={g.id}>
                      <td>{g.purpose || <span class="muted">—</span>}</td>
                      <td>
                        {(g.lines || []).map((l: Obj) => (
                          <div class="small">
                            {l.system_name || l.system_id} ({l.permission})
                          </div>
                        ))}
                      </td>
                      <td>
                        <Badge value={g.decision_outcome || g.decision?.decision} label={humanize(g.decision_outcome || g.decision?.decision)} />
                      </td>
                      <td>
                        <Badge value={g.effective_status || g.status} />
                      </td>
                      <td class="hide-narrow">
                        {formatDate(g.start_at)} – {formatDate(g.end_at)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </Loading>
    </Section>
  );
}

// ---- reviews (workforce and auditors) ----

function Reviews(props: { party: Party }) {
  const list = useList('/api/v1/reviews', { party_id: props.party.id }, [props.party.id]);
  return (
    <Section title="Reviews" id="sec-reviews">
      <Loading state={list} label="reviews">
        {(d) => {
          const items = d.items.filter((r) => !r.party_id || r.party_id === props.party.id);
          return items.length === 0 ? (
            <Empty>No reviews of this party.</Empty>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Review</th>
                    <th scope="col">Status</th>
                    <th scope="col">Due</th>
                    <th scope="col" class="hide-narrow">
                      Assignee
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link href={`/reviews/${encodeURIComponent(r.id)}`}>{r.title || humanize(r.review_kind)}</Link>
                        <div class="muted small">{humanize(r.review_kind)}</div>
                      </td>
                      <td>
                        <Badge value={r.overdue ? 'overdue' : r.status} />
                      </td>
                      <td>
                        <DateText value={r.due_at} />
                      </td>
                      <td class="hide-narrow">{r.assignee ? r.assignee.name || r.assignee.email : <span class="muted">Unassigned</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </Loading>
    </Section>
  );
}

// ---- change notices ----

function ChangeNotices(props: { party: Party; role: Role; changed: () => void }) {
  const list = useList('/api/v1/change-notices', { party_id: props.party.id }, [props.party.id]);
  const officer = isOfficer(props.role);
  const contact = props.role === 'third_party_contact';
  const [notice, setNotice] = useNotice();
  return (
    <Section title="Change notices" id="sec-changes">
      {contact && <p class="muted">Tell us before you change your services (new subprocessor, new data location, new gateway…): we review the change before it happens.</p>}
      {notice && <Alert kind="ok">{notice}</Alert>}
      {(officer || contact) && (
        <Reveal label={contact ? 'Announce a change' : 'Record a change notice'}>
          {(close) => (
            <ChangeNoticeForm
              party={props.party}
              officer={officer}
              close={close}
              done={(c) => {
                close();
                setNotice(`Change notice “${c.title}” submitted${c.substantial ? ': it is substantial, so a risk assessment was opened too' : ''}.`);
                list.reload();
                props.changed();
              }}
            />
          )}
        </Reveal>
      )}
      <Loading state={list} label="change notices">
        {(d) => {
          const items = d.items.filter((c) => c.party_id === props.party.id);
          return items.length === 0 ? (
            <Empty>No change notices.</Empty>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Change</th>
                    <th scope="col">Status</th>
                    <th scope="col">Planned</th>
                    {!contact && (
                      <th scope="col" class="hide-narrow">
                        Assessment
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {[...items].reverse().map((c) => (
                    <tr key={c.id}>
                      <td>
                        <strong>{c.title}</strong>
                        {c.description && <div class="small">{c.description}</div>}
                      </td>
                      <td>
                        <Badge value={c.status} tone={c.status === 'under_review' ? 'warn' : undefined} />
                      </td>
                      <td>
                        <DateText value={c.planned_at} />
                      </td>
                      {!contact && (
                      <td class="hide-narrow">
                        {c.substantial ? <Badge value="substantial" tone="warn" label="Substantial" /> : <Badge value="routine" tone="muted" label="Routine" />}
                        {(c.substantial_reasons || []).length > 0 && (
                          <ul class="clauses">
                            {(c.substantial_reasons as string[]).map((r) => (
                              <li>{r}</li>
                            ))}
                          </ul>
                        )}
                        {c.change_review_id && (
                          <div class="small">
                            <Link href={`/reviews/${encodeURIComponent(c.change_review_id)}`}>Change review</Link>
                          </div>
                        )}
                      </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </Loading>
    </Section>
  );
}

function ChangeNoticeForm(props: { party: Party; officer: boolean; close: () => void; done: (c: Obj) => void }) {
  const form = useForm({ title: '', description: '', planned_at: '', new_data_location: '', new_subprocessor: 'false', substantial: 'false', party_id: '' });
  return (
    <>
      <h3>Announce a change</h3>
      <Form
        form={form}
        label="Change notice"
        submitLabel="Submit the change notice"
        secondary={<CancelButton onClick={props.close} />}
        onSubmit={() =>
          form
            .submit((v) => {
              const body: Obj = bodyOf(v, { bools: ['new_subprocessor'], skip: ['substantial', 'party_id'] });
              body.party_id = props.party.id;
              if (props.officer && v.substantial === 'true') body.substantial = true;
              return post<Obj>('/api/v1/change-notices', body);
            })
            .then((c) => c && props.done(c))
        }
      >
        <TextField form={form} name="title" label="What changes" required />
        <TextField form={form} name="description" label="Description" required multiline rows={3} hint="What changes, why, and how it affects the service you provide" />
        <div class="form-grid">
          <TextField form={form} name="planned_at" label="Planned date" type="date" required min={tomorrow()} hint="Must be in the future" />
          <TextField form={form} name="new_data_location" label="New data location (if any)" hint="e.g. EU (Frankfurt)" />
        </div>
        <CheckboxField form={form} name="new_subprocessor" label="The change adds a new subprocessor" />
        {props.officer && <CheckboxField form={form} name="substantial" label="Substantial change (opens a risk assessment)" />}
      </Form>
    </>
  );
}

// ---- the timeline, from the ledger ----

interface TimelineEvent {
  index: number;
  type: string;
  at: string;
  subject?: { kind?: string; id?: string; name?: string } | null;
  actor?: { id?: string; role?: string } | null;
}

function describeEvent(type: string): string {
  const [kind, action] = type.split('.');
  if (!action) return humanize(type);
  return `${label(kind)} ${action.replace(/_/g, ' ')}`;
}

function Timeline(props: { party: Party; role: Role; rev: number }) {
  const ledger = readsLedger(props.role);
  const path = `/api/v1/parties/${props.party.id}/timeline`;
  const first = useLoad((signal) => get<ListPage<TimelineEvent>>(path, { limit: 20 }, signal), [props.party.id, props.rev]);
  const [older, setOlder] = useState<TimelineEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [moreError, setMoreError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setOlder([]);
    setCursor(first.data?.next_cursor ?? null);
  }, [first.data]);

  if (first.error) {
    const missing = first.error instanceof ApiError && (first.error.status === 404 || first.error.status === 403 || first.error.status === 405);
    return (
      <Section title="Timeline" id="sec-timeline">
        {missing ? (
          <p class="muted">The timeline of this party's events is not available on this server yet.</p>
        ) : (
          <Alert kind="error">{(first.error as Error).message}</Alert>
        )}
      </Section>
    );
  }
  const items = [...(first.data?.items || []), ...older];
  return (
    <Section title="Timeline" id="sec-timeline">
      {!first.data ? (
        <p class="muted" role="status">
          Loading the timeline…
        </p>
      ) : items.length === 0 ? (
        <Empty>No events yet.</Empty>
      ) : (
        <>
          <p class="muted small">Every change to this party is an event in the verifiable ledger, newest first.</p>
          <ol class="timeline">
            {items.map((e) => (
              <li key={e.index}>
                <div class="tl-what">
                  {describeEvent(e.type)}
                  {ledger && (
                    <>
                      {' · '}
                      <Link href={`/ledger?index=${e.index}`} aria-label={`Ledger entry ${e.index}: ${describeEvent(e.type)}`}>
                        entry #{e.index}
                      </Link>
                    </>
                  )}
                </div>
                <div class="tl-meta">
                  {e.subject?.kind && (
                    <span>
                      {label(e.subject.kind)}{' '}
                      {e.subject.name && e.subject.kind !== 'party' ? <strong>{humanize(e.subject.name)}</strong> : null}{' '}
                      <code>{e.subject.id}</code>
                    </span>
                  )}
                  {' · '}
                  {e.actor?.role ? ROLE_NAMES[e.actor.role as Role] || humanize(e.actor.role) : e.actor?.id ? e.actor.id : 'system'}
                  {' · '}
                  <DateText value={e.at} time />
                </div>
              </li>
            ))}
          </ol>
          {moreError && <Alert kind="error">{moreError}</Alert>}
          {cursor && (
            <button
              type="button"
              class="btn btn-small"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                setMoreError('');
                try {
                  const page = await get<ListPage<TimelineEvent>>(path, { limit: 20, cursor });
                  setOlder((o) => [...o, ...page.items]);
                  setCursor(page.next_cursor);
                } catch (e) {
                  setMoreError((e as Error).message);
                } finally {
                  setBusy(false);
                }
              }}
            >
              {busy ? 'Loading…' : 'Show older events'}
            </button>
          )}
        </>
      )}
    </Section>
  );
}
