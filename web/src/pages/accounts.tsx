// People with an account: who they are, their role in words, whether they may sign in and what
// onboarding still wants; search and filters in the URL. Whoever may manage accounts creates
// one here (the initial password is shown once). Each opens its page (account-page.tsx).
import { useEffect, useState } from 'preact/hooks';
import { get, listAll, post, type ListPage } from '../api';
import { FilterSelect } from '../components/filter-select';
import { OneTimeSecret } from '../components/one-time-secret';
import { PartyField, type PickableParty } from '../components/party-picker';
import { CancelButton, Reveal } from '../components/reveal';
import { Missing, secondary, Table } from '../components/table';
import { Link, setQuery, useLocation } from '../router';
import { ROLE_NAMES, type Role } from '../session';
import { Alert, Badge, DateText, Empty, Form, Loading, Page, SelectField, TextField, useForm, useLoad } from '../ui';
import { ACCOUNT_STATUSES, accountStatus, isWorkforceRole, missingRecords, type Account } from './accounts-model';
import { UrlPager } from '../components/pager';

export { AccountPage } from './account-page';

const ROLE_OPTIONS = (Object.keys(ROLE_NAMES) as Role[]).map((r) => ({ value: r, label: ROLE_NAMES[r] }));

type Created = { user: Account; initial_password: string };

function NewAccountForm(props: { close: () => void; onCreated: (c: Created) => void }) {
  const form = useForm({ email: '', name: '', role: 'staff', party_id: '', expires_at: '' });
  const [parties, setParties] = useState<PickableParty[] | null>(null);
  const role = form.values.role;
  useEffect(() => {
    if (role !== 'third_party_contact' || parties !== null) return;
    setParties([]);
    listAll<PickableParty>('/api/v1/parties').then(setParties, () => setParties([]));
  }, [role]);
  return (
    <Form
      form={form}
      label="New account"
      submitLabel="Create the account"
      secondary={<CancelButton onClick={props.close} />}
      onSubmit={async () => {
        const made = await form.submit((v) =>
          post<Created>('/api/v1/users', {
            email: v.email,
            name: v.name,
            role: v.role,
            ...(v.role === 'third_party_contact' ? { party_id: v.party_id } : {}),
            ...(v.expires_at ? { expires_at: v.expires_at + 'T23:59:59Z' } : {}),
          }),
        );
        if (made) props.onCreated(made);
      }}
    >
      <TextField form={form} name="name" label="Name" required autocomplete="off" />
      <TextField form={form} name="email" label="Email" type="email" required autocomplete="off" />
      <SelectField form={form} name="role" label="Role" required options={ROLE_OPTIONS} />
      {role === 'third_party_contact' && (
        <PartyField form={form} name="party_id" label="Organisation" required parties={parties || []} />
      )}
      <TextField
        form={form}
        name="expires_at"
        label="Access ends on"
        type="date"
        hint="Optional: for an external auditor's engagement, the last day of access"
      />
      {isWorkforceRole(role) && (
        <p class="hint">
          A workforce account can sign in once its five onboarding records are entered and it is activated.
        </p>
      )}
    </Form>
  );
}

export function Accounts() {
  const loc = useLocation();
  const q = loc.query.get('q') || '';
  const status = loc.query.get('status') || '';
  const role = loc.query.get('role') || '';
  const cursor = loc.query.get('cursor') || '';
  const [search, setSearch] = useState(q);
  const [created, setCreated] = useState<Created | null>(null);
  const list = useLoad(
    (signal) => get<ListPage<Account>>('/api/v1/users', { q, status, tag: role, cursor, limit: 50 }, signal),
    [q, status, role, cursor, created],
  );
  return (
    <Page
      title="Accounts"
      subtitle="Everyone who signs in to Accord, and what onboarding still needs"
      actions={<Link href="/entitlement-reviews">Entitlement reviews</Link>}
    >
      {/* Who may manage accounts is the profile's rule: the server offers them actions on the
          accounts they may manage, and only they may create one. */}
      {(list.data?.items.some((a) => (a.allowed_actions?.length ?? 0) > 0) || created) && (
        <div class="page-tools">
          <Reveal label="New account">
            {(close) => (
              <NewAccountForm
                close={close}
                onCreated={(c) => {
                  setCreated(c);
                  close();
                }}
              />
            )}
          </Reveal>
          {created && (
            <Alert kind="ok">
              <p>
                <Link href={`/accounts/${created.user.id}`}>{created.user.name || created.user.email}</Link>'s account
                is created{created.user.status === 'pending' ? ', waiting for its onboarding records' : ''}. Give them
                this initial password in person or by phone; they choose their own at the first sign-in.
              </p>
              <OneTimeSecret
                label="Initial password"
                values={[created.initial_password]}
                filename="initial-password.txt"
                note="The initial password is shown only this once and works for 7 days."
              />
            </Alert>
          )}
        </div>
      )}
      <form
        class="filters"
        role="search"
        aria-label="Accounts"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ q: search || undefined, cursor: undefined });
        }}
      >
        <div class="field">
          <label for="accounts-q">Email</label>
          <input
            id="accounts-q"
            type="search"
            value={search}
            onInput={(e) => setSearch((e.target as HTMLInputElement).value)}
            onBlur={() => search !== q && setQuery({ q: search || undefined, cursor: undefined })}
          />
        </div>
        <FilterSelect
          id="accounts-status"
          label="Status"
          value={status}
          any="Any status"
          options={ACCOUNT_STATUSES}
          onChange={(v) => setQuery({ status: v || undefined, cursor: undefined })}
        />
        <FilterSelect
          id="accounts-role"
          label="Role"
          value={role}
          any="Any role"
          options={ROLE_OPTIONS}
          onChange={(v) => setQuery({ role: v || undefined, cursor: undefined })}
        />
      </form>
      <Loading state={list} label="the accounts">
        {(page) =>
          page.items.length === 0 ? (
            <Empty>No account matches.</Empty>
          ) : (
            <>
              <Table
                class="accounts-table"
                caption="Accounts"
                captionClass="visually-hidden"
                columns={[
                  'Name',
                  secondary('Email'),
                  'Role',
                  'Status',
                  secondary('Onboarding'),
                  secondary('Access until'),
                ]}
              >
                {page.items.map((a) => {
                  const s = accountStatus(a.status);
                  const missing = isWorkforceRole(a.role) ? missingRecords(a) : [];
                  return (
                    <tr key={a.id}>
                      <td>
                        <Link href={`/accounts/${a.id}`}>{a.name || a.email}</Link>
                      </td>
                      <td class="hide-narrow">{a.email}</td>
                      <td>{ROLE_NAMES[a.role as Role] || a.role}</td>
                      <td>
                        <Badge value={a.status} label={s.label} tone={s.tone} />
                      </td>
                      <td class="hide-narrow">
                        {!isWorkforceRole(a.role) ? (
                          <Missing />
                        ) : missing.length === 0 ? (
                          'Complete'
                        ) : (
                          `${missing.length} of 5 records missing`
                        )}
                      </td>
                      <td class="hide-narrow">
                        <DateText value={a.access_until || a.expires_at} />
                      </td>
                    </tr>
                  );
                })}
              </Table>
              <UrlPager label="Pages of accounts" cursor={cursor} next={page.next_cursor} />
            </>
          )
        }
      </Loading>
    </Page>
  );
}
