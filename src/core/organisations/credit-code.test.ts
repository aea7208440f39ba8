import { test } from 'node:test';
import assert from 'node:assert/strict';
import { creditCodeCheckChar, creditCodeProblem, parseCreditCode } from './credit-code.ts';
import { DomainError } from '../errors.ts';

// 91350100M000100Y43 is the specimen printed in public explanations of GB 32100-2015.
// Worked by hand: values of 9,1,3,5,0,1,0,0,M,0,0,0,1,0,0,Y,4 are 9,1,3,5,0,1,0,0,21,0,0,0,1,0,0,30,4
// (M is the 22nd alphabet character → 21, Y the 31st → 30); weighted by 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28:
// 9 + 3 + 27 + 135 + 0 + 26 + 0 + 0 + 420 + 0 + 0 + 0 + 8 + 0 + 0 + 900 + 112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3.
test('check character of the GB 32100 specimen is 3', () => {
  assert.equal(creditCodeCheckChar('91350100M000100Y4'), '3');
  assert.equal(creditCodeProblem('91350100M000100Y43'), null);
});

// 9151050MA62A1B2X: sum 2186 (same working), 2186 mod 31 = 16, 31 − 16 = 15 → alphabet[15] = 'F'.
test('a second code worked by hand', () => {
  assert.equal(creditCodeCheckChar('91510500MA62A1B2X'), 'F');
  assert.equal(parseCreditCode(' 91510500ma62a1b2xf '), '91510500MA62A1B2XF');
});

test('each kind of defect is named', () => {
  assert.equal(creditCodeProblem('91350100M000100Y4'), 'length');
  assert.equal(creditCodeProblem('91350100M000100I43'), 'charset'); // I is not in the alphabet
  assert.equal(creditCodeProblem('C1350100M000100Y43'), 'authority');
  assert.equal(creditCodeProblem('9135A100M000100Y43'), 'region');
  assert.equal(creditCodeProblem('91350100M000100Y44'), 'check');
});

test('invalid code throws a bilingual error naming the field', () => {
  assert.throws(() => parseCreditCode('91350100M000100Y44', 'enterprise.creditCode'), (e: unknown) => {
    assert.ok(e instanceof DomainError);
    assert.equal(e.field, 'enterprise.creditCode');
    assert.match(e.zh, /校验码错误/);
    assert.match(e.en, /check character/);
    return true;
  });
});
