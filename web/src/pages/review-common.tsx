// Shared by the review list, the review page and the calendar.
import { ApiError, get, listAll, type ListPage } from '../api';
import type { components } from '../generated/openapi';
import { Badge, DateText } from '../ui';
import type { Review, UserRef } from './review-kinds';

export type Party = components['schemas']['Party'];

export async function allParties(signal?: AbortSignal): Promise<Party[]> {
  const out = await listAll<Party>('/api/v1/parties', {}, signal);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export async function officers(signal?: AbortSignal): Promise<UserRef[]> {
  const page = await get<ListPage<UserRef>>('/api/v1/users', { limit: 500 }, signal);
  return page.items;
}

export function DueText(props: { review: Review }) {
  const r = props.review;
  return (
    <span class="due">
      <DateText value={r.due_at} />
      {r.overdue && (
        <>
          {' '}
          <Badge value="overdue" label="Overdue" />
        </>
      )}
    </span>
  );
}

// A refusal (403) or a move the status does not allow (409) reads best as the server's whole
// sentence, not as a field detail.
export function plainRefusal(e: unknown): never {
  if (e instanceof ApiError && (e.status === 403 || e.status === 409)) throw new ApiError(e.status, e.code, e.message);
  throw e;
}
