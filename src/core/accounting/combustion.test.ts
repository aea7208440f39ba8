import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DomainError } from '../errors.ts';
import { seedFactorSet } from '../factors/index.ts';
import { combust, resolveFuelParams } from './combustion.ts';
import { FactorContext } from './factor-context.ts';
import { lookupFuel, type FuelDef } from './fuels.ts';

const reference = JSON.parse(readFileSync(new URL('../../../assets/reference/accounting-data.json', import.meta.url), 'utf8'));
const set = seedFactorSet(reference);
const permissive = () => new FactorContext(set, { allow: ['single-source', 'disputed'] });
const fuel = (n: string) => lookupFuel(n) as FuelDef;
const close = (a: number, b: number, rel = 1e-12) => assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);

test('1 t 烟煤, GB/T 32151.22 defaults, worked by hand', () => {
  // E  = 1 t × 19.57 GJ/t             = 19.57 GJ = 0.01957 TJ
  // C  = 0.01957 TJ × 26.1 tC/TJ       = 0.510777 tC
  // C' = 0.510777 tC × 0.93 (oxidised) = 0.47502261 tC
  // CO2 = 0.47502261 × 44/12           = 1.74174957 tCO2   (reference ARITH column: 1.7417)
  const p = resolveFuelParams(permissive(), fuel('烟煤'), 2023, 'x');
  const r = combust({ value: 1, unit: 't' }, p, 'x');
  close(r.energyGJ, 19.57);
  close(r.carbonT, 0.510777);
  close(r.co2T, 0.47502261 * 44 / 12);
  assert.equal(r.co2T.toFixed(4), '1.7417');
});

test('1 万立方米 天然气 (389.31 GJ/10⁴Nm³, 15.3 tC/TJ, 0.99) and 1 万吨 in other units', () => {
  // 389.31 GJ × 15.3 tC/TJ ÷ 1000 = 5.956443 tC; × 0.99 = 5.89687857; × 44/12 = 21.62188809 tCO2 (ARITH: 21.6219)
  const p = resolveFuelParams(new FactorContext(set), fuel('天然气'), 2023, 'x');
  close(combust({ value: 1, unit: '万立方米' }, p, 'x').co2T, 5.89687857 * 44 / 12);
  close(combust({ value: 10000, unit: 'm3' }, p, 'x').co2T, 5.89687857 * 44 / 12);
  // 柴油 1 万吨: 10 000 t × 42.652 GJ/t × 20.2 tC/TJ ÷ 1000 × 0.98 × 44/12 = 30 958.6 tCO2 (ARITH 3.0959 t/t)
  const d = resolveFuelParams(new FactorContext(set), fuel('柴油'), 2023, 'x');
  close(combust({ value: 1, unit: '万吨' }, d, 'x').co2T, 10000 * 42.652 * 20.2 / 1000 * 0.98 * 44 / 12);
});

test('every GB/T 32151.22 fuel reproduces the reference file\'s own arithmetic (co2_ef_derived, 4 decimals)', () => {
  const ctx = permissive();
  let n = 0;
  for (const f of reference['1_fuel_parameters'].fuels) {
    const def = lookupFuel(f.fuel_zh) ?? ({ id: f.fuel_zh, en: f.fuel_en, aliases: [], basis: f.category === 'gas' && f.low_heating_value.unit.includes('Nm3') ? 'volume' : 'mass', group: 'coal', fossil: true, paramKey: f.fuel_zh } as FuelDef);
    const unit = f.co2_ef_derived.unit.replace('tCO2/', '');
    const r = combust({ value: 1, unit }, resolveFuelParams(ctx, def, 2023, f.fuel_zh, { key: f.fuel_zh }), f.fuel_zh);
    assert.ok(Math.abs(r.co2T - f.co2_ef_derived.value) <= 0.00005 + 1e-9, `${f.fuel_zh}: ${r.co2T} vs ${f.co2_ef_derived.value}`);
    n++;
  }
  assert.equal(n, 26);
});

