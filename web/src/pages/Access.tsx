import { Page } from '../ui';

export function AccessPage() {
  return <Page title="Access">{null}</Page>;
}
