// What a review is about, shown on its page (the review's `context`, read with it): the
// partner list with what changed since the last approved list review, the change notice, the
// party's agreements with their SLA terms, its SOC 2 reports and open findings, and the
// documents the review names. ApprovalNote says, before anyone clicks, why approval is not
// possible yet, with a link to where it is fixed.
import { RequirementTag } from '../components/requirement-tag';
import { Link } from '../router';
import { Alert, Badge, DateText, Empty, Section, formatDate, humanDates, humanize } from '../ui';
import { label } from './party/fields';
import type { Review } from './review-kinds';

export type ReviewContext = NonNullable<Review['context']>;
type Approval = NonNullable<ReviewContext['approval']>;
type PartnerList = NonNullable<ReviewContext['partner_list']>;

export function ApprovalNote(props: { approval: Approval | null | undefined }) {
  const a = props.approval;
  if (!a || !a.blocked) return null;
  return (
    <Alert kind="warn" id="approval-blocked">
      <strong>Approval is not possible yet.</strong>
      <ul class="plain approval-reasons">
        {a.reasons.map((r) => (
          <li>
            {r.text}
            {r.href && (
              <>
                {' '}
                <Link href={r.href}>{r.link_text ? `Open “${r.link_text}”` : 'Open it'}</Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

const CHANGE_WORDS: Record<string, string> = { services: 'services', contacts: 'contacts', details: 'details' };

function PartnerListTable(props: { list: PartnerList }) {
  const l = props.list;
  const added = l.parties.filter((p) => p.change === 'added').length;
  const changed = l.parties.filter((p) => p.change === 'changed').length;
  return (
    <>
      <h3>The partner and subcontractor list</h3>
      <p class="muted">
        {l.since ? (
          <>
            Compared with the list approved on <DateText value={l.since} />
            {l.since_review_id && (
              <>
                {' '}
                (<Link href={`/reviews/${l.since_review_id}`}>that review</Link>)
              </>
            )}
            : {added} new, {changed} changed, {l.removed.length} gone.
          </>
        ) : (
          'No earlier list review was approved, so there is nothing to compare with: confirm every line.'
        )}
      </p>
      {l.parties.length === 0 ? (
        <Empty>No active partners or subcontractors.</Empty>
      ) : (
        <div class="table-wrap">
          <table class="table partner-list">
            <thead>
              <tr>
                <th scope="col">Party</th>
                <th scope="col">Kind</th>
                <th scope="col">Services</th>
                <th scope="col">Contacts</th>
                <th scope="col">Since the last review</th>
              </tr>
            </thead>
            <tbody>
              {l.parties.map((p) => (
                <tr class={p.change !== 'unchanged' ? `pl-${p.change}` : ''}>
                  <td>
                    <Link href={`/parties/${p.id}`}>{p.name}</Link>
                  </td>
                  <td>{label(p.kind)}</td>
                  <td>{p.services.join(', ') || <span class="muted">none</span>}</td>
                  <td>{p.contacts.join(', ') || <span class="muted">none</span>}</td>
                  <td>
                    {p.change === 'added' ? (
                      <Badge value="added" tone="info" label="New" />
                    ) : p.change === 'changed' ? (
                      <Badge
                        value="changed"
                        tone="warn"
                        label={`Changed: ${p.changes.map((c) => CHANGE_WORDS[c] || c).join(', ')}`}
                      />
                    ) : (
                      <span class="muted">{l.since ? 'No change' : '—'}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {l.more > 0 && <p class="muted">And {l.more} more not listed here.</p>}
      {l.removed.length > 0 && (
        <p>
          No longer on the list:{' '}
          {l.removed.map((p, i) => (
            <>
              {i > 0 && ', '}
              <Link href={`/parties/${p.id}`}>{p.name}</Link>
            </>
          ))}
          .
        </p>
      )}
    </>
  );
}

function Terms(props: { sla: Record<string, unknown> | null | undefined }) {
  const s = props.sla || {};
  const parts: string[] = [];
  if (typeof s.uptime_percent === 'number') parts.push(`uptime ${s.uptime_percent}%`);
  if (typeof s.response_hours === 'number') parts.push(`response within ${s.response_hours} h`);
  if (typeof s.resolution_hours === 'number') parts.push(`resolution within ${s.resolution_hours} h`);
  if (typeof s.breach_notice_hours === 'number') parts.push(`breach notice within ${s.breach_notice_hours} h`);
  return parts.length ? <>{parts.join(', ')}</> : <span class="muted">no measurable terms</span>;
}

export function ReviewAbout(props: { review: Review }) {
  const r = props.review;
  const c = r.context;
  if (!c) return null;
  const party = c.party;
  const notice = c.change_notice;
  return (
    <Section title="What this review is about" id="about">
      {c.partner_list && <PartnerListTable list={c.partner_list} />}
      {notice && (
        <>
          <h3>The change notice</h3>
          <dl class="facts">
            <div>
              <dt>Change</dt>
              <dd>
                <strong>{humanDates(notice.title)}</strong>
                {notice.description && <div>{notice.description}</div>}
              </dd>
            </div>
            <div>
              <dt>Planned</dt>
              <dd>
                <DateText value={notice.planned_at} />
              </dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>
                <Badge value={notice.status} />
              </dd>
            </div>
            {notice.new_data_location && (
              <div>
                <dt>New data location</dt>
                <dd>{notice.new_data_location}</dd>
              </div>
            )}
            {notice.new_subprocessor && (
              <div>
                <dt>Subprocessor</dt>
                <dd>Adds a new subprocessor</dd>
              </div>
            )}
            {(notice.substantial_reasons || []).length > 0 && (
              <div>
                <dt>Why it is substantial</dt>
                <dd>
                  <ul class="plain">
                    {(notice.substantial_reasons || []).map((s) => (
                      <li>{s}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            )}
          </dl>
          {(r.party_responses || []).length > 0 && (
            <p>
              <a href="#party-questions">The party's answers</a> are below.
            </p>
          )}
        </>
      )}
      {party && (
        <>
          <h3>
            Agreements of <Link href={`/parties/${party.id}#sec-agreements`}>{party.name}</Link>
          </h3>
          {c.agreements.length === 0 ? (
            <Empty>No agreements recorded.</Empty>
          ) : (
            <ul class="plain about-list">
              {c.agreements.map((a) => (
                <li>
                  <strong>{label(a.type)}</strong> {a.title && a.title !== label(a.type) ? `(${a.title}) ` : ''}
                  <Badge value={a.status || 'draft'} />{' '}
                  {a.effective_at || a.expires_at ? (
                    <span class="muted">
                      {a.effective_at ? formatDate(a.effective_at) : '…'} –{' '}
                      {a.expires_at ? formatDate(a.expires_at) : 'open-ended'}
                    </span>
                  ) : null}
                  {a.type === 'sla' && (
                    <div class="small">
                      SLA terms: <Terms sla={a.sla as Record<string, unknown> | null | undefined} />
                      <RequirementTag code="TP-13" />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
          <h3>
            SOC 2 reports <RequirementTag code="TP-11" />
          </h3>
          {c.soc2_reports.length === 0 ? (
            <Empty>No SOC 2 report recorded.</Empty>
          ) : (
            <ul class="plain about-list">
              {c.soc2_reports.map((s) => (
                <li>
                  SOC 2 {label(s.type)} from {s.auditor}, period to {formatDate(s.period_end)}:{' '}
                  <Badge value={s.opinion} /> {s.status === 'submitted' ? 'awaiting review' : 'reviewed'}{' '}
                  <Link href={`/parties/${party.id}#sec-soc2`}>
                    See it<span class="sr-only"> on the party's page</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <h3>Open findings</h3>
          {c.open_findings.length === 0 ? (
            <Empty>No open findings.</Empty>
          ) : (
            <ul class="plain about-list">
              {c.open_findings.map((f) => (
                <li>
                  <Badge value={f.severity} /> {humanDates(f.title)}
                  {f.due_at && (
                    <span class="muted">
                      {' '}
                      · due <DateText value={f.due_at} />
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {c.documents.length > 0 && (
        <>
          <h3>Documents it names</h3>
          <ul class="plain about-list">
            {c.documents.map((d) => (
              <li>
                <a href={`/api/v1/documents/${d.id}/content`} download>
                  {d.filename}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {!party && !c.partner_list && !notice && c.documents.length === 0 && (
        <Empty>This review is about the whole organisation: {humanize(r.review_kind).toLowerCase()}.</Empty>
      )}
    </Section>
  );
}
