// The connections the party made under its grants, as our systems reported them (TP-5): how it
// connected, and whether the transport was weak (in clear, or older than TLS 1.2). A weak
// connection opens a finding, which the organisation sees noted here; the party's contacts see
// their own connections so they can fix what is weak.
import { Missing, secondary, Table } from '../../components/table';
import { Badge, Empty, Loading, Section, formatDate } from '../../ui';
import type { components } from '../../generated/openapi';
import type { Party } from './common';
import { useList } from './kit';

type Connection = components['schemas']['Connection'];

const WEAKNESS: Record<string, { label: string; tone: string }> = {
  none: { label: 'Encrypted', tone: 'ok' },
  plaintext: { label: 'In clear', tone: 'bad' },
  tls_below_1_2: { label: 'TLS older than 1.2', tone: 'bad' },
};

export function Connections(props: { party: Party; own: boolean }) {
  const list = useList<Connection>(`/api/v1/parties/${encodeURIComponent(props.party.id)}/connections`, undefined, [
    props.party.id,
  ]);
  return (
    <Section title="Connections" id="sec-connections">
      <p class="hint">
        How {props.own ? 'your organisation' : 'the party'} reached our systems, as they reported it. Every connection
        must be encrypted (TP-5).
      </p>
      <Loading state={list} label="connections">
        {(d) =>
          d.items.length === 0 ? (
            <Empty>No connections recorded.</Empty>
          ) : (
            <Table columns={['When', 'System', 'Protocol', 'Transport', secondary('From')]}>
              {d.items.map((c) => {
                const w = WEAKNESS[c.weakness] || { label: c.weakness, tone: 'warn' };
                return (
                  <tr key={c.id}>
                    <td>{formatDate(c.connected_at, true)}</td>
                    <td>
                      {c.system_name || c.system_id}
                      <div class="small">{c.endpoint}</div>
                    </td>
                    <td>
                      {c.protocol}
                      {c.tls_version && <div class="small">{c.tls_version}</div>}
                      {c.cipher && <div class="small">{c.cipher}</div>}
                    </td>
                    <td>
                      <Badge value={c.weakness} tone={w.tone} label={w.label} />
                      {c.finding_id && <div class="small">A finding is open on the party</div>}
                    </td>
                    <td class="hide-narrow">{c.source_address || <Missing />}</td>
                  </tr>
                );
              })}
            </Table>
          )
        }
      </Loading>
    </Section>
  );
}
