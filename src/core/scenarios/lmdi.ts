/**
 * LMDI-I decomposition (Ang 2004, 2005) of the change in energy-related CO2 between two years.
 *
 * Identity, for a value-added sector i and fuel j:
 *   C_ij = P · (G/P) · (Y_i/G) · (E_i/Y_i) · (E_ij/E_i) · (C_ij/E_ij)
 *        = population · activity per capita · structure · energy intensity · fuel mix · emission factor
 * and for a population-driven sector (households): C_ij = P · (E_i/P) · (E_ij/E_i) · (C_ij/E_ij), so its
 * activity and structure effects are zero and its intensity is energy per person.
 *
 * Additive:        ΔC_k = Σ_ij L(C_ij^T, C_ij^0) · ln(x_k,ij^T / x_k,ij^0),   Σ_k ΔC_k = C^T − C^0
 * Multiplicative:  D_k = exp(ΔC_k / L(C^T, C^0)),                              Π_k D_k = C^T / C^0
 * with the logarithmic mean L(a, b) = (a − b) / (ln a − ln b), L(a, a) = a. The multiplicative form follows
 * from the additive one (Ang 2004): both use the same weights, so the two always agree. A sector's own
 * multiplicative effects use L(C_i^T, C_i^0) and multiply to that sector's ratio.
 *
 * Zero values (Ang & Liu 2007, "Handling zero values in the logarithmic mean Divisia index decomposition
 * approach", Energy Policy 35: 238–246; Ang 2005 recommends replacing zeros by a small δ of 1e-10…1e-20).
 * This implementation uses the limits of that small-value strategy as δ → 0 rather than a finite δ, because
 * the finite-δ error shrinks only like ln(x^T/x^0) / ln(1/δ) (about 1 % of the term at δ = 1e-20):
 *   – C_ij^0 = 0 < C_ij^T: the factor(s) that are zero at year 0 receive C_ij^T (split equally if several,
 *     the limit with a common δ), every other factor 0;
 *   – C_ij^0 > 0 = C_ij^T: the factor(s) zero at year T receive −C_ij^0, the others 0;
 *   – C_ij^0 = C_ij^T = 0: every effect is 0.
 * A factor that is 0/0 at one end (the mix of a sector using no energy, the factor of a fuel not used, the
 * intensity of a sector with neither energy nor value added) takes its value at the other end, so it carries
 * no effect: a new fuel appears as a mix effect, a sector starting to use energy as an intensity effect, a
 * new sector as a structure effect, a fuel becoming carbon-free as an emission-factor effect.
 */
import { invalid } from '../errors.ts';

export const EFFECTS = ['population', 'activity', 'structure', 'intensity', 'mix', 'emissionFactor'] as const;
export type Effect = (typeof EFFECTS)[number];
export type Effects = Record<Effect, number>;

export interface LmdiSectorDef { id: string; name?: string; driver: 'valueAdded' | 'population' }

export interface LmdiObservation {
  year: number;
  population: number;
  gdp: number;
  /** sector → value added (value-added sectors only) */
  valueAdded: Record<string, number>;
  /** sector → fuel → energy */
  energy: Record<string, Record<string, number>>;
  /** sector → fuel → CO2 */
  co2: Record<string, Record<string, number>>;
}

export interface LmdiResult {
  from: number;
  to: number;
  co2From: number;
  co2To: number;
  change: number;
  /** C^T / C^0; null when either total is zero */
  ratio: number | null;
  additive: {
    total: Effects;
    bySector: Record<string, Effects & { change: number }>;
    byFuel: Record<string, Effects & { change: number }>;
  };
  multiplicative: {
    /** null when either total is zero */
    total: Effects | null;
    /** each sector's own decomposition of C_i^T / C_i^0; null for a sector with zero CO2 in either year */
    bySector: Record<string, (Effects & { ratio: number }) | null>;
  };
  /** number of sector × fuel terms handled by the zero-value limits */
  zeroTerms: number;
  /** Σ additive effects − change, and Π multiplicative effects − ratio (rounding only) */
  residual: { additive: number; multiplicative: number | null };
}

/** Logarithmic mean of two positive numbers, accurate when they are close. */
export function logMean(a: number, b: number): number {
  if (a === b) return a;
  const d = a - b;
  return d / Math.log1p(d / b);
}

const zeroEffects = (): Effects => ({ population: 0, activity: 0, structure: 0, intensity: 0, mix: 0, emissionFactor: 0 });

function nonNeg(v: number | undefined, field: string): number {
  const x = v ?? 0;
  if (!Number.isFinite(x) || x < 0) throw invalid(field, `应为非负有限数值，实际为 ${x}`, `must be a finite non-negative number, got ${x}`, 'invalid_lmdi');
  return x;
}

