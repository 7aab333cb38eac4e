// Compliance (issue 23, docs/compliance.md): the control catalog with each control's status
// computed from live data, one control's evidence, and a customer's inheritance matrix with
// its downloads. For the officers and the auditor.
import { useState } from 'preact/hooks';
import { get, listAll, withQuery, type ApiResponse } from '../api';
import type { components } from '../generated/openapi';
import { saveFile } from '../lib/save-file';
import { Link } from '../router';
import { Alert, Badge, Empty, Facts, Loading, Page, Section, useLoad } from '../ui';

type Controls = ApiResponse<'/api/v1/compliance/controls'>;
type ControlPage = ApiResponse<'/api/v1/compliance/controls/{control_id}'>;
type Matrix = ApiResponse<'/api/v1/compliance/matrix'>;
type Party = components['schemas']['Party'];

const STATUS_WORDS: Record<string, [string, string]> = {
  operating: ['Operating', 'ok'],
  failing: ['Failing', 'bad'],
  documented: ['Documented', 'info'],
  inherited: ['Inherited from our host', 'info'],
  not_mapped: ['Not mapped', 'warn'],
  not_applicable: ['Not applicable', 'muted'],
};
const INHERITED: Record<string, string> = { yes: 'Yes', partially: 'Partially', no: 'No' };

function Status(props: { value: string }) {
  const [label, tone] = STATUS_WORDS[props.value] || [props.value, 'muted'];
  return <Badge value={props.value} tone={tone} label={label} />;
}

const controlHref = (id: string) => '/compliance/controls/' + encodeURIComponent(id);

