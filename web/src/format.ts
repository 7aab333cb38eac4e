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