/** Factor values at one end; NaN marks 0/0 (undefined). */
function factors(o: LmdiObservation, s: LmdiSectorDef, fuel: string, eI: number): number[] {
  const at = `${o.year}`;
  const eIJ = nonNeg(o.energy[s.id]?.[fuel], `${at}.energy.${s.id}.${fuel}`);
  const cIJ = nonNeg(o.co2[s.id]?.[fuel], `${at}.co2.${s.id}.${fuel}`);
  if (eIJ === 0 && cIJ > 0) {
    throw invalid(`${at}.co2.${s.id}.${fuel}`, '有二氧化碳排放但没有对应能源消费', 'has CO2 but no energy use', 'invalid_lmdi');
  }
  const mix = eI > 0 ? eIJ / eI : NaN;
  const ef = eIJ > 0 ? cIJ / eIJ : NaN;
  if (s.driver === 'population') return [o.population, 1, 1, eI / o.population, mix, ef, cIJ];
  const y = nonNeg(o.valueAdded[s.id], `${at}.valueAdded.${s.id}`);
  if (y === 0 && eI > 0) {
    throw invalid(`${at}.valueAdded.${s.id}`, '部门有能源消费但增加值为 0，能耗强度无定义', 'the sector uses energy but has zero value added: intensity undefined', 'invalid_lmdi');
  }
  return [o.population, o.gdp / o.population, y / o.gdp, y > 0 ? eI / y : NaN, mix, ef, cIJ];
}

function checkTotals(o: LmdiObservation): void {
  for (const k of ['population', 'gdp'] as const) {
    if (!(Number.isFinite(o[k]) && o[k] > 0)) {
      throw invalid(`${o.year}.${k}`, `应为正数，实际为 ${o[k]}`, `must be a positive number, got ${o[k]}`, 'invalid_lmdi');
    }
  }
}

/** Decompose the change of CO2 from observation `a` to observation `b`. */
export function lmdi(sectors: readonly LmdiSectorDef[], fuels: readonly string[], a: LmdiObservation, b: LmdiObservation): LmdiResult {
  checkTotals(a); checkTotals(b);
  const total = zeroEffects();
  const bySector: Record<string, Effects & { change: number }> = {};
  const byFuel: Record<string, Effects & { change: number }> = {};
  for (const f of fuels) byFuel[f] = { ...zeroEffects(), change: 0 };
  const sectorC: Record<string, [number, number]> = {};
  let c0 = 0, cT = 0, zeroTerms = 0;

  for (const s of sectors) {
    const sec = (bySector[s.id] = { ...zeroEffects(), change: 0 });
    const eI0 = fuels.reduce((acc, f) => acc + nonNeg(a.energy[s.id]?.[f], `${a.year}.energy.${s.id}.${f}`), 0);
    const eIT = fuels.reduce((acc, f) => acc + nonNeg(b.energy[s.id]?.[f], `${b.year}.energy.${s.id}.${f}`), 0);
    let s0 = 0, sT = 0;
    for (const f of fuels) {
      const x0 = factors(a, s, f, eI0), xT = factors(b, s, f, eIT);
      const C0 = x0[6], CT = xT[6];
      s0 += C0; sT += CT;
      if (C0 === 0 && CT === 0) continue;
      for (let k = 0; k < 6; k++) {           // 0/0 takes the other end's value
        if (Number.isNaN(x0[k])) x0[k] = xT[k];
        if (Number.isNaN(xT[k])) xT[k] = x0[k];
      }
      const eff = zeroEffects();
      if (C0 > 0 && CT > 0) {
        const L = logMean(CT, C0);
        EFFECTS.forEach((e, k) => { eff[e] = x0[k] === xT[k] ? 0 : L * Math.log(xT[k] / x0[k]); });
      } else {
        zeroTerms++;
        const end = C0 === 0 ? x0 : xT;
        const zeros = EFFECTS.filter((_, k) => end[k] === 0);
        for (const e of zeros) eff[e] = (CT - C0) / zeros.length;
      }
      for (const e of EFFECTS) { total[e] += eff[e]; sec[e] += eff[e]; byFuel[f][e] += eff[e]; }
      byFuel[f].change += CT - C0;
    }
    sec.change = sT - s0;
    sectorC[s.id] = [s0, sT];
    c0 += s0; cT += sT;
  }

  const change = cT - c0;
  const ratio = c0 > 0 && cT > 0 ? cT / c0 : null;
  let mTotal: Effects | null = null;
  if (ratio !== null) {
    const L = logMean(cT, c0);
    mTotal = zeroEffects();
    for (const e of EFFECTS) mTotal[e] = Math.exp(total[e] / L);
  }
  const mBySector: Record<string, (Effects & { ratio: number }) | null> = {};
  for (const s of sectors) {
    const [s0, sT] = sectorC[s.id];
    if (!(s0 > 0 && sT > 0)) { mBySector[s.id] = null; continue; }
    const L = logMean(sT, s0);
    const m = { ...zeroEffects(), ratio: sT / s0 };
    for (const e of EFFECTS) m[e] = Math.exp(bySector[s.id][e] / L);
    mBySector[s.id] = m;
  }
  const sumAdd = EFFECTS.reduce((acc, e) => acc + total[e], 0);
  const prodMul = mTotal ? EFFECTS.reduce((acc, e) => acc * (mTotal as Effects)[e], 1) : null;
  return {
    from: a.year, to: b.year, co2From: c0, co2To: cT, change, ratio,
    additive: { total, bySector, byFuel },
    multiplicative: { total: mTotal, bySector: mBySector },
    zeroTerms,
    residual: { additive: sumAdd - change, multiplicative: prodMul === null || ratio === null ? null : prodMul - ratio },
  };
}
