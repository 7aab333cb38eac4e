import { Page } from '../ui';

export function LedgerPage() {
  return <Page title="Ledger">{null}</Page>;
}
