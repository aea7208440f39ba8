import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gbt2260Level, parseRegionCode } from './codes.ts';
import { RegionTree } from './tree.ts';

// Codes from GB/T 2260 as cited in the product brief: 510500 泸州市, 500110 綦江区, 640000 宁夏回族自治区.
test('GB/T 2260 levels', () => {
  assert.equal(gbt2260Level('640000'), 'province');
  assert.equal(gbt2260Level('510500'), 'city');
  assert.equal(gbt2260Level('510502'), 'county');
  assert.equal(gbt2260Level('500110'), 'county');
});

test('codes: GB/T 2260, local, and rejected', () => {
  assert.deepEqual(parseRegionCode('510500'), { code: '510500', kind: 'gbt2260' });
  assert.deepEqual(parseRegionCode('500110-wsjk'), { code: '500110-WSJK', kind: 'local' });
  assert.deepEqual(parseRegionCode('X-CHENGYU'), { code: 'X-CHENGYU', kind: 'local' });
  assert.throws(() => parseRegionCode('990000'), /province prefix/);
  assert.throws(() => parseRegionCode('5105'), /six digits/);
});

test('tree: parents and cross-region members', () => {
  // 1 重庆市 ⊃ 2 綦江区 ⊃ 3 万盛经开区; 4 四川省 ⊃ 5 泸州市; 6 成渝 spans 1 and 4.
  const t = new RegionTree([
    { id: 1, parentId: null }, { id: 2, parentId: 1 }, { id: 3, parentId: 2 },
    { id: 4, parentId: null }, { id: 5, parentId: 4 }, { id: 6, parentId: null, memberIds: [1, 4] },
  ]);
  assert.deepEqual(t.ancestors(3), [3, 2, 1]);
  assert.equal(t.within(3, 1), true);
  assert.equal(t.within(1, 3), false);
  assert.equal(t.within(5, 6), true);
  assert.equal(t.within(5, 1), false);
  assert.equal(t.within(6, 6), true);
});
