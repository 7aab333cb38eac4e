import { Page } from '../ui';

export function Reviews() {
  return <Page title="Reviews">{null}</Page>;
}

export function ReviewPage(props: { id: string }) {
  return <Page title={props.id}>{null}</Page>;
}
