import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineageBuilder, explain } from './lineage.ts';

test('sum nodes keep their parts; explain collects inputs and factors transitively', () => {
  const lb = new LineageBuilder();
  const a = lb.add({ id: 'a', label: { zh: 'a', en: 'a' }, value: 1.5, unit: 'tCO2', inputs: ['energyBalance.1'], factors: ['f@1'] });
  const b = lb.add({ id: 'b', label: { zh: 'b', en: 'b' }, value: 2.25, unit: 'tCO2', inputs: ['energyBalance.2', 'energyBalance.1'], factors: ['g@2'] });
  const t = lb.sum('t', { zh: '合计', en: 'total' }, [a, b], 'tCO2');
  assert.equal(t.value, 3.75);
  assert.deepEqual(lb.get('t')?.from, ['a', 'b']);
  assert.deepEqual(explain(lb.toRecord(), 't'), { nodes: ['a', 'b', 't'], inputs: ['energyBalance.1', 'energyBalance.2'], factors: ['f@1', 'g@2'] });
  assert.throws(() => lb.sum('u', { zh: '', en: '' }, [a], 'tce'), /cannot sum/);
  assert.throws(() => lb.add({ id: 'a', label: { zh: '', en: '' }, value: 1, unit: 't' }), /duplicate/);
  assert.throws(() => lb.add({ id: 'n', label: { zh: '', en: '' }, value: Number.NaN, unit: 't' }), /non-finite/);
  assert.throws(() => explain(lb.toRecord(), 'missing'), /unknown node/);
});
