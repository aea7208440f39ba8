// Hand-worked offsets: each expectation below was counted by hand on the short strings used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identity, insertBefore, lineColumn, replaceAll, rewrite, toOriginal } from './text-map.ts';

test('same-length replacement maps character by character', () => {
  const mt = replaceAll(identity('到２０２５年'), /[０-９]/g, (m) => String.fromCharCode(m[0].charCodeAt(0) - 0xfee0));
  assert.equal(mt.text, '到2025年');
  assert.deepEqual(toOriginal(mt, 1, 5), { start: 1, end: 5 });
});

test('removed spaces: spans still cover the original characters', () => {
  // 'a 1 b': removing both spaces gives 'a1b'; '1' is original offset 2.
  const mt = replaceAll(identity('到 2025 年'), / /g, () => '');
  assert.equal(mt.text, '到2025年');
  assert.deepEqual(toOriginal(mt, 1, 5), { start: 2, end: 6 });
  assert.deepEqual(toOriginal(mt, 0, 6), { start: 0, end: 8 });
});

test('insertions and composed rewrites', () => {
  const base = identity('一、总体要求（一）指导思想');
  const mt = insertBefore(base, [6], '\n');
  assert.equal(mt.text, '一、总体要求\n（一）指导思想');
  assert.deepEqual(toOriginal(mt, 7, 14), { start: 6, end: 13 });
  const shorter = rewrite(mt, [{ out: 'X', from: 0, to: 6 }, { out: mt.text.slice(6), from: 6, to: mt.text.length }]);
  assert.equal(shorter.text, 'X\n（一）指导思想');
  assert.deepEqual(toOriginal(shorter, 0, 1), { start: 0, end: 6 });
  assert.deepEqual(toOriginal(shorter, 2, 5), { start: 6, end: 9 });
});

test('line and column are 1-based', () => {
  assert.deepEqual(lineColumn('ab\ncd', 4), { line: 2, column: 2 });
  assert.deepEqual(lineColumn('ab\ncd', 0), { line: 1, column: 1 });
});
