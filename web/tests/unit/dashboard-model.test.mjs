// src/pages/dashboard-model.ts: how the dashboard words its dates and counts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysLeftText, dueText, kindLabel, monthLabel, quarterLabel } from '../../src/pages/dashboard-model.ts';

const inDays = (n) => new Date(Date.now() + n * 86400000 + 3600000).toISOString();

test('chart labels: months and quarters', () => {
  assert.equal(monthLabel('2026-03'), 'Mar 26');
  assert.equal(monthLabel('2025-12'), 'Dec 25');
  assert.equal(quarterLabel('2026Q1'), 'Q1 2026');
  assert.equal(quarterLabel('not a quarter'), 'not a quarter');
});

test('review kinds keep SLA in capitals', () => {
  assert.equal(kindLabel('sla_review'), 'SLA review');
  assert.equal(kindLabel('party_review'), 'Party review');
});

test('due dates relative to today', () => {
  assert.equal(dueText(inDays(5)), 'in 5 days');
  assert.equal(dueText(inDays(1)), 'in 1 day');
  assert.equal(dueText(inDays(0)), 'due today');
  assert.equal(dueText(inDays(-1)), '1 day late');
  assert.equal(dueText(inDays(-3)), '3 days late');
  assert.equal(dueText(null), '');
});

test('days left of a grant or an agreement', () => {
  assert.equal(daysLeftText(12), '12 days');
  assert.equal(daysLeftText(1), '1 day');
  assert.equal(daysLeftText(0), 'today');
  assert.equal(daysLeftText(-2), 'ended');
});