function ControlTable(props: { caption: string; items: Controls['items'] }) {
  return (
    <table>
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Control</th>
          <th scope="col">Title</th>
          <th scope="col">Required or addressable</th>
          <th scope="col">Status</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((c) => (
          <tr>
            <td>
              <Link href={controlHref(c.id)}>{c.id}</Link>
            </td>
            <td>{c.title}</td>
            <td>{c.requirement || '—'}</td>
            <td>
              <Status value={c.status} />
            </td>
            <td>{c.summary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CompliancePage() {
  const controls = useLoad((signal) => get<Controls>('/api/v1/compliance/controls', {}, signal), []);
  const customers = useLoad((signal) => listAll<Party>('/api/v1/parties', { kind: 'customer' }, signal), []);
  return (
    <Page
      title="Compliance"
      subtitle="Every HIPAA Security Rule safeguard and our own controls, each with a status computed from what Accord records now."
    >
      <Loading state={controls} label="the controls">
        {(data) => (
          <>
            <Facts
              items={Object.entries(data.counts as Record<string, number>).map(([k, n]) => [
                (STATUS_WORDS[k] || [k])[0],
                String(n),
              ])}
            />
            <Section title="HIPAA Security Rule">
              <ControlTable caption="HIPAA Security Rule" items={data.items.filter((c) => c.framework === 'hipaa')} />
            </Section>
            <Section title="Our own controls">
              <ControlTable caption="Our own controls" items={data.items.filter((c) => c.framework === 'accord')} />
            </Section>
          </>
        )}
      </Loading>
      <Section title="What a customer inherits">
        <Loading state={customers} label="the customers">
          {(list) =>
            list.length === 0 ? (
              <Empty>No customers yet.</Empty>
            ) : (
              <ul class="plain">
                {list.map((p) => (
                  <li>
                    <Link href={'/compliance/matrix/' + p.id}>{p.name}</Link>
                  </li>
                ))}
              </ul>
            )
          }
        </Loading>
      </Section>
    </Page>
  );
}

export function ControlScreen(props: { id: string }) {
  const page = useLoad(
    (signal) => get<ControlPage>('/api/v1/compliance/controls/' + encodeURIComponent(props.id), {}, signal),
    [props.id],
  );
  return (
    <Loading state={page} label="the control">
      {(c) => (
        <Page title={`${c.id} ${c.title}`} subtitle={c.description || undefined}>
          <Facts
            items={[
              ['Status', <Status value={c.status} />],
              ['Why', c.summary],
              ['Required or addressable', c.requirement],
              ['Safeguard', c.safeguard],
              ['A customer inherits', INHERITED[c.customer_inherits]],
              ['Our host provides', INHERITED[c.host_provides]],
              ['Stays with the customer', c.customer_responsibility],
            ]}
          />
          {c.implemented_by.length === 0 && <Empty>Nothing in our policy implements this control.</Empty>}
          {c.implemented_by.map((s) => (
            <Section title={s.title}>
              <p class="muted">
                {s.evidence === 'live'
                  ? `Measured from our records: ${s.ok} passing, ${s.failing} failing.`
                  : s.evidence === 'enforced'
                    ? 'Enforced by Accord on every request under the policy in force.'
                    : 'Done outside Accord: documented, not measured.'}
              </p>
              {s.items.length === 0 ? (
                <Empty>No evidence to show.</Empty>
              ) : (
                <ul class="plain">
                  {s.items.map((e) => (
                    <li>
                      <Badge
                        value={e.ok ? 'ok' : 'failing'}
                        tone={e.ok ? 'ok' : 'bad'}
                        label={e.ok ? 'Passes' : 'Fails'}
                      />{' '}
                      {e.href ? <Link href={e.href}>{e.title}</Link> : e.title}
                      {e.party_name && <> · {e.party_name}</>}
                      {e.detail && <span class="muted"> · {e.detail}</span>}
                      {e.ledger_index !== null && <span class="muted"> · ledger entry {e.ledger_index}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          ))}
          <p>
            <Link href="/compliance">Back to all controls</Link>
          </p>
        </Page>
      )}
    </Loading>
  );
}

async function download(party: string, ext: 'csv' | 'html' | 'json'): Promise<void> {
  const path = ext === 'json' ? '/api/v1/compliance/matrix' : `/api/v1/compliance/matrix.${ext}`;
  const res = await fetch(withQuery(path, { party_id: party }), { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`The matrix could not be downloaded (status ${res.status}).`);
  saveFile(await res.blob(), `inheritance-matrix-${party}.${ext}`);
}

export function MatrixScreen(props: { party: string }) {
  const matrix = useLoad(
    (signal) => get<Matrix>('/api/v1/compliance/matrix', { party_id: props.party }, signal),
    [props.party],
  );
  const [error, setError] = useState('');
  const buttons = (['csv', 'html', 'json'] as const).map((ext) => (
    <button
      type="button"
      class="btn"
      onClick={() =>
        download(props.party, ext).then(
          () => setError(''),
          (e: Error) => setError(e.message),
        )
      }
    >
      Download {ext.toUpperCase()}
    </button>
  ));
  return (
    <Loading state={matrix} label="the matrix">
      {(m) => (
        <Page
          title={`What ${m.party?.name || 'a customer'} inherits`}
          subtitle="For each HIPAA Security Rule safeguard: Yes, we carry it for them; Partially, it is shared; No, it is theirs."
          actions={<>{buttons}</>}
        >
          {error && <Alert kind="error">{error}</Alert>}
          <Facts
            items={[
              ['Business associate agreement', m.baa ? m.baa.title : 'None in force: the defaults apply'],
              ['Our hosts', m.hosts.map((h) => h.party_name).join(', ')],
            ]}
          />
          <table>
            <caption>Inheritance matrix</caption>
            <thead>
              <tr>
                <th scope="col">Safeguard</th>
                <th scope="col">Title</th>
                <th scope="col">Inherited</th>
                <th scope="col">Stays with the customer</th>
                <th scope="col">Our status</th>
              </tr>
            </thead>
            <tbody>
              {m.rows.map((r) => (
                <tr>
                  <td>
                    <Link href={controlHref(r.control)}>{r.control}</Link>
                  </td>
                  <td>{r.title}</td>
                  <td>
                    {INHERITED[r.inherited]}
                    {r.source === 'baa' && <span class="muted"> (by their agreement)</span>}
                  </td>
                  <td>{r.responsibility || '—'}</td>
                  <td>
                    <Status value={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <Link href="/compliance">Back to all controls</Link>
          </p>
        </Page>
      )}
    </Loading>
  );
}
