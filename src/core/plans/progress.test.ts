// Hand-worked numbers (checked with a calculator, values rounded in the comments):
// −14.5 % over 2020→2025 from 1.0 ⇒ 0.855^(1/5) per year: 2021 0.96915, 2023 0.91029, 2025 0.855;
// annual rate 1−0.855^(1/5) = 3.0845 %; 13.5 % ⇒ 2.8589 %/yr and 18 % ⇒ 3.8913 %/yr (the 重庆 14 % example:
// 1−0.86^(1/5) = 2.97 %, as in assets/reference/accounting-data.md §8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.ts';
import { annualReductionRate, assessProgress, expectedAt, pathOf, type PathTarget } from './progress.ts';

const close = (a: number, b: number, eps = 1e-4) => assert.ok(Math.abs(a - b) < eps, `${a} ≠ ${b}`);

const intensity: PathTarget = { kind: 'reduction', year: 2025, value: 14.5, unit: '%', baselineYear: 2020, baselineValue: 1.0 };

test('reduction of an intensity: constant annual rate', () => {
  close(expectedAt(intensity, 2020), 1.0);
  close(expectedAt(intensity, 2021), 0.96915);
  close(expectedAt(intensity, 2023), 0.91029);
  close(expectedAt(intensity, 2025), 0.855);
  close(annualReductionRate(14.5), 3.0845);
  close(annualReductionRate(13.5), 2.8589);
  close(annualReductionRate(18), 3.8913);
  close(annualReductionRate(14), 2.9714);
});

test('share and level: linear; cap: constant; cumulative: linear accumulation; increase', () => {
  // 17.6 % in 2020 → 20 % in 2025: 2023 is 17.6 + 2.4 × 3/5 = 19.04.
  close(expectedAt({ kind: 'share', year: 2025, value: 20, unit: '%', baselineYear: 2020, baselineValue: 17.6 }, 2023), 19.04);
  assert.equal(expectedAt({ kind: 'cap', year: 2025, value: 620, unit: '万吨', baselineYear: 2020, baselineValue: null }, 2022), 620);
  // 800 万平方米 accumulated over 2021–2025: 2 years in ⇒ 320.
  close(expectedAt({ kind: 'cumulative', year: 2025, value: 800, unit: '万平方米', baselineYear: 2020, baselineValue: null }, 2022), 320);
  // 新增35万千瓦 by 2030 from 25 in 2025: 2027 ⇒ 25 + 35 × 2/5 = 39.
  close(expectedAt({ kind: 'increase', year: 2030, value: 35, unit: '万千瓦', baselineYear: 2025, baselineValue: 25 }, 2027), 39);
  // 年均增长15 % from 100 in 2020: 2023 ⇒ 100 × 1.15³ = 152.0875.
  close(expectedAt({ kind: 'increase', year: 2025, value: 15, unit: '%', baselineYear: 2020, baselineValue: 100, annual: true }, 2023), 152.0875);
  // +10 % over five years, 3 years in ⇒ 100 × 1.1^(3/5) = 105.8853.
  close(expectedAt({ kind: 'increase', year: 2025, value: 10, unit: '%', baselineYear: 2020, baselineValue: 100 }, 2023), 105.8853);
});

test('red (一级): the intensity rose against the previous year (不降反升)', () => {
  const a = assessProgress(intensity, { year: 2022, value: 0.95 }, { year: 2021, value: 0.94 });
  assert.equal(a.level, 'red');
  assert.equal(a.levelZh, '一级预警');
});

test('yellow (二级): falling, but slower than the path (降低率未达到进度要求)', () => {
  // Expected 2022: 0.93926; observed 0.95 < previous 0.96 (falling) but above the path.
  const a = assessProgress(intensity, { year: 2022, value: 0.95 }, { year: 2021, value: 0.96 });
  assert.equal(a.level, 'yellow');
  close(a.expected, 0.93926);
  close(a.gap, 0.95 - 0.93926);
  assert.equal(a.onTrack, false);
});

