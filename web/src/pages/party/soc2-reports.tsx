// The party's SOC 2 reports. Its contact submits one (the file, type, period, auditor,
// opinion, bridge letter) and sees whether we reviewed it; officers review a submitted report
// (exceptions, complementary user-entity controls: soc2-forms.tsx), which opens findings.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { RequirementTag } from '../../components/requirement-tag';
import { Reveal } from '../../components/reveal';
import { secondary, Table } from '../../components/table';
import { isOfficer } from '../../session';
import { Alert, Badge, DateText, Empty, Loading, Section, formatDate } from '../../ui';
import { allows } from '../workflow-model';
import { label } from './common';
import { useList, type SectionProps } from './kit';
import type { Soc2Report } from './model';
import { Soc2ReviewForm, Soc2SubmitForm } from './soc2-forms';

const STATUS_WORDS: Record<string, [string, string]> = {
  submitted: ['Awaiting review', 'warn'],
  reviewed: ['Reviewed', 'ok'],
};

export function Soc2Reports(props: SectionProps) {
  const list = useList<Soc2Report>(`/api/v1/parties/${props.party.id}/soc2-reports`, undefined, [props.party.id]);
  const contact = props.role === 'third_party_contact';
  const [notice, setNotice] = useState('');
  const done = (msg: string) => {
    setNotice(msg);
    list.reload();
    props.changed();
  };
  return (
    <Section title="SOC 2 reports" id="sec-soc2">
      {contact && (
        <p class="muted">
          Send us your SOC 2 report here, with its bridge letter if the audit period ended a while ago. We review it and
          tell you if we need more.
        </p>
      )}
      {notice && <Alert kind="ok">{notice}</Alert>}
      {(contact || isOfficer(props.role)) && (
        <Reveal label={contact ? 'Submit a SOC 2 report' : 'Record a SOC 2 report'}>
          {(close) => (
            <Soc2SubmitForm
              party={props.party}
              close={close}
              done={(r) => {
                close();
                done(
                  `SOC 2 ${label(r.type)} report from ${r.auditor} submitted${contact ? ': we will review it' : ''}.`,
                );
              }}
            />
          )}
        </Reveal>
      )}
      {list.error instanceof ApiError && list.error.status === 403 ? (
        <Empty>Your role does not read SOC 2 reports.</Empty>
      ) : (
        <Loading state={list} label="SOC 2 reports">
          {(d) =>
            d.items.length === 0 ? (
              <Empty>
                No SOC 2 report yet.
                {!contact && props.party.infrastructure_partner && (
                  <>
                    {' '}
                    An infrastructure partner needs one reviewed every year.
                    <RequirementTag code="TP-11" />
                  </>
                )}
              </Empty>
            ) : (
              <Table
                columns={[
                  'Report',
                  'Period',
                  'Opinion',
                  'Status',
                  secondary('Auditor'),
                  !contact && secondary('What we found'),
                ]}
              >
                {[...d.items].reverse().map((r) => (
                  <Soc2Row report={r} contact={contact} done={done} />
                ))}
              </Table>
            )
          }
        </Loading>
      )}
    </Section>
  );
}

function Soc2Row(props: { report: Soc2Report; contact: boolean; done: (msg: string) => void }) {
  const r = props.report;
  const status = r.status || 'reviewed';
  const [words, tone] = STATUS_WORDS[status] || [status, 'muted'];
  const findings = (r.finding_ids || []).length;
  const [reviewing, setReviewing] = useState(false);
  return (
    <>
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
          {r.bridge_letter && (
            <div class="small">
              Bridge letter to {formatDate(r.bridge_letter.covered_until)}
              {r.bridge_letter.document_id && (
                <>
                  {' · '}
                  <a href={`/api/v1/documents/${r.bridge_letter.document_id}/content`} download>
                    Download<span class="sr-only"> the bridge letter</span>
                  </a>
                </>
              )}
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
        <td>
          <Badge value={status} tone={tone} label={words} />
          {r.reviewed_at && (
            <div class="small">
              on <DateText value={r.reviewed_at} />
            </div>
          )}
          {allows(r, 'review') && !reviewing && (
            <div>
              <button type="button" class="btn btn-small" aria-expanded="false" onClick={() => setReviewing(true)}>
                Review…<span class="sr-only"> the SOC 2 report from {r.auditor}</span>
              </button>
            </div>
          )}
        </td>
        <td class="hide-narrow">{r.auditor}</td>
        {!props.contact && (
          <td class="hide-narrow">
            {status === 'submitted' ? (
              <span class="muted">Not reviewed yet</span>
            ) : (
              <Soc2Findings report={r} findings={findings} />
            )}
          </td>
        )}
      </tr>
      {reviewing && (
        <tr class="soc2-review-row">
          <td colSpan={props.contact ? 5 : 6}>
            <Soc2ReviewForm
              report={r}
              close={() => setReviewing(false)}
              done={(after) => {
                setReviewing(false);
                const n = (after.finding_ids || []).length;
                props.done(
                  `SOC 2 report reviewed${n ? `: ${n} finding${n === 1 ? '' : 's'} opened` : ': nothing to follow up'}.`,
                );
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}

function Soc2Findings(props: { report: Soc2Report; findings: number }) {
  const r = props.report;
  const exceptions = r.exceptions || [];
  const controls = r.user_entity_controls || [];
  return (
    <>
      {exceptions.length === 0 ? (
        <div class="small">No exceptions</div>
      ) : (
        exceptions.map((x) => (
          <div class="small">
            {x.severity && <Badge value={x.severity} />} {x.control}
          </div>
        ))
      )}
      {controls.length > 0 && (
        <div class="small">
          Our controls the report relies on:
          <ul class="clauses">
            {controls.map((c) => (
              <li>
                {c.control}
                {c.in_place === false && ' (not yet in place)'}
                {c.hipaa_citation && (
                  <span class="req-tag" title={`HIPAA specification ${c.hipaa_citation}`}>
                    §{c.hipaa_citation}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {props.findings > 0 && (
        <div class="small">
          {props.findings} finding{props.findings === 1 ? '' : 's'} opened
        </div>
      )}
    </>
  );
}