test('measured parameters replace defaults; a per-mass carbon content skips the NCV in the CO2', () => {
  // measured NCV 21.85 GJ/t with default CC 26.1 and OF 0.93: 21.85 × 26.1 / 1000 × 0.93 × 44/12
  const p = resolveFuelParams(permissive(), fuel('烟煤'), 2023, 'c', {}, { ncv: { value: { value: 21.85, unit: 'GJ/t' }, source: 'lab' } });
  close(combust({ value: 1, unit: 't' }, p, 'c').co2T, 21.85 * 26.1 / 1000 * 0.93 * 44 / 12);
  assert.deepEqual(p.ncv.source, { kind: 'measured', field: 'c.ncv', source: 'lab' });
  // element carbon 0.62 tC/t, oxidation 98 %: 1 t → 0.62 × 0.98 × 44/12 = 2.2278667 tCO2
  const q = resolveFuelParams(permissive(), fuel('烟煤'), 2023, 'c', {}, {
    carbonContent: { value: { value: 62, unit: '%' }, source: 'x' } as never,
  });
  assert.throws(() => combust({ value: 1, unit: 't' }, q, 'c'), (e: unknown) => e instanceof DomainError && e.code === 'unit_incompatible');
  const m = resolveFuelParams(permissive(), fuel('烟煤'), 2023, 'c', {}, {
    carbonContent: { value: { value: 0.62, unit: 'tC/t' }, source: 'x' }, oxidation: { value: { value: 98, unit: '%' }, source: 'y' },
  });
  close(combust({ value: 1, unit: 't' }, m, 'c').co2T, 0.62 * 0.98 * 44 / 12);
});

test('IPCC approach: 1 t 无烟煤 = 26.7 GJ × 98 300 kgCO2/TJ = 2.62461 tCO2 (oxidation embedded)', () => {
  // IPCC NCVs were seen in one source only: refused without the opt-in
  assert.throws(() => resolveFuelParams(new FactorContext(set), fuel('无烟煤'), 2023, 'x', { approach: 'ipcc' }), (e: unknown) => e instanceof DomainError && e.code === 'factor_not_accepted');
  const p = resolveFuelParams(permissive(), fuel('无烟煤'), 2023, 'x', { approach: 'ipcc' });
  close(combust({ value: 1, unit: 't' }, p, 'x').co2T, 26.7 * 98300 / 1e6);
  // 润滑油 has no Chinese default: an explicit error, unless the IPCC approach is chosen (40.2 TJ/Gg × 73 300 kg/TJ)
  assert.throws(() => resolveFuelParams(new FactorContext(set), fuel('润滑油'), 2023, 'energyBalance.4'),
    (e: unknown) => e instanceof DomainError && e.code === 'fuel_parameters_missing' && e.field === 'energyBalance.4' && /润滑油/.test(e.zh));
  const l = resolveFuelParams(permissive(), fuel('润滑油'), 2023, 'x', { approach: 'ipcc' });
  close(combust({ value: 1, unit: 't' }, l, 'x').co2T, 40.2 * 73300 / 1e6);
});

test('weak factors need the opt-in; the context records what was used', () => {
  assert.throws(() => resolveFuelParams(new FactorContext(set), fuel('烟煤'), 2023, 'combustion.0'),
    (e: unknown) => e instanceof DomainError && e.code === 'factor_not_accepted' && e.field === 'combustion.0');
  const ctx = permissive();
  resolveFuelParams(ctx, fuel('烟煤'), 2023, 'combustion.0');
  const used = ctx.factorsUsed();
  assert.deepEqual(used.map((u) => u.kind).sort(), ['fuel.carbon_content', 'fuel.ncv', 'fuel.oxidation']);
  assert.ok(used.every((u) => u.usedFor.includes('combustion.0')));
  assert.ok(ctx.qualityFlags().some((f) => /单一来源/.test(f.zh) && /26\.1/.test(f.zh)));
});
