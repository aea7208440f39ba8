// Damaged strings are copied from the 岳阳 seed, which has real mojibake.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDamage, overlapsDamage } from './mojibake.ts';

test('replacement characters and glued enclosed numerals (岳阳)', () => {
  const t = '(区产业发展局牵头,区经济合作帧⑶建设局、区城管局、区开建投公司等按照职责分工负����';
  const r = findDamage(t);
  assert.equal(r.length, 1);
  assert.equal(r[0].chars, '⑶����');
  assert.ok(overlapsDamage(r, t.indexOf('⑶'), t.indexOf('⑶') + 1));
});

test('several damaged runs in one sentence are one region (岳阳)', () => {
  const t = '新建“两高”项目必须符鲜 ⑹小Ⅷ产业政策⒎⒐规划和国土空间布局';
  const r = findDamage(t);
  assert.equal(r.length, 1);
  assert.equal(r[0].chars, '⑹Ⅷ⒎⒐');
});

test('legitimate list markers are not damage; Latin-1 mojibake is', () => {
  assert.deepEqual(findDamage('主要包括：①节能改造；②清洁生产。'), []);
  assert.equal(findDamage('the cafÃ© is').length, 1);
  assert.equal(findDamage('锟斤拷锟斤拷').length, 1);
});
