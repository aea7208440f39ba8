/**
 * Scenario inheritance. A scenario may `extend` another (policy extends baseline, enhanced extends policy):
 * the result is a self-contained scenario, which is what a run uses and what is stored with its results.
 *
 * Merge rules (child over parent):
 *  - drivers: each key of the child replaces the parent's; for the per-item maps (intensity, capacity,
 *    process, fuelFactors) the merge goes one level down, item by item; `structure` and `fuelShifts` are
 *    replaced whole.
 *  - levers: the parent's levers in order, a child lever with the same id replaces the parent's in place,
 *    new ones are appended; `disableLevers` drops inherited levers by id.
 */
import { invalid } from '../errors.ts';
import type { Drivers, Lever, Scenario, ScenarioFile } from './schema.ts';

export interface ResolvedScenario {
  id: string;
  name: string;
  nameEn?: string;
  description?: string;
  /** ids from the root ancestor down to this scenario */
  lineage: string[];
  drivers: Drivers;
  levers: Lever[];
}

const MAP_KEYS = ['intensity', 'capacity', 'process', 'fuelFactors'] as const;

export function mergeDrivers(parent: Drivers, child: Drivers): Drivers {
  const out: Drivers = { ...parent };
  for (const [k, v] of Object.entries(child) as [keyof Drivers, unknown][]) {
    if (v === undefined) continue;
    if ((MAP_KEYS as readonly string[]).includes(k)) {
      const key = k as (typeof MAP_KEYS)[number];
      out[key] = { ...(parent[key] ?? {}), ...(child[key] ?? {}) };
    } else {
      (out as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}

export function mergeLevers(parent: readonly Lever[], child: Scenario): Lever[] {
  const disabled = new Set(child.disableLevers);
  const out = parent.filter((l) => !disabled.has(l.id));
  for (const l of child.levers) {
    const i = out.findIndex((p) => p.id === l.id);
    if (i >= 0) out[i] = l; else out.push(l);
  }
  return out;
}

/** The chain of scenario indices from the root ancestor to `id`; throws on unknown ids and cycles. */
export function lineage(file: Pick<ScenarioFile, 'scenarios'>, id: string): number[] {
  const index = new Map(file.scenarios.map((s, i) => [s.id, i]));
  const chain: number[] = [];
  let cur: string | undefined = id;
  while (cur !== undefined) {
    const i = index.get(cur);
    if (i === undefined) {
      const where = chain.length ? `scenarios.${chain[0]}.extends` : 'scenario';
      throw invalid(where, `未知情景 "${cur}"，已有：${[...index.keys()].join('、')}`,
        `unknown scenario "${cur}"; known: ${[...index.keys()].join(', ')}`, 'unknown_scenario');
    }
    if (chain.includes(i)) {
      throw invalid(`scenarios.${i}.extends`, `情景继承出现循环（${cur}）`, `scenario inheritance forms a cycle (${cur})`);
    }
    chain.unshift(i);
    cur = file.scenarios[i].extends;
  }
  return chain;
}

export function resolveScenario(file: Pick<ScenarioFile, 'scenarios'>, id: string): ResolvedScenario {
  const chain = lineage(file, id);
  let drivers: Drivers = {};
  let levers: Lever[] = [];
  for (const i of chain) {
    const s = file.scenarios[i];
    drivers = mergeDrivers(drivers, s.drivers);
    levers = mergeLevers(levers, s);
  }
  const self = file.scenarios[chain[chain.length - 1]];
  return {
    id: self.id, name: self.name, nameEn: self.nameEn, description: self.description,
    lineage: chain.map((i) => file.scenarios[i].id),
    drivers, levers,
  };
}