test('green (三级): on or ahead of the path; tolerance widens green', () => {
  assert.equal(assessProgress(intensity, { year: 2022, value: 0.93 }, { year: 2021, value: 0.96 }).level, 'green');
  // 0.945 is 0.61 % above the expected 0.93926: yellow strictly, green with a 1 % tolerance.
  assert.equal(assessProgress(intensity, { year: 2022, value: 0.945 }, { year: 2021, value: 0.96 }).level, 'yellow');
  assert.equal(assessProgress(intensity, { year: 2022, value: 0.945 }, { year: 2021, value: 0.96 }, { tolerance: 0.01 }).level, 'green');
  // Without a previous observation, the base value is the reference.
  assert.equal(assessProgress(intensity, { year: 2021, value: 0.96 }).level, 'green');
});

test('share rising toward its target: red when it fell, yellow when behind, green when ahead', () => {
  const share: PathTarget = { kind: 'share', year: 2025, value: 20, unit: '%', baselineYear: 2020, baselineValue: 17.6 };
  assert.equal(assessProgress(share, { year: 2023, value: 18.0 }, { year: 2022, value: 18.2 }).level, 'red');
  assert.equal(assessProgress(share, { year: 2023, value: 18.9 }, { year: 2022, value: 18.2 }).level, 'yellow'); // expected 19.04
  assert.equal(assessProgress(share, { year: 2023, value: 19.1 }, { year: 2022, value: 18.2 }).level, 'green');
});

test('caps: red above, yellow within 5 % below, green otherwise', () => {
  const cap: PathTarget = { kind: 'cap', year: 2025, value: 620, unit: '万吨', baselineYear: 2020, baselineValue: null };
  assert.equal(assessProgress(cap, { year: 2023, value: 630 }).level, 'red');
  assert.equal(assessProgress(cap, { year: 2023, value: 600 }).level, 'yellow'); // 620 × 0.95 = 589 < 600
  assert.equal(assessProgress(cap, { year: 2023, value: 580 }).level, 'green');
  assert.equal(assessProgress(cap, { year: 2023, value: 600 }, undefined, { capMargin: 0.02 }).level, 'green'); // 620 × 0.98 = 607.6
});

test('cumulative: red when nothing was added, yellow when behind the accumulation', () => {
  const cum: PathTarget = { kind: 'cumulative', year: 2025, value: 800, unit: '万平方米', baselineYear: 2020, baselineValue: null };
  assert.equal(assessProgress(cum, { year: 2022, value: 300 }, { year: 2021, value: 300 }).level, 'red');
  assert.equal(assessProgress(cum, { year: 2022, value: 300 }, { year: 2021, value: 150 }).level, 'yellow'); // expected 320
  assert.equal(assessProgress(cum, { year: 2022, value: 330 }, { year: 2021, value: 150 }).level, 'green');
});

test('paths from parsed targets, and bad input', () => {
  const p = pathOf({ kind: 'reduction', year: 2025, value: 14.5, unit: '%', baselineYear: 2020, annual: false }, 1.2);
  close(expectedAt(p, 2025), 1.026);
  const bad = (f: () => unknown, field: string) => assert.throws(f, (e: unknown) => e instanceof DomainError && e.field === field);
  bad(() => pathOf({ kind: 'reduction', year: 2025, value: null, unit: '%', baselineYear: 2020, annual: false }, 1), 'target.value');
  bad(() => expectedAt({ ...intensity, baselineValue: null }, 2022), 'target.baselineValue');
  bad(() => expectedAt(intensity, 2019), 'year');
  bad(() => expectedAt({ ...intensity, year: 2020 }, 2020), 'target.year');
  bad(() => assessProgress(intensity, { year: 2022, value: 1 }, { year: 2022, value: 1 }), 'previous.year');
  bad(() => annualReductionRate(120), 'percent');
});
