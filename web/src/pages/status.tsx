// Status and service levels (issue 27): the components on the public status page with their
// checks, state and this month's and quarter's uptime against the target (TR-2, TR-9); and a
// subcontractor's service levels (TP-13, TP-14): its SLA's terms, how each month and quarter
// met them, its incidents and its daily uptime as a chart. Officers add components here.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { get, listAll, post } from '../api';
import type { components } from '../generated/openapi';
import { Link } from '../router';
import { isOfficer, useSession } from '../session';
import {
  Alert,
  Empty,
  Form,
  Loading,
  Page,
  Section,
  SelectField,
  TextField,
  useForm,
  useLoad,
  type Option,
} from '../ui';
import type { ChartSpec } from './dashboard-charts';
import { VendorIncidents, type SlaIncident } from './vendor-incidents';

type Party = components['schemas']['Party'];

interface Attainment {
  period: string;
  uptime_percent: number;
  target_percent: number;
  met: boolean;
  sampled_minutes: number;
}
interface StatusComponent {
  id: string;
  name: string;
  group: string;
  status: string;
  last_error: string;
  probe: { kind: string; target: string };
  attainment?: Attainment[];
}
interface SlaPeriod {
  period: string;
  complete: boolean;
  uptime_percent: number | null;
  worst_response_hours: number | null;
  worst_resolution_hours: number | null;
  met: { uptime: boolean | null; response: boolean | null; resolution: boolean | null };
}
interface SlaView {
  terms: { uptime_percent: number | null; response_hours: number | null; resolution_hours: number | null } | null;
  feed: { url: string; last_ok_at: string | null; last_error: string; indicator: string } | null;
  periods: SlaPeriod[];
  incidents: SlaIncident[];
  daily: { day: string; uptime_percent: number }[];
}

const STATES: Record<string, string> = {
  operational: 'Operational',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  under_maintenance: 'Under maintenance',
};
const KINDS: Option[] = [
  { value: 'http', label: 'A web address answers (HTTP or HTTPS)' },
  { value: 'tcp', label: 'A port accepts connections (TCP)' },
  { value: 'none', label: 'No check: set by hand' },
];
const pct = (v: number | null | undefined) => (v == null ? '—' : `${v.toFixed(2)} %`);
const hours = (v: number | null | undefined) => (v == null ? '—' : `${v.toFixed(1)} h`);
const verdict = (v: boolean | null) => (v == null ? 'Not measured' : v ? 'Met' : 'Missed');

