import { Page } from '../ui';

export function Dashboard() {
  return <Page title="Dashboard">{null}</Page>;
}
