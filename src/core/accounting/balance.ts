import { valueIn } from '../units/index.ts';
import { BASIS_UNIT, FUELS, lookupFuel, type FuelDef } from './fuels.ts';
import type { BalanceRow, GenerationRow } from './schema-regional.ts';
import { THERMAL_SOURCES, type FinalSector, type Flow, type GenerationSource, type Process } from './sectors.ts';

/** A summed flow and the input lines it came from. */
export interface Agg {
  value: number;
  inputs: string[];
}

const agg = (): Agg => ({ value: 0, inputs: [] });

/** All flows of one energy carrier, in its basis unit (t, m³, kWh, GJ). */
export interface FuelFlows {
  readonly fuel: FuelDef;
  readonly unit: string;
  readonly simple: Record<'production' | 'inflow' | 'import' | 'outflow' | 'export' | 'stockChange' | 'loss', Agg>;
  readonly transformationInput: Partial<Record<Process, Agg>>;
  readonly transformationOutput: Partial<Record<Process, Agg>>;
  readonly final: Partial<Record<FinalSector, Agg>>;
  readonly finalNonEnergy: Partial<Record<FinalSector, Agg>>;
}

export interface Balance {
  /** in catalogue order, only carriers that appear */
  readonly fuels: FuelFlows[];
  readonly generation: Partial<Record<GenerationSource, Agg>>;
}

function rowPath(prefix: string, i: number, ref?: string): string {
  return ref ? `${prefix}.${i} (${ref})` : `${prefix}.${i}`;
}

function add(a: Agg, v: number, input: string): void {
  a.value += v;
  a.inputs.push(input);
}

/**
 * Sums the balance rows by fuel and flow, converting every amount into the fuel's basis unit. Local
 * generation becomes electricity flows: fossil sources are the output of thermal power (加工转换产出),
 * the others primary production (一次电力).
 */
export function buildBalance(rows: readonly BalanceRow[], generation: readonly GenerationRow[]): Balance {
  const byId = new Map<string, FuelFlows>();
  const flowsOf = (fuel: FuelDef): FuelFlows => {
    let f = byId.get(fuel.id);
    if (!f) {
      f = {
        fuel, unit: BASIS_UNIT[fuel.basis],
        simple: { production: agg(), inflow: agg(), import: agg(), outflow: agg(), export: agg(), stockChange: agg(), loss: agg() },
        transformationInput: {}, transformationOutput: {}, final: {}, finalNonEnergy: {},
      };
      byId.set(fuel.id, f);
    }
    return f;
  };
  rows.forEach((r, i) => {
    const fuel = lookupFuel(r.fuel) as FuelDef;
    const f = flowsOf(fuel);
    const path = rowPath('energyBalance', i, r.ref);
    const v = valueIn(r.amount, f.unit, `energyBalance.${i}.amount`);
    const flow: Flow = r.flow;
    if (flow === 'transformationInput' || flow === 'transformationOutput') {
      const m = f[flow];
      add((m[r.process as Process] ??= agg()), v, path);
    } else if (flow === 'final' || flow === 'finalNonEnergy') {
      const m = f[flow];
      add((m[r.sector as FinalSector] ??= agg()), v, path);
    } else {
      add(f.simple[flow], v, path);
    }
  });
  const gen: Partial<Record<GenerationSource, Agg>> = {};
  const elec = generation.length ? flowsOf(lookupFuel('电力') as FuelDef) : undefined;
  generation.forEach((g, i) => {
    const path = rowPath('generation', i, g.ref);
    const v = valueIn(g.amount, 'kWh', `generation.${i}.amount`);
    add((gen[g.source] ??= agg()), v, path);
    if (!elec) return;
    if (THERMAL_SOURCES.includes(g.source)) add((elec.transformationOutput.thermalPower ??= agg()), v, path);
    else add(elec.simple.production, v, path);
  });
  const fuels = FUELS.map((x) => byId.get(x.id)).filter((x): x is FuelFlows => Boolean(x));
  return { fuels, generation: gen };
}

export function sumFlows(m: Partial<Record<string, Agg>>): Agg {
  const out = agg();
  for (const a of Object.values(m)) if (a) { out.value += a.value; out.inputs.push(...a.inputs); }
  return out;
}

/** 可供本地区消费的能源量: production + inflow + import − outflow − export + stock change. */
export function supply(f: FuelFlows): Agg {
  const s = f.simple;
  return {
    value: s.production.value + s.inflow.value + s.import.value - s.outflow.value - s.export.value + s.stockChange.value,
    inputs: [...s.production.inputs, ...s.inflow.inputs, ...s.import.inputs, ...s.outflow.inputs, ...s.export.inputs, ...s.stockChange.inputs],
  };
}

/** 消费量: final + transformation input + losses − transformation output. */
export function consumption(f: FuelFlows): Agg {
  const fin = sumFlows(f.final);
  const tin = sumFlows(f.transformationInput);
  const tout = sumFlows(f.transformationOutput);
  return {
    value: fin.value + tin.value + f.simple.loss.value - tout.value,
    inputs: [...fin.inputs, ...tin.inputs, ...f.simple.loss.inputs, ...tout.inputs],
  };
}

/** Net inflow from outside the region (inflow + import − outflow − export). */
export function netImport(f: FuelFlows): Agg {
  const s = f.simple;
  return {
    value: s.inflow.value + s.import.value - s.outflow.value - s.export.value,
    inputs: [...s.inflow.inputs, ...s.import.inputs, ...s.outflow.inputs, ...s.export.inputs],
  };
}
