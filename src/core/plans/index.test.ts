// The public API re-exported by index.ts, used the way the CLI uses it. Expectations read by hand from
// the one-sentence plan below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessProgress, getIndicator, matchIndicator, parsePlan, pathOf, summarizePlan } from './index.ts';

test('import, summarise, link to the catalogue, assess', () => {
  const plan = parsePlan('临江县碳达峰实施方案\n一、主要目标\n到2025年，单位地区生产总值能源消耗比2020年下降14%，森林覆盖率达到40%以上。');
  const s = summarizePlan(plan);
  assert.equal(s.region, '临江县');
  assert.deepEqual(s.targets.map((t) => [t.indicator_code, t.year, t.value, t.qualifier, t.kind, t.baseline_year]), [
    ['energy_intensity_reduction', 2025, 14, 'exact', 'reduction', 2020], ['forest_coverage', 2025, 40, 'or_more', 'level', null]]);
  assert.equal(getIndicator('energy_intensity_reduction')?.rateOf, 'energy_intensity');
  assert.equal(matchIndicator('森林覆盖率')?.indicator.unit, '%');
  // 14 % over five years from 0.5: 2021 expected 0.5 × 0.86^0.2 = 0.48514; 0.49 is behind the path.
  const a = assessProgress(pathOf(plan.targets[0], 0.5), { year: 2021, value: 0.49 });
  assert.equal(a.level, 'yellow');
  assert.ok(Math.abs(a.expected - 0.48514) < 1e-4);
});