function Components(props: { officer: boolean }) {
  const [reloadKey, setReloadKey] = useState(0);
  const [notice, setNotice] = useState('');
  const data = useLoad(
    (signal) => get<{ items: StatusComponent[] }>('/api/v1/status/components', {}, signal),
    [reloadKey],
  );
  const form = useForm({ kind: 'http' });
  const add = async () => {
    const v = form.values;
    const done = await form.submit(
      () =>
        post('/api/v1/status/components', {
          name: v.name,
          ...(v.group ? { group: v.group } : {}),
          probe: { kind: v.kind, ...(v.kind === 'none' ? {} : { target: v.target }) },
        }),
      { 'probe.target': 'target' },
    );
    if (done) {
      setNotice(`${v.name} is on the status page.`);
      form.reset({ kind: 'http' });
      setReloadKey((k) => k + 1);
    }
  };
  return (
    <Section title="Components">
      {notice && <Alert kind="ok">{notice}</Alert>}
      <Loading state={data} label="components">
        {(d) =>
          d.items.length === 0 ? (
            <Empty>No components yet.</Empty>
          ) : (
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">Component</th>
                  <th scope="col">State</th>
                  <th scope="col">Checked by</th>
                  <th scope="col">This month</th>
                  <th scope="col">This quarter</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      {c.name}
                      {c.group && <div class="muted">{c.group}</div>}
                    </td>
                    <td>
                      {STATES[c.status] || c.status}
                      {c.last_error && <div class="muted">{c.last_error}</div>}
                    </td>
                    <td>{c.probe.kind === 'none' ? 'Set by hand' : c.probe.target}</td>
                    {(c.attainment || []).map((a) => (
                      <td key={a.period}>
                        {a.sampled_minutes === 0 ? 'No measurements' : pct(a.uptime_percent)}
                        {a.sampled_minutes > 0 && (
                          <div class="muted">{a.met ? 'Target met' : `Below ${a.target_percent} %`}</div>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loading>
      {props.officer && (
        <Form form={form} onSubmit={add} submitLabel="Add the component" label="Add a component">
          <TextField form={form} name="name" label="Name" required />
          <TextField form={form} name="group" label="Group (optional)" />
          <SelectField form={form} name="kind" label="How it is checked" options={KINDS} />
          {form.values.kind !== 'none' && (
            <TextField
              form={form}
              name="target"
              label={form.values.kind === 'tcp' ? 'Host and port' : 'Web address'}
              hint={
                form.values.kind === 'tcp'
                  ? 'For example db.example.com:5432'
                  : 'For example https://example.com/health'
              }
              required
            />
          )}
        </Form>
      )}
    </Section>
  );
}

type ChartsModule = typeof import('./dashboard-charts');

function UptimeChart(props: { daily: SlaView['daily'] }) {
  const [mod, setMod] = useState<ChartsModule | null>(null);
  useEffect(() => {
    import('./dashboard-charts').then(setMod, () => setMod(null));
  }, []);
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: 'lines',
      labels: props.daily.map((d) => d.day.slice(5)),
      xTitle: 'Day',
      series: [{ label: 'Uptime (%)', values: props.daily.map((d) => d.uptime_percent), color: '#1d4ed8' }],
    }),
    [props.daily],
  );
  if (props.daily.length === 0) return <Empty>No daily measurements from its status feed yet.</Empty>;
  const worst = Math.min(...props.daily.map((d) => d.uptime_percent));
  return mod ? (
    <mod.Chart
      spec={spec}
      summary={`Daily uptime over ${props.daily.length} days; the lowest day was ${worst.toFixed(2)} %.`}
      caption="Daily uptime as its status feed showed it"
    />
  ) : null;
}

function ServiceLevels(props: { officer: boolean }) {
  const parties = useLoad((signal) => listAll<Party>('/api/v1/parties', { kind: 'subcontractor' }, signal), []);
  // My work links here with the party whose incident waits (?party=).
  const pick = useForm({ party: new URLSearchParams(window.location.search).get('party') || '' });
  const id = pick.values.party || '';
  const [reloadKey, setReloadKey] = useState(0);
  const sla = useLoad(
    (signal) => (id ? get<SlaView>(`/api/v1/parties/${id}/sla`, {}, signal) : Promise.resolve(null)),
    [id, reloadKey],
  );
  return (
    <Section title="Service levels of a subcontractor">
      <Loading state={parties} label="subcontractors">
        {(list) => (
          <SelectField
            form={pick}
            name="party"
            label="Subcontractor"
            placeholder="Choose one"
            options={list
              .slice()
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((p) => ({ value: p.id, label: p.name }))}
          />
        )}
      </Loading>
      {id && (
        <Loading state={sla} label="service levels">
          {(v) =>
            !v ? null : (
              <>
                {v.terms ? (
                  <p>
                    Its agreement promises {pct(v.terms.uptime_percent)} uptime, a response within{' '}
                    {hours(v.terms.response_hours)} and a fix within {hours(v.terms.resolution_hours)}.
                  </p>
                ) : (
                  <Alert kind="warn">No service level agreement with measurable terms is in force.</Alert>
                )}
                {v.feed ? (
                  <p class="muted">
                    Its status feed{' '}
                    {v.feed.last_error
                      ? `could not be read: ${v.feed.last_error}`
                      : v.feed.last_ok_at
                        ? 'is read regularly.'
                        : 'has not been read yet.'}
                  </p>
                ) : (
                  <p class="muted">No status feed is set for it.</p>
                )}
                <table class="table">
                  <caption>How each period met the agreement</caption>
                  <thead>
                    <tr>
                      <th scope="col">Period</th>
                      <th scope="col">Uptime</th>
                      <th scope="col">Slowest response</th>
                      <th scope="col">Slowest fix</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.periods.map((p) => (
                      <tr key={p.period}>
                        <td>
                          {p.period}
                          {!p.complete && <div class="muted">so far</div>}
                        </td>
                        <td>
                          {pct(p.uptime_percent)} <span class="muted">{verdict(p.met.uptime)}</span>
                        </td>
                        <td>
                          {hours(p.worst_response_hours)} <span class="muted">{verdict(p.met.response)}</span>
                        </td>
                        <td>
                          {hours(p.worst_resolution_hours)} <span class="muted">{verdict(p.met.resolution)}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <VendorIncidents
                  incidents={v.incidents}
                  officer={props.officer}
                  onChange={() => setReloadKey((k) => k + 1)}
                />
                <UptimeChart daily={v.daily} />
              </>
            )
          }
        </Loading>
      )}
    </Section>
  );
}

export function StatusPage() {
  const role = useSession().info.user.role;
  const officer = isOfficer(role);
  const reviewer = officer || role === 'auditor';
  return (
    <Page
      title="Status and service levels"
      subtitle={
        <>
          What the public <a href="/status">status page</a> shows, and how our subcontractors keep their service levels
          (TR-2, TP-13).
          {reviewer && (
            <>
              {' '}
              Each quarter's <Link href="/status/sla-review">SLA review</Link> sums them up.
            </>
          )}
        </>
      }
    >
      <Components officer={officer} />
      <ServiceLevels officer={officer} />
    </Page>
  );
}
