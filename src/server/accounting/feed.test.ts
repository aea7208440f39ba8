import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getIndicator } from '../../core/plans/index.ts';
import { parseUnit } from '../../core/units/index.ts';
import { INVENTORY_INDICATORS } from './feed.ts';
import { LISTS, UNIT_CHOICES, choiceId, choiceZh, type ListName } from './workbook/layout.ts';

test('every indicator an inventory feeds is in the catalogue with the unit the feed writes', () => {
  for (const f of INVENTORY_INDICATORS) {
    const ind = getIndicator(f.code);
    assert.ok(ind, `${f.code} is in the catalogue`);
    assert.equal(ind.unit, f.unit, f.code);
    assert.ok(!ind.rateOf, `${f.code} is a level, not a reduction rate (rates are followed through their level)`);
  }
});

test('the unit converted into has the magnitude of the catalogue unit (万吨 of CO2 = 万吨二氧化碳 = 10⁴ t)', () => {
  for (const f of INVENTORY_INDICATORS) {
    const to = parseUnit(f.to);
    const shown = f.code === 'co2_emissions' ? parseUnit('万吨') : parseUnit(f.unit);
    assert.equal(to.scale, shown.scale, f.code);
  }
  assert.equal(parseUnit('万吨二氧化碳').scale, 1e4);
});

test('the template offers only units the core understands, and every drop-down word reads back to its id', () => {
  for (const u of UNIT_CHOICES) assert.doesNotThrow(() => parseUnit(u), u);
  for (const name of Object.keys(LISTS) as ListName[]) {
    for (const item of LISTS[name].items) {
      assert.equal(choiceId(name, item.zh), item.id, `${name}: ${item.zh}`);
      assert.equal(choiceId(name, item.id), item.id, `${name}: ${item.id}`);
      assert.equal(choiceZh(name, item.id), item.zh);
    }
    assert.equal(new Set(LISTS[name].items.map((i) => i.zh)).size, LISTS[name].items.length, `${name}: words are unique`);
  }
});
