import { Page } from '../ui';

export function PartyPage(props: { id: string }) {
  return <Page title={props.id}>{null}</Page>;
}
