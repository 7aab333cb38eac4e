// Entitlement reviews: the campaigns that ask, every quarter (regular) or two months
// (elevated), whether each account, emergency access and third party's access should stay.
// A list by status, "Open a review now", and each campaign's page with its lines.
import { get, post, type ListPage } from '../api';
import { FilterSelect } from '../components/filter-select';
import { CancelButton, Reveal } from '../components/reveal';
import { secondary, Table } from '../components/table';
import { Link, navigate, setQuery, useLocation } from '../router';
import { isOfficer, useSession } from '../session';
import { Badge, DateText, Empty, Form, Loading, Page, SelectField, humanDates, useForm, useLoad } from '../ui';
import { SCOPES, campaignStatus, scopeLabel, undecided, type Campaign } from './accounts-model';
import { plainRefusal } from './review-common';
import './accounts.css';
import { UrlPager } from '../components/pager';

export { EntitlementReviewPage } from './entitlement-review-page';

const STATUSES = [
  { value: 'open', label: 'Open' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'completed', label: 'Completed' },
];

function OpenForm(props: { close: () => void }) {
  const form = useForm({ scope: 'regular' });
  return (
    <Form
      form={form}
      label="Open an entitlement review now"
      submitLabel="Open the review"
      secondary={<CancelButton onClick={props.close} />}
      onSubmit={async () => {
        const c = await form.submit((v) =>
          post<Campaign>('/api/v1/entitlement-reviews', { scope: v.scope }).catch(plainRefusal),
        );
        if (c) navigate(`/entitlement-reviews/${c.id}`);
      }}
    >
      <SelectField form={form} name="scope" label="Who it reviews" required options={SCOPES} />
      <p class="hint">Scheduled reviews open by themselves; open one now after an incident or a reorganisation.</p>
    </Form>
  );
}

export function EntitlementReviews() {
  const loc = useLocation();
  const status = loc.query.get('status') || '';
  const cursor = loc.query.get('cursor') || '';
  const role = useSession().info.user.role;
  const list = useLoad(
    (signal) => get<ListPage<Campaign>>('/api/v1/entitlement-reviews', { status, cursor, limit: 50 }, signal),
    [status, cursor],
  );
  return (
    <Page
      title="Entitlement reviews"
      subtitle="Who has access, confirmed on a schedule: keep or revoke each account and each third party's access"
      actions={<Link href="/accounts">Accounts</Link>}
    >
      {isOfficer(role) && (
        <div class="page-tools">
          <Reveal label="Open a review now">{(close) => <OpenForm close={close} />}</Reveal>
        </div>
      )}
      <form class="filters" role="search" aria-label="Entitlement reviews" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          id="campaigns-status"
          label="Status"
          value={status}
          any="Any status"
          options={STATUSES}
          onChange={(v) => setQuery({ status: v || undefined, cursor: undefined })}
        />
      </form>
      <Loading state={list} label="the entitlement reviews">
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{status ? 'No entitlement review has this status.' : 'No entitlement review has opened yet.'}</Empty>
          ) : (
            <>
              <Table
                class="campaigns-table"
                caption="Entitlement reviews"
                captionClass="visually-hidden"
                columns={['Review', secondary('Scope'), 'Status', 'To decide', 'Due']}
              >
                {page.items.map((c) => {
                  const s = campaignStatus(c.status);
                  return (
                    <tr key={c.id}>
                      <td>
                        <Link href={`/entitlement-reviews/${c.id}`}>{humanDates(c.title)}</Link>
                      </td>
                      <td class="hide-narrow">{scopeLabel(c.scope)}</td>
                      <td>
                        <Badge value={c.status} label={s.label} tone={s.tone} />
                      </td>
                      <td>
                        {undecided(c)} of {c.lines.length}
                      </td>
                      <td>
                        <DateText value={c.due_at} />
                      </td>
                    </tr>
                  );
                })}
              </Table>
              <UrlPager label="Pages of entitlement reviews" cursor={cursor} next={page.next_cursor} />
            </>
          )
        }
      </Loading>
    </Page>
  );
}
