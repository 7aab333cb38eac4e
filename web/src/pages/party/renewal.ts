// Renewing an agreement: the dates the form starts from. Pure, unit-tested.

const DAY = 86400000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const parse = (s: string | null | undefined) => {
  if (!s) return null;
  const t = Date.parse(s.length === 10 ? s + 'T00:00:00Z' : s);
  return isNaN(t) ? null : t;
};

// The renewal starts when the old one ends (today if that has passed) and runs as long as the
// old one did (a year when that is unknown).
export function renewalDates(
  a: { effective_at?: string | null; expires_at?: string | null },
  now = Date.now(),
): { effective_at: string; expires_at: string } {
  const today = Date.parse(day(now) + 'T00:00:00Z');
  const from = parse(a.effective_at);
  const to = parse(a.expires_at);
  const start = to !== null && to > today ? to : today;
  const length = from !== null && to !== null && to > from ? to - from : 365 * DAY;
  return { effective_at: day(start), expires_at: day(start + length) };
}
