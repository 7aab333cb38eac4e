// What the party page's sections share: their props, the list loader and dates for forms.
import { get, type ListPage } from '../../api';
import type { Role } from '../../session';
import { useLoad } from '../../ui';
import type { Party } from './common';

export interface SectionProps {
  party: Party;
  role: Role;
  // Something on the page changed: reload what depends on it (the timeline, the documents).
  changed: () => void;
}

const LIST_LIMIT = 100;
export const today = () => new Date().toISOString().slice(0, 10);
export const tomorrow = () => new Date(Date.now() + 86400000).toISOString().slice(0, 10);

// One page of a party's list (the sections show at most LIST_LIMIT items).
export function useList<T>(path: string | null, query: Record<string, string> | undefined, deps: unknown[]) {
  return useLoad<ListPage<T>>(
    (signal) =>
      path
        ? get<ListPage<T>>(path, { limit: LIST_LIMIT, ...query }, signal)
        : Promise.resolve({ items: [], next_cursor: null }),
    deps,
  );
}
