import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors.ts';
import { EFFECTS, lmdi, logMean, type LmdiObservation, type LmdiSectorDef } from './lmdi.ts';
import { Xoshiro128 } from './rng.ts';

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);
const VA = (id: string): LmdiSectorDef => ({ id, driver: 'valueAdded' });
const ln = Math.log;

/** An observation of one-fuel sectors: `sectors` maps id → [value added, energy, CO2]. */
function obs(year: number, population: number, gdp: number, sectors: Record<string, [number, number, number]>, fuel = 'coal'): LmdiObservation {
  const o: LmdiObservation = { year, population, gdp, valueAdded: {}, energy: {}, co2: {} };
  for (const [s, [y, e, c]] of Object.entries(sectors)) {
    o.valueAdded[s] = y; o.energy[s] = { [fuel]: e }; o.co2[s] = { [fuel]: c };
  }
  return o;
}

test('logarithmic mean', () => {
  // L(a, b) = (a − b) / ln(a / b): L(2, 1) = 1 / ln 2 = 1.442695; L(a, a) = a; symmetric; close arguments stay accurate.
  close(logMean(2, 1), 1 / Math.LN2);
  close(logMean(1, 2), 1 / Math.LN2);
  assert.equal(logMean(5, 5), 5);
  close(logMean(1 + 1e-12, 1), 1 + 0.5e-12, 1e-15);
});

test('two-sector textbook case, worked by hand', () => {
  // Population 100 in both years (no population effect); GDP 1000 → 1200, so G/P 10 → 12.
  // Emission factor 2 tCO2/tce throughout, one fuel per sector (no mix or factor effect).
  //                 year 0                         year T
  //   sector 1  Y 600 (S 0.6) E 300 (I 0.5) C 600   Y 600 (S 0.5) E 300 (I 0.5)  C 600
  //   sector 2  Y 400 (S 0.4) E 40  (I 0.1) C 80    Y 600 (S 0.5) E 48  (I 0.08) C 96
  // Total C 680 → 696, ΔC = 16.
  // Sector 1: C unchanged → L = 600. activity 600·ln(12/10) = 600·ln 1.2 = 109.3929
  //           structure 600·ln(0.5/0.6) = −600·ln 1.2 = −109.3929; intensity 0.
  // Sector 2: L(96, 80) = 16 / ln 1.2 = 87.7566.
  //           activity L·ln 1.2 = 16; structure L·ln(0.5/0.4) = 16·ln 1.25 / ln 1.2 = 19.58254
  //           intensity L·ln(0.08/0.1) = 16·ln 0.8 / ln 1.2 = −19.58254   (sector sum 16 ✓)
  // Totals: activity 125.3929, structure −89.8104, intensity −19.58254, others 0; sum 16 ✓.
  const a = obs(0, 100, 1000, { s1: [600, 300, 600], s2: [400, 40, 80] });
  const b = obs(1, 100, 1200, { s1: [600, 300, 600], s2: [600, 48, 96] });
  const r = lmdi([VA('s1'), VA('s2')], ['coal'], a, b);
  const k = 16 / ln(1.2);
  close(r.change, 16);
  close(r.additive.bySector.s1.activity, 600 * ln(1.2));
  close(r.additive.bySector.s1.structure, -600 * ln(1.2));
  close(r.additive.bySector.s1.intensity, 0);
  close(r.additive.bySector.s2.activity, 16);
  close(r.additive.bySector.s2.structure, k * ln(1.25));
  close(r.additive.bySector.s2.intensity, k * ln(0.8));
  close(r.additive.total.activity, 600 * ln(1.2) + 16);
  close(r.additive.total.structure, -600 * ln(1.2) + k * ln(1.25));
  close(r.additive.total.intensity, k * ln(0.8));
  for (const e of ['population', 'mix', 'emissionFactor'] as const) close(r.additive.total[e], 0);
  close(r.additive.bySector.s2.change, 16);
  close(r.additive.bySector.s1.change, 0);
  // Multiplicative: D_k = exp(ΔC_k / L(696, 680)), L(696, 680) = 16 / ln(696/680) = 687.9768.
  // D_activity = exp(125.3929 / 687.9768) = 1.199930…; product of all D = 696/680 = 1.0235294.
  const L = 16 / ln(696 / 680);
  assert.ok(r.multiplicative.total);
  close(r.multiplicative.total.activity, Math.exp((600 * ln(1.2) + 16) / L));
  close(r.multiplicative.total.intensity, Math.exp(k * ln(0.8) / L));
  close(r.ratio ?? NaN, 696 / 680);
  close(EFFECTS.reduce((p, e) => p * (r.multiplicative.total as Record<string, number>)[e], 1), 696 / 680, 1e-12);
  // Sector 2 on its own: its effects multiply to 96/80 = 1.2; D_activity = exp(16 / L(96, 80)) = exp(ln 1.2) = 1.2.
  close(r.multiplicative.bySector.s2?.activity ?? NaN, 1.2);
  close(r.multiplicative.bySector.s2?.ratio ?? NaN, 1.2);
  close(r.multiplicative.bySector.s2?.structure ?? NaN, 1.25);   // exp(k·ln 1.25 / k) = 1.25
  close(r.multiplicative.bySector.s2?.intensity ?? NaN, 0.8);
  assert.equal(r.zeroTerms, 0);
});

