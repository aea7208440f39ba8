import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchUnit, type OrgCandidate } from './unit-match.ts';

// Names as registered in the demo (src/demo/organisations.ts) and as written in the seed plans.
const orgs: OrgCandidate[] = [
  { id: 1, name: '重庆市发展改革委', shortName: '发展改革委', regionName: '重庆市' },
  { id: 2, name: '四川省发展改革委', shortName: '发展改革委', regionName: '四川省' },
  { id: 3, name: '四川省林草局', shortName: '林草局', regionName: '四川省' },
  { id: 4, name: '万盛经开区发展改革局', shortName: '发展改革局', regionName: '万盛经济技术开发区' },
  { id: 5, name: '万盛经开区生态环境局', shortName: '生态环境局', regionName: '万盛经济技术开发区' },
  { id: 6, name: '重庆市生态环境局', shortName: '生态环境局', regionName: '重庆市' },
];

test('full names match exactly', () => {
  assert.equal(matchUnit('重庆市发展改革委', orgs), 1);
  assert.equal(matchUnit('四川省发展改革委', orgs), 2);
});

test('the 成渝 plan writes 市…/省… for the two provinces', () => {
  assert.equal(matchUnit('市发展改革委', orgs), 1);
  assert.equal(matchUnit('省发展改革委', orgs), 2);
  assert.equal(matchUnit('省林草局', orgs), 3);
});

test('short names: unique → matched; ambiguous or unknown → null', () => {
  assert.equal(matchUnit('发展改革局', orgs), 4);
  assert.equal(matchUnit('发展改革委', orgs), null); // Chongqing's or Sichuan's: not guessed
  assert.equal(matchUnit('生态环境局', orgs), null);
  assert.equal(matchUnit('市生态环境局', orgs), 6);
  assert.equal(matchUnit('各有关部门', orgs), null);
});
