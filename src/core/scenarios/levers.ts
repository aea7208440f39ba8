/**
 * Policy levers: explicit changes applied on top of a scenario's drivers, each over [start, end] and each
 * with an on/off flag (always on in a deterministic run; drawn with the lever's probability in Monte Carlo).
 *
 *  fuelShift       each year move `perYear` of a sector's fuel mix from the `from` fuels (in proportion to
 *                  their current shares, never more than they hold) to the `to` fuels (by weight)
 *                  — "coal share −1.5 points a year" is {from: ["coal"], to: {...}, perYear: 0.015}
 *  intensity       an extra annual change of a sector's energy intensity: I ← I · (1 + perYear)
 *  structureShift  each year move `perYear` of GDP share from one value-added sector to others (cumulative)
 *  capacity        add `add` 万kW of a generation technology, built linearly over the years start…end
 *                  — "PV +25万千瓦 by 2025" is {tech: "pv", add: 25, start: 2021, end: 2025}
 *  gridFactor      an extra annual change of the grid emission factor
 *  process         an extra annual change of a process's activity
 *  capture         capture (CCUS) a share of a process's CO2, ramping linearly to `share` at `end`;
 *                  several capture levers on one process add up, capped at 100 %
 *  sink            add `add` 万tCO2 of sinks, ramping linearly over start…end (negative: sink loss)
 * Effects persist after `end` (a share moved stays moved, capacity built stays built).
 */
import type { Slots } from './params.ts';
import type { FuelShift, Lever } from './schema.ts';

/** A change with a size per year (shift, rate) or a total (ramp), active on year indices t0…t1. */
export interface CLever {
  slot: number;
  on: number;
  t0: number;
  t1: number;
  /** sector / process / technology index, −1 for every sector */
  target: number;
}

export interface CShift extends CLever {
  /** fuel indices to take from, and to give to with normalised weights */
  from: Int32Array;
  to: Int32Array;
  w: Float64Array;
}

export interface CompiledLevers {
  fuelShifts: CShift[];
  intensity: CLever[];
  structure: CShift[];
  capacity: CLever[];
  grid: CLever[];
  process: CLever[];
  capture: CLever[];
  sink: CLever[];
}

export interface LeverIndex {
  baseYear: number;
  sector: Map<string, number>;
  fuel: Map<string, number>;
  tech: Map<string, number>;
  process: Map<string, number>;
}

function weights(to: string | Record<string, number>, index: Map<string, number>): { to: Int32Array; w: Float64Array } {
  const entries = typeof to === 'string' ? [[to, 1] as const] : Object.entries(to);
  const sum = entries.reduce((a, [, v]) => a + v, 0);
  return {
    to: Int32Array.from(entries.map(([k]) => index.get(k) as number)),
    w: Float64Array.from(entries.map(([, v]) => v / sum)),
  };
}

export function compileShift(s: Pick<FuelShift, 'sector' | 'from' | 'to' | 'perYear' | 'start' | 'end'>, on: number, slots: Slots, ix: LeverIndex): CShift {
  return {
    slot: slots.add(s.perYear), on,
    t0: s.start - ix.baseYear, t1: s.end - ix.baseYear,
    target: s.sector === '*' ? -1 : (ix.sector.get(s.sector) as number),
    from: Int32Array.from(s.from.map((f) => ix.fuel.get(f) as number)),
    ...weights(s.to, ix.fuel),
  };
}

export function compileLevers(levers: readonly Lever[], slots: Slots, ix: LeverIndex): CompiledLevers {
  const out: CompiledLevers = { fuelShifts: [], intensity: [], structure: [], capacity: [], grid: [], process: [], capture: [], sink: [] };
  for (const l of levers) {
    const on = slots.flag(l.probability);
    const span = { on, t0: l.start - ix.baseYear, t1: l.end - ix.baseYear };
    switch (l.type) {
      case 'fuelShift': out.fuelShifts.push(compileShift(l, on, slots, ix)); break;
      case 'intensity':
        out.intensity.push({ ...span, slot: slots.add(l.perYear), target: l.sector === '*' ? -1 : (ix.sector.get(l.sector) as number) });
        break;
      case 'structureShift':
        out.structure.push({ ...span, slot: slots.add(l.perYear), target: ix.sector.get(l.from) as number,
          from: Int32Array.of(ix.sector.get(l.from) as number), ...weights(l.to, ix.sector) });
        break;
      case 'capacity': out.capacity.push({ ...span, slot: slots.add(l.add), target: ix.tech.get(l.tech) as number }); break;
      case 'gridFactor': out.grid.push({ ...span, slot: slots.add(l.perYear), target: -1 }); break;
      case 'process': out.process.push({ ...span, slot: slots.add(l.perYear), target: ix.process.get(l.process) as number }); break;
      case 'capture': out.capture.push({ ...span, slot: slots.add(l.share), target: ix.process.get(l.process) as number }); break;
      case 'sink': out.sink.push({ ...span, slot: slots.add(l.add), target: -1 }); break;
    }
  }
  return out;
}

/** Multiply series[t] by the cumulative factor Π (1 + rate) of the active rate levers aimed at `target`. */
export function applyRates(levers: readonly CLever[], target: number, p: Float64Array, series: Float64Array, T: number): void {
  for (const l of levers) {
    if ((l.target !== -1 && l.target !== target) || p[l.on] === 0) continue;
    const f = 1 + p[l.slot];
    let cum = 1;
    for (let t = l.t0; t < T; t++) {
      if (t <= l.t1) cum *= f;
      series[t] *= cum;
    }
  }
}

/** Add a linear ramp: the lever's total arrives evenly over t0…t1 and stays (capacity, sinks). */
export function applyRamps(levers: readonly CLever[], target: number, p: Float64Array, series: Float64Array, T: number): void {
  for (const l of levers) {
    if ((l.target !== -1 && l.target !== target) || p[l.on] === 0) continue;
    const n = l.t1 - l.t0 + 1;
    const step = p[l.slot] / n;
    for (let t = l.t0; t < T; t++) series[t] += step * Math.min(t - l.t0 + 1, n);
  }
}

/**
 * Move `amount` of a share vector `m` (entries at offset o) from the `from` entries, in proportion to what
 * they hold and never more than they hold, to the `to` entries by weight. The total is kept.
 */
export function moveShares(s: CShift, amount: number, m: Float64Array, o: number): void {
  moveSharesRows(s, amount, m, o, 1, 0);
}

/** moveShares on `rows` share vectors of length `stride` starting at offset o (one call for every sector). */
export function moveSharesRows(s: CShift, amount: number, m: Float64Array, o: number, rows: number, stride: number): void {
  if (amount <= 0) return;
  const from = s.from, to = s.to, w = s.w, nf = from.length, nt = to.length;
  for (let r = 0, base = o; r < rows; r++, base += stride) {
    let avail = 0;
    for (let k = 0; k < nf; k++) avail += m[base + from[k]];
    if (avail <= 0) continue;
    const d = amount < avail ? amount : avail;
    const keep = 1 - d / avail;
    for (let k = 0; k < nf; k++) m[base + from[k]] *= keep;
    for (let k = 0; k < nt; k++) m[base + to[k]] += d * w[k];
  }
}