test('fuel mix and emission factor effects, worked by hand', () => {
  // One sector, Y 100, E 100 in both years. Coal 80 → 60, gas 20 → 40 (factors 2.5 and 1.5).
  // C: coal 200 → 150, gas 30 → 60; total 230 → 210, ΔC = −20, all of it mix:
  //   coal L(150, 200)·ln(0.6/0.8) = (−50 / ln 0.75)·ln 0.75 = −50;  gas L(60, 30)·ln(0.4/0.2) = (30 / ln 2)·ln 2 = 30.
  const sector = [VA('ind')];
  const mk = (year: number, coal: number, gas: number, efCoal = 2.5): LmdiObservation => ({
    year, population: 10, gdp: 100, valueAdded: { ind: 100 },
    energy: { ind: { coal, gas } }, co2: { ind: { coal: coal * efCoal, gas: gas * 1.5 } },
  });
  const r = lmdi(sector, ['coal', 'gas'], mk(2015, 80, 20), mk(2020, 60, 40));
  close(r.additive.total.mix, -20);
  close(r.additive.byFuel.coal.mix, -50);
  close(r.additive.byFuel.gas.mix, 30);
  close(r.additive.total.intensity, 0);
  // Coal factor 2.5 → 2.0 with nothing else changing: C 230 → 190, all of it the emission-factor effect;
  // multiplicative D_ef = ratio = 190/230.
  const f = lmdi(sector, ['coal', 'gas'], mk(2015, 80, 20), mk(2020, 80, 20, 2.0));
  close(f.additive.total.emissionFactor, -40);
  close(f.multiplicative.total?.emissionFactor ?? NaN, 190 / 230);
  close(f.multiplicative.total?.mix ?? NaN, 1);
});

test('zero values: analytical limits of the small-value strategy (Ang & Liu 2007)', () => {
  const sector = [VA('ind')];
  const mk = (year: number, coal: number, gas: number, efGas = 1.5): LmdiObservation => ({
    year, population: 10, gdp: 100, valueAdded: { ind: 100 },
    energy: { ind: { coal, gas } }, co2: { ind: { coal: coal * 2.5, gas: gas * efGas } },
  });
  // A new fuel: gas 0 → 40 (coal 100 → 60). Gas term: C 0 → 60, the mix factor is zero at year 0 → mix effect 60.
  // Coal term: C 250 → 150: L = 100 / ln(250/150); mix ln(0.6 / 1.0) = −ln(250/150) → −100. Total −40 = ΔC.
  const r = lmdi(sector, ['coal', 'gas'], mk(2015, 100, 0), mk(2020, 60, 40));
  close(r.additive.byFuel.gas.mix, 60);
  close(r.additive.byFuel.coal.mix, -100);
  close(r.additive.total.mix, -40);
  close(r.change, -40);
  assert.equal(r.zeroTerms, 1);
  // The same with zero replaced by δ = 1e-20 (Ang 2005): converges to the limit.
  const d = lmdi(sector, ['coal', 'gas'], mk(2015, 100, 1e-20), mk(2020, 60, 40));
  close(d.additive.byFuel.gas.mix, 60, 1e-6);
  close(d.additive.total.intensity, 0, 1e-6);
  // A fuel dropped: coal 100 → 0 replaced by gas: the coal term loses −250 through the mix factor (zero at T).
  const g = lmdi(sector, ['coal', 'gas'], mk(2015, 100, 0), mk(2020, 0, 100));
  close(g.additive.byFuel.coal.mix, -250);
  close(g.additive.byFuel.gas.mix, 150);
  close(g.change, -100);
  // A fuel turning carbon-free: gas factor 1.5 → 0 with 40 used in both years → emission-factor effect −60.
  const z = lmdi(sector, ['coal', 'gas'], mk(2015, 60, 40), mk(2020, 60, 40, 0));
  close(z.additive.byFuel.gas.emissionFactor, -60);
  close(z.additive.total.emissionFactor, -60);
  close(z.additive.total.mix, 0);
});

test('zero values at sector level: a new sector is a structure effect, a sector starting to use energy an intensity effect', () => {
  // Sector "new": no value added and no energy in year 0; Y 100, E 10, C 25 in year T. Old sector unchanged.
  // The only factor that is zero in year 0 is its structure share, so structure gets all 25.
  const a = obs(0, 10, 1000, { old: [1000, 100, 250], neu: [0, 0, 0] });
  const b = obs(1, 10, 1100, { old: [1000, 100, 250], neu: [100, 10, 25] });
  const r = lmdi([VA('old'), VA('neu')], ['coal'], a, b);
  close(r.additive.bySector.neu.structure, 25);
  close(r.additive.bySector.neu.intensity, 0);
  close(r.additive.bySector.neu.activity, 0);
  assert.equal(r.multiplicative.bySector.neu, null); // zero CO2 in year 0
  // Sector with value added in both years but energy only in T: intensity is the zero factor.
  const c = obs(0, 10, 1000, { old: [900, 100, 250], neu: [100, 0, 0] });
  const d = obs(1, 10, 1000, { old: [900, 100, 250], neu: [100, 10, 25] });
  close(lmdi([VA('old'), VA('neu')], ['coal'], c, d).additive.bySector.neu.intensity, 25);
});

