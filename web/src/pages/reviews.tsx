// Reviews (TP-9 … TP-15): the list with its filters, opening a review; the review page itself
// is in review-page.tsx.
import { useState } from 'preact/hooks';
import { get, post, type ListPage } from '../api';
import { RequirementTag } from '../components/requirement-tag';
import { Table } from '../components/table';
import { CancelButton } from '../components/reveal';
import { FilterSelect } from '../components/filter-select';
import { PartyField } from '../components/party-picker';
import { Link, navigate, setQuery, useLocation } from '../router';
import { isWorkforce, readsLedger, useSession } from '../session';
import {
  Badge,
  Empty,
  Form,
  Loading,
  Page,
  Section,
  SelectField,
  TextField,
  formatDate,
  humanize,
  useForm,
  useLoad,
  humanDates,
} from '../ui';
import {
  KINDS,
  OPENABLE_KINDS,
  PARTY_KINDS,
  REVIEW_ROLES,
  STATUSES,
  kindLabel,
  mayBeAssigned,
  type Review,
  type UserRef,
} from './review-kinds';
import { KindLabel } from './review-kind-label';
import { allParties, DueText, officers, type Party } from './review-common';
import './review.css';

export { ReviewPage } from './review-page';

function NewReview(props: { parties: Party[]; users: UserRef[]; onCancel: () => void }) {
  const form = useForm({
    review_kind: 'party_review',
    party_id: '',
    agreement_id: '',
    due_at: '',
    title: '',
    assignee_id: '',
    comment: '',
  });
  const kind = form.values.review_kind;
  const partyId = form.values.party_id;
  const slas = useLoad(
    (signal) =>
      kind === 'sla_review' && partyId
        ? get<
            ListPage<{ id: string; type: string; status: string; title?: string | null; expires_at?: string | null }>
          >(`/api/v1/parties/${partyId}/agreements`, { type: 'sla', limit: 100 }, signal).then((p) =>
            p.items.filter((a) => a.type === 'sla'),
          )
        : Promise.resolve([]),
    [kind, partyId],
  );
  const assignees = props.users.filter(mayBeAssigned);
  async function submit() {
    const r = await form.submit((v) => {
      const body: Record<string, string> = {};
      for (const [k, x] of Object.entries(v)) if (x) body[k] = x;
      if (!PARTY_KINDS.has(v.review_kind)) delete body.party_id;
      if (v.review_kind !== 'sla_review') delete body.agreement_id;
      return post<Review>('/api/v1/reviews', body);
    });
    if (r) navigate(`/reviews/${r.id}`);
  }
  return (
    <Section title="Open a review" id="new-review">
      <Form
        form={form}
        onSubmit={submit}
        submitLabel="Open the review"
        label="Open a review"
        secondary={<CancelButton onClick={props.onCancel} />}
      >
        <div class="form-grid">
          <SelectField
            form={form}
            name="review_kind"
            label="Kind"
            required
            options={OPENABLE_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
          />
          {PARTY_KINDS.has(kind) && (
            <PartyField form={form} name="party_id" label="Party" required parties={props.parties} />
          )}
          {kind === 'sla_review' && (
            <SelectField
              form={form}
              name="agreement_id"
              label="SLA"
              placeholder={
                partyId ? (slas.data?.length ? 'Choose the SLA…' : 'This party has no SLA') : 'Choose a party first'
              }
              options={(slas.data || []).map((a) => ({
                value: a.id,
                label: `${a.title || 'SLA'} (${humanize(a.status)}${a.expires_at ? ', until ' + formatDate(a.expires_at) : ''})`,
              }))}
            />
          )}
          <TextField
            form={form}
            name="due_at"
            label="Due"
            type="date"
            required
            hint="When the review must be approved."
          />
          <SelectField
            form={form}
            name="assignee_id"
            label="Assign to"
            placeholder="Nobody yet"
            options={assignees.map((u) => ({ value: u.id, label: `${u.name || u.email} (${humanize(u.role)})` }))}
          />
        </div>
        <TextField
          form={form}
          name="title"
          label="Title"
          hint="Leave empty for the default: the kind, the party and the due date."
        />
        <TextField form={form} name="comment" label="Comment" multiline rows={2} />
      </Form>
    </Section>
  );
}

export function Reviews() {
  const { user } = useSession().info;
  const loc = useLocation();
  const q = loc.query;
  const filters = {
    review_kind: q.get('review_kind') || '',
    status: q.get('status') || '',
    overdue: q.get('overdue') || '',
    q: q.get('q') || '',
    cursor: q.get('cursor') || '',
  };
  const [search, setSearch] = useState(filters.q);
  const [opening, setOpening] = useState(false);
  const list = useLoad(
    (signal) => get<ListPage<Review>>('/api/v1/reviews', { ...filters, limit: 50 }, signal),
    [JSON.stringify(filters)],
  );
  const refs = useLoad(async (signal) => {
    const [parties, users] = await Promise.all([
      allParties(signal),
      readsLedger(user.role) ? officers(signal).catch(() => []) : Promise.resolve([]),
    ]);
    return { parties, users };
  }, []);
  const mayOpen = REVIEW_ROLES.open.includes(user.role);
  const set = (k: string, v: string) => setQuery({ [k]: v, cursor: undefined });
  return (
    <Page
      title="Reviews"
      subtitle={
        <>
          Recurring and ad-hoc reviews: opened, assigned, documented, then approved.
          <RequirementTag code="TP-12" />
        </>
      }
      actions={
        mayOpen && isWorkforce(user.role) && !opening ? (
          <button type="button" class="btn btn-primary" onClick={() => setOpening(true)}>
            Open a review
          </button>
        ) : undefined
      }
    >
      {opening && refs.data && (
        <NewReview parties={refs.data.parties} users={refs.data.users} onCancel={() => setOpening(false)} />
      )}
      <Section title="All reviews" id="review-list">
        <form
          class="filters"
          role="search"
          aria-label="Filter the reviews"
          onSubmit={(e) => {
            e.preventDefault();
            set('q', search.trim());
          }}
        >
          <FilterSelect
            id="rv-kind"
            label="Filter by kind"
            value={filters.review_kind}
            any="All kinds"
            options={KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
            onChange={(v) => set('review_kind', v)}
          />
          <FilterSelect
            id="rv-status"
            label="Filter by status"
            value={filters.status}
            any="Any status"
            options={STATUSES}
            onChange={(v) => set('status', v)}
          />
          <div class="field field-check rv-overdue">
            <input
              id="rv-overdue"
              type="checkbox"
              checked={filters.overdue === 'true'}
              onChange={(e) => set('overdue', (e.target as HTMLInputElement).checked ? 'true' : '')}
            />
            <label for="rv-overdue">Overdue only</label>
          </div>
          <div class="field">
            <label for="rv-q">Search titles</label>
            <input
              id="rv-q"
              type="search"
              value={search}
              onInput={(e) => setSearch((e.target as HTMLInputElement).value)}
            />
          </div>
          <button type="submit" class="btn">
            Search
          </button>
        </form>
        <Loading state={list} label="reviews">
          {(page) =>
            page.items.length === 0 ? (
              <Empty>No review matches these filters.</Empty>
            ) : (
              <>
                <Table
                  class="reviews-table"
                  caption="Reviews"
                  captionClass="sr-only"
                  columns={['Review', 'Kind', 'Party', 'Due', 'Status', 'Assignee']}
                >
                  {page.items.map((r) => (
                    <tr>
                      <td data-label="Review">
                        <Link href={`/reviews/${r.id}`}>{humanDates(r.title)}</Link>
                      </td>
                      <td data-label="Kind">
                        <KindLabel kind={r.review_kind} />
                      </td>
                      <td data-label="Party">
                        {r.party_id ? (
                          <Link href={`/parties/${r.party_id}`}>{r.party_name || r.party_id}</Link>
                        ) : (
                          <span class="muted">Organisation</span>
                        )}
                      </td>
                      <td data-label="Due">
                        <DueText review={r} />
                      </td>
                      <td data-label="Status">
                        <Badge value={r.status} />
                      </td>
                      <td data-label="Assignee">
                        {r.assignee ? r.assignee.name || r.assignee.email : <span class="muted">Nobody</span>}
                      </td>
                    </tr>
                  ))}
                </Table>
                <nav class="pager" aria-label="Pages of reviews">
                  {filters.cursor && (
                    <button type="button" class="btn btn-small" onClick={() => setQuery({ cursor: undefined })}>
                      First page
                    </button>
                  )}
                  {page.next_cursor && (
                    <button type="button" class="btn btn-small" onClick={() => setQuery({ cursor: page.next_cursor! })}>
                      Next page
                    </button>
                  )}
                </nav>
              </>
            )
          }
        </Loading>
      </Section>
    </Page>
  );
}
