import { Page } from '../ui';

export function Parties() {
  return <Page title="Parties">{null}</Page>;
}
