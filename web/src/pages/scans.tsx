// Vulnerability scans (TR-4): what we scan (each target, the system it belongs to, when it was
// last scanned and when the next scan is due, its open findings), the scans imported, and one
// scan's page. The findings themselves are on the findings board ("Found by: a scan").
import { useState } from 'preact/hooks';
import { describe, get, post, type ApiResponse, type ListPage } from '../api';
import { Table } from '../components/table';
import { Link } from '../router';
import { isOfficer, useSession } from '../session';
import { Alert, Badge, DateText, Empty, Facts, Loading, Page, Section, useLoad } from '../ui';
import { statusLabel } from './finding-model';
import { systemLabel } from './system-label';
import './review.css';

type Targets = ApiResponse<'/api/v1/scan-targets'>;
type Scans = ApiResponse<'/api/v1/scans'>;
type Scan = ApiResponse<'/api/v1/scans/{id}'>;
type ScanItem = Scans['items'][number];

interface System {
  id: string;
  name: string;
  environment: string;
}

// Issue 24: whose clock dated the scan.
function scannedFrom(source: string | undefined): string {
  if (source === 'file') return '(as the file records it)';
  if (source === 'upload') return '(when it was uploaded: the file records no time)';
  return '';
}

// An officer says which of our systems a target belongs to (a target no system owns is flagged).
function AssignSystem(props: { targetId: string; targetName: string; systems: System[]; onDone: () => void }) {
  const [systemId, setSystemId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const id = `assign-${props.targetId}`;
  const assign = async (e: Event) => {
    e.preventDefault();
    if (!systemId) return setError('Choose a system first.');
    setBusy(true);
    setError('');
    try {
      await post(`/api/v1/scan-targets/${encodeURIComponent(props.targetId)}/system`, { system_id: systemId });
      props.onDone();
    } catch (err) {
      setError(describe(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="assign-system" onSubmit={assign}>
      <label for={id} class="visually-hidden">
        System for {props.targetName}
      </label>
      <select id={id} value={systemId} onChange={(e) => setSystemId((e.target as HTMLSelectElement).value)}>
        <option value="">Choose a system…</option>
        {props.systems.map((s) => (
          <option value={s.id} key={s.id}>
            {systemLabel(s)}
          </option>
        ))}
      </select>{' '}
      <button type="submit" class="btn" disabled={busy}>
        Assign
      </button>
      {error && (
        <div role="alert" class="field-error">
          {error}
        </div>
      )}
    </form>
  );
}

const FORMATS: Record<string, string> = {
  sarif: 'Code scan',
  trivy: 'Image or repository scan',
  cyclonedx: 'Supplier statement',
};
const KINDS: Record<string, string> = {
  image: 'Container image',
  repository: 'Code repository',
  filesystem: 'File system',
  host: 'Host',
  product: 'Product',
};

// "2 new, 1 fixed, 3 unchanged" in words.
function changes(c: ScanItem['counts']): string {
  const parts: string[] = [];
  if (c.opened) parts.push(`${c.opened} new`);
  if (c.reopened) parts.push(`${c.reopened} back again`);
  if (c.resolved) parts.push(`${c.resolved} fixed`);
  if (c.not_affected) parts.push(`${c.not_affected} not affected`);
  if (c.unchanged) parts.push(`${c.unchanged} unchanged`);
  return parts.length ? parts.join(', ') : 'Nothing found';
}

function OpenCounts(props: { open: Targets['items'][number]['open_findings'] }) {
  const o = props.open;
  const sev = (['critical', 'high', 'medium', 'low'] as const).filter((s) => (o[s] || 0) > 0);
  if (!sev.length) return <span class="muted">None</span>;
  return (
    <>
      {sev.map((s) => (
        <>
          <Badge value={s} label={`${o[s]} ${s}`} />{' '}
        </>
      ))}
      {(o.overdue || 0) > 0 && <Badge value="overdue" label={`${o.overdue} overdue`} />}
    </>
  );
}

function ScanRows(props: { items: ScanItem[] }) {
  return (
    <Table caption="Scans imported" captionClass="visually-hidden" columns={['Scanned', 'What', 'Tool', 'Changes']}>
      {props.items.map((s) => (
        <tr key={s.id}>
          <td>
            <Link href={`/scans/${s.id}`}>
              <DateText value={s.scanned_at} />
            </Link>
          </td>
          <td>{s.target || <span class="muted">Any of our targets</span>}</td>
          <td>{FORMATS[s.format] ? `${s.tool} — ${FORMATS[s.format]}` : s.tool}</td>
          <td>{changes(s.counts)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function ScansPage() {
  const targets = useLoad((signal) => get<Targets>('/api/v1/scan-targets', undefined, signal), []);
  const scans = useLoad((signal) => get<Scans>('/api/v1/scans', { limit: 50 }, signal), []);
  const officer = isOfficer(useSession().info.user.role);
  const systems = useLoad(
    (signal) => (officer ? get<ListPage<System>>('/api/v1/systems', { limit: 200 }, signal) : Promise.resolve(null)),
    [officer],
  );
  return (
    <Page
      title="Vulnerability scans"
      subtitle="What our scanners look at, when each was last scanned, and what they found"
    >
      <p>
        Each result is a finding on the <Link href="/findings?source=scan">findings board</Link>, with a deadline by its
        severity.
      </p>
      <Section title="What we scan">
        <Loading state={targets} label="the scanned targets">
          {(t) =>
            t.items.length === 0 ? (
              <Empty>Nothing has been scanned yet. Import a scan to start.</Empty>
            ) : (
              <Table
                caption="Scanned targets"
                captionClass="visually-hidden"
                columns={['Target', 'System', 'Last scanned', 'Next scan due', 'Open findings']}
              >
                {t.items.map((x) => (
                  <tr key={x.id}>
                    <td>
                      {x.name}
                      <div class="muted">{KINDS[x.target_kind] || 'Other'}</div>
                    </td>
                    <td>
                      {x.system_id ? (
                        x.system_name || 'A system'
                      ) : (
                        <>
                          <Badge value="unassigned" tone="warn" label="Belongs to no system" />
                          {officer && systems.data && (
                            <AssignSystem
                              targetId={x.id}
                              targetName={x.name}
                              systems={systems.data.items}
                              onDone={targets.reload}
                            />
                          )}
                        </>
                      )}
                    </td>
                    <td>
                      {x.last_scan_id ? (
                        <Link href={`/scans/${x.last_scan_id}`}>
                          <DateText value={x.last_scan_at} />
                        </Link>
                      ) : (
                        <span class="muted">Never</span>
                      )}
                    </td>
                    <td>
                      <DateText value={x.next_scan_due_at} />
                      {x.scan_overdue && (
                        <>
                          {' '}
                          <Badge value="overdue" label="Scan overdue" />
                        </>
                      )}
                    </td>
                    <td>
                      <OpenCounts open={x.open_findings} />
                    </td>
                  </tr>
                ))}
              </Table>
            )
          }
        </Loading>
      </Section>
      <Section title="Scans imported">
        <Loading state={scans} label="the scans">
          {(s) => (s.items.length === 0 ? <Empty>No scans yet.</Empty> : <ScanRows items={s.items} />)}
        </Loading>
      </Section>
    </Page>
  );
}

export function ScanPage(props: { id: string }) {
  const scan = useLoad((signal) => get<Scan>(`/api/v1/scans/${props.id}`, undefined, signal), [props.id]);
  return (
    <Loading state={scan} label="the scan">
      {(s) => (
        <Page title={`Scan of ${s.target || 'our targets'}`} subtitle={`${FORMATS[s.format] || 'Scan'} by ${s.tool}`}>
          <p>
            <Link href="/scans">All scans</Link>
          </p>
          <Section title="What this scan found">
            <Facts
              items={[
                [
                  'Scanned',
                  <>
                    <DateText value={s.scanned_at} time /> <span class="muted">{scannedFrom(s.scanned_at_source)}</span>
                  </>,
                ],
                ['Imported', <DateText value={s.imported_at} time />],
                ['Tool', s.tool_version ? `${s.tool} ${s.tool_version}` : s.tool],
                ['Results in the file', String(s.results)],
                ['Changes since the last scan', changes(s.counts)],
                ['File', s.file_name],
              ]}
            />
          </Section>
          {(s.vex || []).length > 0 && (
            <Section title="Supplier statements">
              <ul>
                {(s.vex || []).map((v) => (
                  <li>
                    {v.vulnerability_id}
                    {v.package ? ` in ${v.package}` : ''}: {v.state.replace(/_/g, ' ')}
                    {v.justification ? ` (${v.justification.replace(/_/g, ' ')})` : ''}
                    {v.detail ? ` — ${v.detail}` : ''}
                  </li>
                ))}
              </ul>
            </Section>
          )}
          {s.target && (
            <Section title={`Findings on ${s.target}`}>
              {(s.findings || []).length === 0 ? (
                <Empty>No findings on this target.</Empty>
              ) : (
                <Table
                  caption="Findings on this target"
                  captionClass="visually-hidden"
                  columns={['Finding', 'Severity', 'Status', 'Due']}
                >
                  {(s.findings || []).map((f) => (
                    <tr key={f.id}>
                      <td>
                        <Link href={`/findings/${f.id}`}>{f.title}</Link>
                      </td>
                      <td>
                        <Badge value={f.severity} />
                      </td>
                      <td>{statusLabel(f.status)}</td>
                      <td>
                        <DateText value={f.due_at} />
                        {f.overdue && f.status === 'open' && (
                          <>
                            {' '}
                            <Badge value="overdue" label="Overdue" />
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </Table>
              )}
            </Section>
          )}
          {!s.target && (
            <Alert kind="info">A supplier statement applies to every target with that vulnerability.</Alert>
          )}
        </Page>
      )}
    </Loading>
  );
}
