// The quarterly vendor SLA review (issue 27, TP-13/TP-14): for each subcontractor with an SLA,
// how the quarter met its uptime, response and resolution terms, the breaches with their
// findings, and the incidents its status feed reported with what they meant for us. For the
// officers and the auditor; a CSV of the same for the review meeting's minutes.
import { get, type ApiResponse } from '../api';
import { Link } from '../router';
import { Empty, Loading, Page, SelectField, useForm, useLoad } from '../ui';
import { impactWords } from './vendor-incidents';

type Review = ApiResponse<'/api/v1/reports/vendor-sla'>;
type PartyReview = Review['parties'][number];

const pct = (v: number | null | undefined) => (v == null ? '—' : `${v.toFixed(2)} %`);
const hours = (v: number | null | undefined) => (v == null ? '—' : `${v.toFixed(1)} h`);
const verdict = (v: boolean | null) => (v == null ? 'not measured' : v ? 'met' : 'missed');
const TERMS: Record<string, string> = { uptime: 'Uptime', response: 'Response time', resolution: 'Resolution time' };

// This quarter and the four before it: "2026Q4" with "October to December 2026".
function quarters(now = new Date()): { value: string; label: string }[] {
  const months = ['January', 'April', 'July', 'October'];
  const ends = ['March', 'June', 'September', 'December'];
  let year = now.getUTCFullYear();
  let q = Math.floor(now.getUTCMonth() / 3);
  const out = [];
  for (let i = 0; i < 5; i++) {
    out.push({ value: `${year}Q${q + 1}`, label: `${months[q]} to ${ends[q]} ${year}${i === 0 ? ' (so far)' : ''}` });
    q -= 1;
    if (q < 0) {
      q = 3;
      year -= 1;
    }
  }
  return out;
}

function PartyTable(props: { p: PartyReview }) {
  const { p } = props;
  const a = p.attainment;
  const rows: [string, string, string, boolean | null][] = [
    ['uptime', pct(p.terms.uptime_percent), pct(a.uptime_percent), a.met.uptime],
    ['response', hours(p.terms.response_hours), hours(a.worst_response_hours), a.met.response],
    ['resolution', hours(p.terms.resolution_hours), hours(a.worst_resolution_hours), a.met.resolution],
  ];
  return (
    <section class="section" aria-labelledby={`sla-${p.party_id}`}>
      <h2 id={`sla-${p.party_id}`}>
        <Link href={`/parties/${p.party_id}`}>{p.name}</Link>
      </h2>
      <table class="table">
        <caption>{p.name}: the quarter against its agreement</caption>
        <thead>
          <tr>
            <th scope="col">Term</th>
            <th scope="col">Agreed</th>
            <th scope="col">Measured (worst)</th>
            <th scope="col">Verdict</th>
            <th scope="col">Breach findings</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([term, agreed, measured, met]) => {
            const breaches = p.breaches.filter((b) => b.term === term);
            return (
              <tr key={term}>
                <th scope="row">{TERMS[term]}</th>
                <td>{agreed}</td>
                <td>{measured}</td>
                <td>{verdict(met)}</td>
                <td>
                  {breaches.length === 0
                    ? '—'
                    : breaches.map((b) => (
                        <div key={b.finding_id}>
                          <Link href={`/findings/${b.finding_id}`}>{b.title || b.finding_id}</Link>{' '}
                          <span class="muted">({b.status || 'unknown'})</span>
                        </div>
                      ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {p.vendor_incidents.length === 0 ? (
        <p class="muted">No incidents reported on services we use.</p>
      ) : (
        <ul aria-label={`${p.name}: incidents in the quarter`}>
          {p.vendor_incidents.map((i) => (
            <li key={i.incident_id}>
              {i.name} ({i.vendor_impact}, {i.vendor_status}):{' '}
              {i.assessment_status === 'open' ? 'waiting for an officer' : impactWords(i.our_impact).toLowerCase()}
              {i.finding_id && (
                <>
                  {' '}
                  · <Link href={`/findings/${i.finding_id}`}>its finding</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SlaReviewPage() {
  const options = quarters();
  const pick = useForm({ quarter: options[1].value });
  const quarter = pick.values.quarter || options[1].value;
  const review = useLoad((signal) => get<Review>('/api/v1/reports/vendor-sla', { quarter }, signal), [quarter]);
  return (
    <Page
      title="Quarterly SLA review"
      subtitle="How each subcontractor with a service level agreement kept it over a quarter (TP-13, TP-14)."
    >
      <SelectField form={pick} name="quarter" label="Quarter" options={options} />
      <Loading state={review} label="the review">
        {(r) => (
          <>
            <p>
              {r.summary.parties === 0
                ? 'No subcontractor has a service level agreement with measurable terms.'
                : `${r.summary.parties} ${r.summary.parties === 1 ? 'subcontractor' : 'subcontractors'}: ` +
                  `${r.summary.terms_met} terms met, ${r.summary.terms_missed} missed, ` +
                  `${r.summary.terms_unmeasured} not measured; ${r.summary.breaches} breach findings and ` +
                  `${r.summary.vendor_incidents} vendor incidents.`}{' '}
              <a href={`/api/v1/reports/vendor-sla?quarter=${encodeURIComponent(quarter)}&format=csv`} download>
                Download as CSV
              </a>
            </p>
            {r.parties.length === 0 && <Empty>Nothing to review for this quarter.</Empty>}
            {r.parties.map((p) => (
              <PartyTable key={p.party_id} p={p} />
            ))}
          </>
        )}
      </Loading>
    </Page>
  );
}
