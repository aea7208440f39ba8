/**
 * Attainment of plan targets that the model can compute, as pass/fail with a margin.
 *
 *   metric                    value computed                                   unit        default op
 *   energyIntensityReduction  1 − (E/G)[year] / (E/G)[from]                     fraction    >=
 *   carbonIntensityReduction  1 − (C/G)[year] / (C/G)[from]  (C: basis, default energy CO2)  >=
 *                             (a `from` before the base year uses the target's `fromValue` for (·/G)[from])
 *   energyIntensity           E/G                                              tce/万元     <=
 *   carbonIntensity           C/G  (basis, default energy CO2)                 tCO2/万元    <=
 *   nonFossilShare            non-fossil share of energy use                   fraction    >=
 *   electrificationShare      electricity share of energy use                  fraction    >=
 *   fuelShare                 share of `fuel` in energy use                    fraction    <=
 *   fuelConsumption           use of `fuel`                                    万tce        <=
 *   energyTotal               energy use                                       万tce        <=
 *   co2                       CO2 (basis, default the file's peakBasis)        万tCO2       <=
 *   capacity                  capacity of `tech` ("*" = all local generation)  万kW         >=
 *   sinks                     carbon sinks                                     万tCO2       >=
 *   peakYear                  peak year (`value` is the year to peak by)       year        <=
 *
 * margin = value − target for ">=", target − value for "<=": positive means met with room to spare.
 * A target passes when margin ≥ −tolerance. A peak not reached within the horizon fails with no margin.
 */
import type { CompiledModel } from './compile.ts';
import type { Workspace } from './kernel.ts';
import type { Basis, Metric, ScenarioFile, Target } from './schema.ts';

export const METRIC_UNITS: Record<Metric, string> = {
  energyIntensityReduction: 'fraction', carbonIntensityReduction: 'fraction', energyIntensity: 'tce/万元',
  carbonIntensity: 'tCO2/万元', nonFossilShare: 'fraction', electrificationShare: 'fraction', fuelShare: 'fraction',
  fuelConsumption: '万tce', energyTotal: '万tce', co2: '万tCO2', capacity: '万kW', sinks: '万tCO2', peakYear: 'year',
};

const AT_LEAST = new Set<Metric>(['energyIntensityReduction', 'carbonIntensityReduction', 'nonFossilShare', 'electrificationShare', 'capacity', 'sinks']);

export interface CTarget {
  target: Target;
  op: '>=' | '<=';
  basis: Basis;
  /** year index of the target and of the reference year */
  t: number;
  tFrom: number;
  /** the reference intensity when `from` is before the base year, else NaN (computed at tFrom) */
  fromValue: number;
  fuel: number;
  /** technology index, −1 for the total */
  tech: number;
}

export interface TargetResult {
  id: string;
  name?: string;
  nameEn?: string;
  metric: Metric;
  year?: number;
  from?: number;
  /** the reference intensity given for a `from` before the base year */
  fromValue?: number;
  op: '>=' | '<=';
  target: number;
  tolerance: number;
  /** computed value; null when it cannot be computed (peak not reached) */
  value: number | null;
  margin: number | null;
  pass: boolean;
  unit: string;
}

export function compileTargets(file: ScenarioFile, m: CompiledModel): CTarget[] {
  return file.targets.map((target) => ({
    target,
    op: target.op ?? (AT_LEAST.has(target.metric) ? '>=' : '<='),
    basis: target.basis ?? (target.metric === 'co2' ? file.peakBasis : 'energy'),
    t: (target.year ?? m.baseYear) - m.baseYear,
    tFrom: (target.from ?? m.baseYear) - m.baseYear,
    fromValue: target.fromValue ?? NaN,
    fuel: target.fuel ? m.fuels.findIndex((f) => f.id === target.fuel) : -1,
    tech: target.tech && target.tech !== '*' ? m.techs.findIndex((g) => g.id === target.tech) : -1,
  }));
}

function co2(ws: Workspace, basis: Basis, t: number): number {
  return basis === 'energy' ? ws.co2Energy[t] : basis === 'gross' ? ws.gross[t] : ws.net[t];
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

/**
 * The target's metric for the run in `ws`; `peakYear` is the peak year index of the run or −1 when the
 * peak is not reached. Returns NaN when the metric cannot be computed.
 */
export function metricValue(c: CTarget, m: CompiledModel, ws: Workspace, peakYearIndex: number): number {
  const { t, tFrom, basis } = c;
  const T = m.T, F = m.F;
  const given = c.fromValue === c.fromValue; // not NaN
  switch (c.target.metric) {
    case 'energyIntensityReduction':
      return 1 - ratio(ratio(ws.energyTotal[t], ws.gdp[t]), given ? c.fromValue : ratio(ws.energyTotal[tFrom], ws.gdp[tFrom]));
    case 'carbonIntensityReduction':
      return 1 - ratio(ratio(co2(ws, basis, t), ws.gdp[t]), given ? c.fromValue : ratio(co2(ws, basis, tFrom), ws.gdp[tFrom]));
    case 'energyIntensity': return ratio(ws.energyTotal[t], ws.gdp[t]);
    case 'carbonIntensity': return ratio(co2(ws, basis, t), ws.gdp[t]);
    case 'nonFossilShare': return ws.nonFossilShare[t];
    case 'electrificationShare': return ws.electrificationShare[t];
    case 'fuelShare': return ratio(ws.energyFuel[t * F + c.fuel], ws.energyTotal[t]);
    case 'fuelConsumption': return ws.energyFuel[t * F + c.fuel];
    case 'energyTotal': return ws.energyTotal[t];
    case 'co2': return co2(ws, basis, t);
    case 'capacity': {
      if (c.tech >= 0) return ws.capacity[c.tech * T + t];
      let sum = 0;
      for (let g = 0; g < m.techs.length; g++) sum += ws.capacity[g * T + t];
      return sum;
    }
    case 'sinks': return ws.sinks[t];
    case 'peakYear': return peakYearIndex < 0 ? NaN : m.baseYear + peakYearIndex;
  }
}

/** Margin of a computed value (NaN stays NaN). */
export function marginOf(c: CTarget, value: number): number {
  return c.op === '>=' ? value - c.target.value : c.target.value - value;
}

/** Pass test with the target's tolerance and a hair of floating-point slack. */
export function passes(c: CTarget, margin: number): boolean {
  const eps = 1e-12 * Math.max(1, Math.abs(c.target.value));
  return margin >= -c.target.tolerance - eps;
}

export function evaluateTargets(cts: readonly CTarget[], m: CompiledModel, ws: Workspace, peakYearIndex: number): TargetResult[] {
  return cts.map((c) => {
    const value = metricValue(c, m, ws, peakYearIndex);
    const ok = Number.isFinite(value);
    const margin = ok ? marginOf(c, value) : NaN;
    const t = c.target;
    return {
      id: t.id, name: t.name, nameEn: t.nameEn, metric: t.metric, year: t.year,
      from: t.from ?? (t.metric.endsWith('Reduction') ? m.baseYear : undefined), fromValue: t.fromValue,
      op: c.op, target: t.value, tolerance: t.tolerance,
      value: ok ? value : null, margin: ok ? margin : null, pass: ok && passes(c, margin),
      unit: METRIC_UNITS[t.metric],
    };
  });
}
