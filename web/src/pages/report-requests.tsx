// Audit-report requests (IN-4): the queue of customers' requests for our reports, newest first,
// filtered by status (kept in the URL); each opens its page (report-request-page.tsx).
import { get, type ListPage } from '../api';
import { Table } from '../components/table';
import { FilterSelect } from '../components/filter-select';
import { Link, setQuery, useLocation } from '../router';
import { Badge, DateText, Empty, Loading, Page, useLoad } from '../ui';
import { REQUEST_STATUSES, partyText, reportLabel, requestStatus, type ReportRequest } from './report-request-model';
import './review.css';
import { UrlPager } from '../components/pager';

export { ReportRequestPage } from './report-request-page';

export function ReportRequests() {
  const loc = useLocation();
  const status = loc.query.get('status') || '';
  const cursor = loc.query.get('cursor') || '';
  const list = useLoad(
    (signal) =>
      get<ListPage<ReportRequest>>('/api/v1/report-requests', { status, order: 'newest', cursor, limit: 50 }, signal),
    [status, cursor],
  );
  return (
    <Page title="Report requests" subtitle="Customers and partners asking for our audit reports, under NDA">
      <form class="filters" role="search" aria-label="Report requests" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          id="requests-status"
          label="Status"
          value={status}
          any="Any status"
          options={REQUEST_STATUSES}
          onChange={(v) => setQuery({ status: v || undefined, cursor: undefined })}
        />
      </form>
      <Loading state={list} label="the requests">
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{status ? 'No request has this status.' : 'No report has been requested yet.'}</Empty>
          ) : (
            <>
              <Table
                class="requests-table"
                caption="Report requests"
                captionClass="visually-hidden"
                columns={[
                  'Organisation',
                  'Report',
                  'Status',
                  'Party',
                  { label: 'Requester', hideNarrow: true },
                  'Received',
                ]}
              >
                {page.items.map((r) => {
                  const s = requestStatus(r.status);
                  return (
                    <tr key={r.id}>
                      <td>
                        <Link href={`/report-requests/${r.id}`}>{r.organisation}</Link>
                      </td>
                      <td>{reportLabel(r.report_type)}</td>
                      <td>
                        <Badge value={r.status} label={s.label} tone={s.tone} />
                      </td>
                      <td>{partyText(r)}</td>
                      <td class="hide-narrow">
                        {r.requester.name}
                        <div class="muted small">{r.requester.email}</div>
                      </td>
                      <td>
                        <DateText value={r.created_at} />
                      </td>
                    </tr>
                  );
                })}
              </Table>
              <UrlPager label="Pages of requests" cursor={cursor} next={page.next_cursor} />
            </>
          )
        }
      </Loading>
    </Page>
  );
}
