// Time helpers. Expected values are worked out by hand: CST = UTC+8.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatHj212Time, formatQn, isHj212Time, parseHj212Time } from './time.ts';

test('formatting an instant in CST (default) and in another offset', () => {
  const t = new Date(Date.UTC(2016, 7, 1, 0, 40, 0, 7)); // 2016-08-01T00:40:00.007Z = 08:40:00.007 CST
  assert.equal(formatHj212Time(t), '20160801084000');
  assert.equal(formatQn(t), '20160801084000007');
  assert.equal(formatHj212Time(t, 0), '20160801004000');
  // 2016-12-31T20:00:00Z is already 2017-01-01 04:00 in CST
  assert.equal(formatHj212Time(new Date(Date.UTC(2016, 11, 31, 20))), '20170101040000');
  assert.throws(() => formatHj212Time(new Date(NaN)), RangeError);
});

test('parsing a device time as CST', () => {
  assert.equal(parseHj212Time('20160801084000')?.toISOString(), '2016-08-01T00:40:00.000Z');
  assert.equal(parseHj212Time('20160801084000', 0)?.toISOString(), '2016-08-01T08:40:00.000Z');
  assert.equal(parseHj212Time('20160231000000'), undefined);
});

test('calendar validation', () => {
  assert.ok(isHj212Time('20240229235959')); // 2024 is a leap year
  assert.ok(isHj212Time('20000229000000')); // 2000 is (divisible by 400)
  assert.ok(!isHj212Time('21000229000000')); // 2100 is not (divisible by 100)
  assert.ok(!isHj212Time('20230229000000'));
  assert.ok(!isHj212Time('20260431000000')); // April has 30 days
  assert.ok(!isHj212Time('20260101006000'));
  assert.ok(!isHj212Time('18991231000000')); // before 1900
  assert.ok(!isHj212Time('2026010100000'));
});
