import { Page } from '../ui';

export function CalendarPage() {
  return <Page title="Calendar">{null}</Page>;
}
