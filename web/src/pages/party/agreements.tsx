// The party's agreements (BAA, SLA, NDA, …) with their expiry and the BAA / SLA checklist;
// officers add them and move them along draft → sent → executed.
import { useState } from 'preact/hooks';
import { Reveal } from '../../components/reveal';
import { Missing, secondary, Table } from '../../components/table';
import { isOfficer } from '../../session';
import { Alert, Badge, DateText, Empty, Loading, Section, humanize } from '../../ui';
import { AGREEMENT_NEXT, BAA_CLAUSES, SLA_SECTIONS } from './agreement-clauses';
import { AgreementEdit, AgreementForm } from './agreement-forms';
import { AgreementRenew } from './agreement-renew';
import { ExpiryNote, label } from './common';
import { useList, type SectionProps } from './kit';
import type { Agreement, Clauses } from './model';

export function Agreements(props: SectionProps) {
  const list = useList<Agreement>(`/api/v1/parties/${props.party.id}/agreements`, undefined, [props.party.id]);
  const officer = isOfficer(props.role);
  // The agreement whose update or renewal form is open: "<id>" or "renew:<id>".
  const [editing, setEditing] = useState('');
  const [notice, setNotice] = useState('');
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
            <Table
              columns={[
                'Agreement',
                'Status',
                secondary('Effective'),
                'Expires',
                secondary('Terms'),
                officer && 'Actions',
              ]}
            >
              {d.items.map((a) => [
                <tr key={a.id}>
                  <td>
                    <strong>{label(a.type)}</strong>
                    {a.title && a.title !== label(a.type) && <div class="small">{a.title}</div>}
                    {a.signed_by && <div class="muted small">Signed by {a.signed_by}</div>}
                    {a.renews && <div class="muted small">Renews an earlier {label(a.type)}</div>}
                    {a.renewed_by && <div class="muted small">Renewed by a newer {label(a.type)}</div>}
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
                      <div class="row-actions">
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
                        {a.allowed_actions?.includes('renew') && (
                          <button
                            type="button"
                            class="btn btn-small"
                            aria-expanded={editing === 'renew:' + a.id}
                            aria-label={`Renew ${label(a.type)}${a.title ? ' ' + a.title : ''}`}
                            onClick={() => setEditing(editing === 'renew:' + a.id ? '' : 'renew:' + a.id)}
                          >
                            Renew
                          </button>
                        )}
                      </div>
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
                editing === 'renew:' + a.id && (
                  <tr class="agreement-edit-row" key={a.id + '-renew'}>
                    <td colSpan={6}>
                      <AgreementRenew
                        a={a}
                        close={() => setEditing('')}
                        done={(n) => {
                          setEditing('');
                          done(
                            `${label(n.type)} renewed: the new one is ${humanize(n.status).toLowerCase()}; the old one is kept.`,
                          );
                        }}
                      />
                    </td>
                  </tr>
                ),
              ])}
            </Table>
          )
        }
      </Loading>
    </Section>
  );
}

function Terms(props: { a: Agreement }) {
  const { a } = props;
  if (a.type === 'baa') {
    const b: Clauses = a.baa || {};
    return (
      <ul class="clauses" aria-label="BAA checklist">
        {BAA_CLAUSES.map(([k, text]) => (
          <li class={b[k] ? 'clause-yes' : 'clause-no'}>
            {text.split(' (')[0].split(':')[0]}: {b[k] ? 'confirmed' : 'not confirmed'}
          </li>
        ))}
        <li class={b.responsibilities ? 'clause-yes' : 'clause-no'}>
          Responsibilities: {b.responsibilities ? 'assigned' : 'not assigned'}
        </li>
      </ul>
    );
  }
  if (a.type === 'sla') {
    const s: Clauses = a.sla || {};
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
  return <Missing />;
}
