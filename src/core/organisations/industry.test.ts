import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIndustryCode } from './industry.ts';

// GB/T 4754-2017: 3011 水泥制造 is in division 30 (非金属矿物制品业), section C (制造业, divisions 13–43);
// 4411 火力发电 is in division 44, section D (44–46).
test('canonical form with derived section letter', () => {
  assert.equal(parseIndustryCode('3011'), 'C3011');
  assert.equal(parseIndustryCode('c 3011'), 'C3011');
  assert.equal(parseIndustryCode('D4411'), 'D4411');
  assert.equal(parseIndustryCode('K70'), 'K70');
  assert.equal(parseIndustryCode('S'), 'S');
});

test('a letter that contradicts the division, an absent division, or garbage is rejected', () => {
  assert.throws(() => parseIndustryCode('D3011'), /belongs to section C/);
  assert.throws(() => parseIndustryCode('98'), /no division 98/);
  assert.throws(() => parseIndustryCode('水泥'), /section letter and 2–4 digits/);
  assert.throws(() => parseIndustryCode(''), /section letter/);
});
