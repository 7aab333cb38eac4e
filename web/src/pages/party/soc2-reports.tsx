// The party's SOC 2 reports as we reviewed them (workforce and auditors).
import { ApiError } from '../../api';
import { secondary, Table } from '../../components/table';
import type { Role } from '../../session';
import { Badge, DateText, Empty, Loading, Section, formatDate } from '../../ui';
import { label, type Party } from './common';
import { useList } from './kit';
import type { Soc2Report } from './model';

export function Soc2Reports(props: { party: Party; role: Role }) {
  const list = useList<Soc2Report>(`/api/v1/parties/${props.party.id}/soc2-reports`, undefined, [props.party.id]);
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
                {props.party.infrastructure_partner &&
                  ' An infrastructure partner needs one reviewed every 12 months (TP-11).'}
              </Empty>
            ) : (
              <Table
                columns={['Report', 'Period', 'Opinion', secondary('Auditor'), 'Reviewed', secondary('Exceptions')]}
              >
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
                      <Badge
                        value={r.opinion}
                        tone={r.opinion === 'unqualified' ? 'ok' : r.opinion === 'qualified' ? 'warn' : 'bad'}
                      />
                    </td>
                    <td class="hide-narrow">{r.auditor}</td>
                    <td>
                      <DateText value={r.reviewed_at} />
                    </td>
                    <td class="hide-narrow">
                      {(r.exceptions || []).length === 0
                        ? 'None'
                        : (r.exceptions || []).map((x) => (
                            <div class="small">
                              {x.severity && <Badge value={x.severity} />} {x.control}
                            </div>
                          ))}
                    </td>
                  </tr>
                ))}
              </Table>
            )
          }
        </Loading>
      )}
    </Section>
  );
}
