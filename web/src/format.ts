// Words and dates for people: pure functions (no DOM), shared by the screens and unit-tested.

export function humanize(s: string | undefined | null): string {
  if (!s) return '';
  const t = s.replace(/_/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

const dateFmt = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatDate(s: string | undefined | null, withTime = false): string {
  if (!s) return '—';
  const d = new Date(s.length === 10 ? s + 'T00:00:00Z' : s);
  if (isNaN(d.getTime())) return s;
  return (withTime ? timeFmt : dateFmt).format(d);
}

export function daysUntil(s: string | undefined | null, now = Date.now()): number | null {
  if (!s) return null;
  const d = new Date(s.length === 10 ? s + 'T00:00:00Z' : s);
  if (isNaN(d.getTime())) return null;
  return Math.floor((d.getTime() - now) / 86400000);
}

// `text` with every ISO date or time in it ("2026-12-06", "2026-12-06T10:15:30.123Z") written as
// formatDate writes it: server-composed titles ("… (due 2026-12-06)") read like the rest.
export function humanDates(text: string | undefined | null): string {
  if (!text) return '';
  return text.replace(/\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?/g, (m) =>
    formatDate(m, m.length > 10),
  );
}

// Does `text` show a raw ISO date or timestamp? (The journeys check each screen with it.)
export const RAW_ISO = /\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?/;
