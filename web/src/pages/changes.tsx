// Change requests for our own systems (TR-5): the list, newest first, filtered by status (kept
// in the URL), and the form that submits a change. Each opens its page (change-page.tsx).
import { useState } from 'preact/hooks';
import { get, post, type ListPage } from '../api';
import { FilterSelect } from '../components/filter-select';
import { UrlPager } from '../components/pager';
import { Table } from '../components/table';
import { Link, navigate, setQuery, useLocation } from '../router';
import { isWorkforce, useSession } from '../session';
import { systemLabel } from './system-label';
import {
  Badge,
  CheckboxField,
  DateText,
  Empty,
  Form,
  Loading,
  Page,
  Section,
  SelectField,
  TextField,
  useForm,
  useLoad,
} from '../ui';
import { CHANGE_STATUSES, RISKS, riskLabel, statusLabel, statusTone, type ChangeRequest } from './change-model';
import { who } from './workflow-model';
import './review.css';

export { ChangePage } from './change-page';

interface System {
  id: string;
  name: string;
  environment: string;
}

function SubmitForm() {
  const [open, setOpen] = useState(false);
  const systems = useLoad((signal) => get<ListPage<System>>('/api/v1/systems', { limit: 200 }, signal), []);
  const form = useForm({
    title: '',
    description: '',
    system_id: '',
    risk: 'medium',
    backout_plan: '',
    emergency: '',
    emergency_reason: '',
  });
  if (!open) {
    return (
      <button type="button" class="btn btn-primary" onClick={() => setOpen(true)}>
        Submit a change
      </button>
    );
  }
  const options = (systems.data?.items || []).map((s) => ({ value: s.id, label: systemLabel(s) }));
  return (
    <Form
      form={form}
      label="Submit a change"
      submitLabel="Submit the change"
      secondary={
        <button type="button" class="btn" onClick={() => setOpen(false)}>
          Cancel
        </button>
      }
      onSubmit={async () => {
        const created = await form.submit(
          (v) =>
            post<ChangeRequest>('/api/v1/change-requests', {
              title: v.title,
              description: v.description,
              system_ids: v.system_id ? [v.system_id] : [],
              risk: v.risk,
              backout_plan: v.backout_plan,
              ...(v.emergency === 'true' ? { emergency: true, emergency_reason: v.emergency_reason } : {}),
            }),
          { system_ids: 'system_id' },
        );
        if (created) navigate(`/changes/${created.id}`);
      }}
    >
      <TextField form={form} name="title" label="What changes" required />
      <TextField form={form} name="description" label="Description" multiline rows={3} required />
      <div class="form-grid">
        <SelectField
          form={form}
          name="system_id"
          label="System it touches"
          placeholder="Choose a system"
          options={options}
          required
        />
        <SelectField form={form} name="risk" label="Risk" options={RISKS} required />
      </div>
      <TextField
        form={form}
        name="backout_plan"
        label="Backout plan"
        hint="How the change is undone if it goes wrong"
        multiline
        rows={2}
        required
      />
      <CheckboxField form={form} name="emergency" label="Emergency: release first, review afterwards" />
      {form.values.emergency === 'true' && (
        <TextField form={form} name="emergency_reason" label="Why it cannot wait" multiline rows={2} required />
      )}
    </Form>
  );
}

export function Changes() {
  const loc = useLocation();
  const role = useSession().info.user.role;
  const status = loc.query.get('status') || '';
  const cursor = loc.query.get('cursor') || '';
  const list = useLoad(
    (signal) =>
      get<ListPage<ChangeRequest>>('/api/v1/change-requests', { status, order: 'newest', cursor, limit: 50 }, signal),
    [status, cursor],
  );
  return (
    <Page title="Changes" subtitle="Changes to our own systems: tested, peer reviewed, approved, released and checked">
      {isWorkforce(role) && (
        <Section title="New change">
          <SubmitForm />
        </Section>
      )}
      <form class="filters" role="search" aria-label="Changes" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          id="changes-status"
          label="Status"
          value={status}
          any="Any status"
          options={CHANGE_STATUSES}
          onChange={(v) => setQuery({ status: v || undefined, cursor: undefined })}
        />
      </form>
      <Loading state={list} label="the changes">
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{status ? 'No change has this status.' : 'No change has been submitted yet.'}</Empty>
          ) : (
            <>
              <Table
                class="changes-table"
                caption="Changes"
                captionClass="visually-hidden"
                columns={['Change', 'Status', 'Risk', { label: 'Author', hideNarrow: true }, 'Submitted']}
              >
                {page.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link href={`/changes/${c.id}`}>{c.title}</Link>
                      {c.emergency && <div class="muted small">Emergency change</div>}
                    </td>
                    <td>
                      <Badge value={c.status} label={statusLabel(c.status)} tone={statusTone(c.status)} />
                      {c.retrospective_overdue && <div class="small">Retrospective review overdue</div>}
                    </td>
                    <td>{riskLabel(c.risk)}</td>
                    <td class="hide-narrow">{who(c.author)}</td>
                    <td>
                      <DateText value={c.created_at} />
                    </td>
                  </tr>
                ))}
              </Table>
              <UrlPager label="Pages of changes" cursor={cursor} next={page.next_cursor} />
            </>
          )
        }
      </Loading>
    </Page>
  );
}
