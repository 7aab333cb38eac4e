// src/format.ts: words and dates as the screens show them.
import assert from 'node:assert/strict';
import { test } from 'node:test';

// Dates are shown in the browser's time zone: pin it before the module makes its formatters.
process.env.TZ = 'UTC';
const { daysUntil, formatDate, humanDates, humanize, RAW_ISO } = await import('../../src/format.ts');

test('humanize: snake_case to a sentence', () => {
  assert.equal(humanize('in_progress'), 'In progress');
  assert.equal(humanize('non_production'), 'Non production');
  assert.equal(humanize(''), '');
  assert.equal(humanize(null), '');
  assert.equal(humanize(undefined), '');
});

test('formatDate: a day, a moment, and what is not a date', () => {
  assert.equal(formatDate('2026-03-01'), '1 Mar 2026');
  assert.equal(formatDate('2026-03-01T14:05:00Z', true), '1 Mar 2026, 14:05');
  assert.equal(formatDate('2026-03-01T14:05:00Z'), '1 Mar 2026');
  assert.equal(formatDate(''), '—');
  assert.equal(formatDate(null), '—');
  assert.equal(formatDate('soon'), 'soon');
});

test('daysUntil: whole days from now, negative when past', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  assert.equal(daysUntil('2026-03-11', now), 9);
  assert.equal(daysUntil('2026-03-02T12:00:00Z', now), 1);
  assert.equal(daysUntil('2026-03-01T12:00:00Z', now), 0);
  assert.equal(daysUntil('2026-02-28', now), -2);
  assert.equal(daysUntil('', now), null);
  assert.equal(daysUntil('never', now), null);
});

test('humanDates: ISO dates and times inside a title read as dates', () => {
  assert.equal(humanDates('Partner list review (due 2026-12-06)'), 'Partner list review (due 6 Dec 2026)');
  assert.equal(humanDates('Opened 2026-03-01T14:05:00.000Z by Sam'), 'Opened 1 Mar 2026, 14:05 by Sam');
  assert.equal(humanDates('Review #12'), 'Review #12');
  assert.equal(humanDates(null), '');
  assert.ok(RAW_ISO.test('due 2026-12-06'));
  assert.ok(!RAW_ISO.test(humanDates('due 2026-12-06')));
});