test('population-driven sector: per-capita intensity, no activity or structure effect', () => {
  // Households: population 100 → 110, energy 50 → 66 (per capita 0.5 → 0.6), factor 2.
  // C 100 → 132, L = 32 / ln 1.32; population L·ln 1.1, intensity L·ln 1.2 (ln 1.1 + ln 1.2 = ln 1.32 ✓).
  const h: LmdiSectorDef = { id: 'hh', driver: 'population' };
  const a: LmdiObservation = { year: 0, population: 100, gdp: 500, valueAdded: {}, energy: { hh: { coal: 50 } }, co2: { hh: { coal: 100 } } };
  const b: LmdiObservation = { year: 1, population: 110, gdp: 800, valueAdded: {}, energy: { hh: { coal: 66 } }, co2: { hh: { coal: 132 } } };
  const r = lmdi([h], ['coal'], a, b);
  const L = 32 / ln(1.32);
  close(r.additive.total.population, L * ln(1.1));
  close(r.additive.total.intensity, L * ln(1.2));
  assert.equal(r.additive.total.activity, 0);
  assert.equal(r.additive.total.structure, 0);
});

test('effects add up to the change and multiply to the ratio on random data with zeros', () => {
  const g = new Xoshiro128(12345);
  const fuels = ['coal', 'oil', 'gas', 'electricity'];
  const sectors: LmdiSectorDef[] = [VA('a'), VA('b'), VA('c'), { id: 'hh', driver: 'population' }];
  for (let trial = 0; trial < 50; trial++) {
    const mk = (year: number): LmdiObservation => {
      const o: LmdiObservation = { year, population: 50 + 100 * g.nextOpen01(), gdp: 500 + 1000 * g.nextOpen01(), valueAdded: {}, energy: {}, co2: {} };
      for (const s of sectors) {
        if (s.driver === 'valueAdded') o.valueAdded[s.id] = 100 * g.nextOpen01();
        o.energy[s.id] = {}; o.co2[s.id] = {};
        for (const f of fuels) {
          const e = g.nextOpen01() < 0.2 ? 0 : 50 * g.nextOpen01();     // one cell in five unused
          const ef = g.nextOpen01() < 0.1 ? 0 : 3 * g.nextOpen01();     // some carbon-free
          o.energy[s.id][f] = e; o.co2[s.id][f] = e * ef;
        }
      }
      return o;
    };
    const r = lmdi(sectors, fuels, mk(2020), mk(2030));
    const scale = Math.max(r.co2From, r.co2To);
    const sum = EFFECTS.reduce((acc, e) => acc + r.additive.total[e], 0);
    assert.ok(Math.abs(sum - r.change) <= 1e-10 * scale, `trial ${trial}: additive residual ${sum - r.change}`);
    assert.ok(Math.abs(r.residual.additive) <= 1e-10 * scale);
    for (const s of sectors) {
      const bs = r.additive.bySector[s.id];
      const ss = EFFECTS.reduce((acc, e) => acc + bs[e], 0);
      assert.ok(Math.abs(ss - bs.change) <= 1e-10 * scale, `trial ${trial}, sector ${s.id}`);
      const m = r.multiplicative.bySector[s.id];
      if (m) close(EFFECTS.reduce((p, e) => p * m[e], 1), m.ratio, 1e-12);
    }
    const prod = EFFECTS.reduce((p, e) => p * (r.multiplicative.total as Record<string, number>)[e], 1);
    close(prod, r.ratio ?? NaN, 1e-12);
  }
});

test('bad LMDI data gets a clear error', () => {
  const sector = [VA('ind')];
  const good = obs(2015, 10, 100, { ind: [100, 50, 125] });
  const isErr = (field: RegExp) => (e: unknown) => e instanceof DomainError && field.test(e.field ?? '') && /[\u4e00-\u9fff]/.test(e.zh);
  assert.throws(() => lmdi(sector, ['coal'], good, obs(2020, 10, 100, { ind: [100, -5, 10] })), isErr(/^2020\.energy\.ind\.coal$/));
  assert.throws(() => lmdi(sector, ['coal'], good, obs(2020, 10, -100, { ind: [100, 5, 10] })), isErr(/^2020\.gdp$/));
  assert.throws(() => lmdi(sector, ['coal'], good, obs(2020, 10, 100, { ind: [100, 0, 10] })), isErr(/^2020\.co2\.ind\.coal$/));
  assert.throws(() => lmdi(sector, ['coal'], good, obs(2020, 10, 100, { ind: [0, 5, 10] })), isErr(/^2020\.valueAdded\.ind$/));
});
