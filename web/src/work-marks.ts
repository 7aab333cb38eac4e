// What a person has read of their work (POST /api/v1/my-work/read), and the signal that makes
// the navigation read its count again.
import { post } from './api';
import { WORK_CHANGED } from './pages/my-work-model';

export function announceWorkChanged() {
  window.dispatchEvent(new CustomEvent(WORK_CHANGED));
}

// Marks vendor answers (by review) and change notices read for the signed-in person.
export async function markRead(items: { kind: string; id: string }[]) {
  if (items.length === 0) return;
  await post('/api/v1/my-work/read', { items });
  announceWorkChanged();
}
