// The findings board (TP-14): what reviews, SOC 2 reports, the schedule and people found,
// filtered by severity, status, owner, party, due date and source (all kept in the URL); each
// opens its page (finding-page.tsx).
import { get, type ListPage } from '../api';
import { Table } from '../components/table';
import { FilterSelect } from '../components/filter-select';
import { Link, setQuery, useLocation } from '../router';
import { useSession } from '../session';
import { Badge, DateText, Empty, Loading, Page, humanDates, useLoad } from '../ui';
import { FINDING_STATUSES, SEVERITIES, SOURCES, sourceLabel, statusLabel, type Finding } from './finding-model';
import { who } from './workflow-model';
import './review.css';
import { UrlPager } from '../components/pager';

export { FindingPage } from './finding-page';

const DUE = [
  { value: 'overdue', label: 'Overdue' },
  { value: '30', label: 'Due within 30 days' },
];

const isoDay = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

export function Findings() {
  const { user } = useSession().info;
  const loc = useLocation();
  const q = (k: string) => loc.query.get(k) || '';
  // Open findings unless the URL asks for others ("any": every status).
  const status = q('status') || 'open';
  const severity = q('severity');
  const owner = q('owner');
  const due = q('due');
  const source = q('source');
  const partyId = q('party_id');
  const cursor = q('cursor');
  const set = (p: Record<string, string | undefined>) => setQuery({ ...p, cursor: undefined });
  const list = useLoad(
    (signal) =>
      get<ListPage<Finding>>(
        '/api/v1/findings',
        {
          status: status === 'any' ? '' : status,
          severity,
          owner_id: owner === 'me' ? user.id : owner,
          party_id: partyId,
          source,
          overdue: due === 'overdue' ? 'true' : '',
          due_before: /^\d+$/.test(due) ? isoDay(Number(due)) : '',
          order: 'newest',
          cursor,
          limit: 50,
        },
        signal,
      ),
    [status, severity, owner, due, source, partyId, cursor, user.id],
  );
  const party = useLoad(
    (signal) =>
      partyId ? get<{ name: string }>(`/api/v1/parties/${partyId}`, undefined, signal) : Promise.resolve(null),
    [partyId],
  );
  const filtered = status !== 'open' || !!(severity || owner || due || source || partyId);
  return (
    <Page
      title="Findings"
      subtitle="What reviews, SOC 2 reports and checks found, until it is fixed or its risk accepted"
    >
      <form class="filters" role="search" aria-label="Findings" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          id="findings-status"
          label="Status"
          value={status === 'open' ? '' : status}
          any="Open"
          options={[...FINDING_STATUSES.filter((s) => s.value !== 'open'), { value: 'any', label: 'Any status' }]}
          onChange={(v) => set({ status: v || undefined })}
        />
        <FilterSelect
          id="findings-severity"
          label="Severity"
          value={severity}
          any="Any severity"
          options={SEVERITIES}
          onChange={(v) => set({ severity: v || undefined })}
        />
        <FilterSelect
          id="findings-owner"
          label="Owner"
          value={owner}
          any="Anyone"
          options={[
            { value: 'me', label: 'Me' },
            { value: 'none', label: 'Nobody yet' },
          ]}
          onChange={(v) => set({ owner: v || undefined })}
        />
        <FilterSelect
          id="findings-due"
          label="Due"
          value={due}
          any="Any time"
          options={DUE}
          onChange={(v) => set({ due: v || undefined })}
        />
        <FilterSelect
          id="findings-source"
          label="Found by"
          value={source}
          any="Anything"
          options={SOURCES}
          onChange={(v) => set({ source: v || undefined })}
        />
        {partyId && (
          <p class="filter-chip">
            Party: <strong>{party.data?.name || '…'}</strong>{' '}
            <button type="button" class="btn btn-small" onClick={() => set({ party_id: undefined })}>
              Show every party
            </button>
          </p>
        )}
        {filtered && (
          <button
            type="button"
            class="btn"
            onClick={() =>
              setQuery({
                status: undefined,
                severity: undefined,
                owner: undefined,
                due: undefined,
                source: undefined,
                party_id: undefined,
                cursor: undefined,
              })
            }
          >
            Clear filters
          </button>
        )}
      </form>
      <Loading state={list} label="the findings">
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{filtered ? 'No finding matches these filters.' : 'No open findings.'}</Empty>
          ) : (
            <>
              <Table
                class="findings-table"
                caption="Findings"
                captionClass="visually-hidden"
                columns={[
                  'Finding',
                  'Severity',
                  'Status',
                  { label: 'Party', hideNarrow: true },
                  { label: 'Owner', hideNarrow: true },
                  'Due',
                  { label: 'Found by', hideNarrow: true },
                ]}
              >
                {page.items.map((f) => (
                  <tr key={f.id}>
                    <td>
                      <Link href={`/findings/${f.id}`}>{humanDates(f.title)}</Link>
                    </td>
                    <td>
                      <Badge value={f.severity} />
                    </td>
                    <td>
                      <Badge
                        value={f.status}
                        label={statusLabel(f.status)}
                        tone={f.status === 'acceptance_requested' ? 'warn' : undefined}
                      />
                    </td>
                    <td class="hide-narrow">
                      {f.party_id ? (
                        <Link href={`/parties/${f.party_id}`}>{f.party_name || 'Party'}</Link>
                      ) : (
                        <span class="muted">Whole organisation</span>
                      )}
                    </td>
                    <td class="hide-narrow">{f.owner ? who(f.owner) : <span class="muted">Nobody yet</span>}</td>
                    <td>
                      <DateText value={f.due_at} />
                      {f.overdue && (f.status === 'open' || f.status === 'acceptance_requested') && (
                        <>
                          {' '}
                          <Badge value="overdue" label="Overdue" />
                        </>
                      )}
                    </td>
                    <td class="hide-narrow">{sourceLabel(f.source?.kind)}</td>
                  </tr>
                ))}
              </Table>
              <UrlPager label="Pages of findings" cursor={cursor} next={page.next_cursor} />
            </>
          )
        }
      </Loading>
    </Page>
  );
}
