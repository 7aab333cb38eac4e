// "First page" / "Next page" for a list whose cursor lives in the address (`?cursor=`), so a
// page can be reloaded or shared. Lists with a page number or their own history (parties, the
// audit log) keep their own.
import { setQuery } from '../router';

export function UrlPager(props: { label: string; cursor?: string | null; next?: string | null }) {
  return (
    <nav class="pager" aria-label={props.label}>
      <button type="button" class="btn" disabled={!props.cursor} onClick={() => setQuery({ cursor: undefined })}>
        First page
      </button>
      <button
        type="button"
        class="btn"
        disabled={!props.next}
        onClick={() => setQuery({ cursor: props.next || undefined })}
      >
        Next page
      </button>
    </nav>
  );
}
