// The breach texts' citations become tags: the words stay, the ids move out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentence, splitCitations } from '../../src/pages/breach-cite.ts';

test('a trailing citation with nested parts is taken out', () => {
  assert.deepEqual(splitCitations('60 calendar days after discovery (164.410(b))'), {
    text: '60 calendar days after discovery',
    cites: ['164.410(b)'],
  });
});

test('a BAA term extended by a delay keeps both sentences and the delay citation', () => {
  assert.deepEqual(
    splitCitations('the BAA: 72 hours after discovery, extended 30 days at law enforcement’s request (164.412)'),
    { text: 'the BAA: 72 hours after discovery, extended 30 days at law enforcement’s request', cites: ['164.412'] },
  );
});

test('a citation with a space and several parts, and words in brackets that are no citation', () => {
  assert.deepEqual(splitCitations('the PHI was secured (unusable to others) (164.402 (Breach)(2))'), {
    text: 'the PHI was secured (unusable to others)',
    cites: ['164.402 (Breach)(2)'],
  });
  assert.deepEqual(splitCitations('no citation here'), { text: 'no citation here', cites: [] });
});

test('a sentence starts with a capital', () => {
  assert.equal(sentence('presumed a breach'), 'Presumed a breach');
  assert.equal(sentence(''), '');
});
