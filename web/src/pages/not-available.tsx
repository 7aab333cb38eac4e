// An address the signed-in account may not open: said plainly, with the way back.
import { Link } from '../router';
import { Alert, Page } from '../ui';

export function NotAvailable(props: { contact: boolean }) {
  return (
    <Page title="Not available">
      <div class="not-found">
        <Alert kind="info">
          {props.contact
            ? 'This page is for our own team and is not available to your organisation’s account. '
            : 'This page is not available to your account. '}
          <Link href="/">{props.contact ? "Go to your organisation's page" : 'Go to the start page'}</Link>
        </Alert>
      </div>
    </Page>
  );
}
