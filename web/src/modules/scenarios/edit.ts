import type { Issue } from '../../app/api.ts';
import { pathKey, type LeverInput, type LeverType, type Path, type ScenarioDef, type ScenarioInput } from './types.ts';

/**
 * Editing the scenario file as written: read and write by path (a new object each time, so React sees the
 * change), scenario inheritance as the core resolves it (src/core/scenarios/resolve.ts), and the core's
 * issues matched to the fields the editor shows.
 */
export function getIn(obj: unknown, path: Path): unknown {
  let cur = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** A copy of `obj` with the value at `path` replaced (removed when `value` is undefined). */
export function setIn<T>(obj: T, path: Path, value: unknown): T {
  const out = structuredClone(obj);
  let cur = out as unknown as Record<string | number, unknown>;
  for (const [i, k] of path.entries()) {
    if (i === path.length - 1) {
      if (value === undefined) delete cur[k]; else cur[k] = value;
    } else {
      if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = typeof path[i + 1] === 'number' ? [] : {};
      cur = cur[k] as Record<string | number, unknown>;
    }
  }
  return out;
}

/** The issues about a field or anything below it. */
export function issuesAt(issues: readonly Issue[], path: Path): Issue[] {
  const key = pathKey(path);
  return issues.filter((i) => i.field !== undefined && (i.field === key || i.field.startsWith(`${key}.`)));
}

/** The message without its leading field name, for display under the field itself. */
export function issueText(i: Issue, lang: 'zh' | 'en'): string {
  const msg = lang === 'zh' ? i.zh : i.en;
  if (!i.field) return msg;
  for (const sep of ['：', ': ']) if (msg.startsWith(i.field + sep)) return msg.slice(i.field.length + sep.length);
  return msg;
}

/** Chain of scenario indices from the root ancestor to `index` (stops on unknown ids and cycles; the core reports those). */
export function chainOf(file: ScenarioInput, index: number): number[] {
  const byId = new Map(file.scenarios.map((s, i) => [s.id, i]));
  const chain = [index];
  let cur = file.scenarios[index]?.extends;
  while (cur !== undefined) {
    const i = byId.get(cur);
    if (i === undefined || chain.includes(i)) break;
    chain.unshift(i);
    cur = file.scenarios[i].extends;
  }
  return chain;
}

/** The levers a scenario inherits (parents' levers in order, without those it disables or replaces). */
export function inheritedLevers(file: ScenarioInput, index: number): Array<{ lever: LeverInput; from: ScenarioDef }> {
  let out: Array<{ lever: LeverInput; from: ScenarioDef }> = [];
  const chain = chainOf(file, index);
  for (const i of chain.slice(0, -1)) {
    const s = file.scenarios[i];
    const disabled = new Set(s.disableLevers ?? []);
    out = out.filter((l) => !disabled.has(l.lever.id));
    for (const l of s.levers ?? []) {
      const at = out.findIndex((p) => p.lever.id === l.id);
      if (at >= 0) out[at] = { lever: l, from: s }; else out.push({ lever: l, from: s });
    }
  }
  const own = file.scenarios[index];
  const mine = new Set((own.levers ?? []).map((l) => l.id));
  return out.filter((l) => !mine.has(l.lever.id));
}

/** Where a scenario's driver comes from: its own value or the nearest ancestor's. */
export function driverSource(file: ScenarioInput, index: number, key: 'population' | 'gdp'): { scenario: number; value: unknown } | null {
  const chain = chainOf(file, index);
  for (let k = chain.length - 1; k >= 0; k--) {
    const v = file.scenarios[chain[k]].drivers?.[key];
    if (v !== undefined) return { scenario: chain[k], value: v };
  }
  return null;
}

/** A fresh id for a new lever: `type-n`, unique in the file. */
export function freshLeverId(file: ScenarioInput, type: LeverType): string {
  const used = new Set(file.scenarios.flatMap((s) => (s.levers ?? []).map((l) => l.id)));
  let n = 1;
  while (used.has(`${type}-${n}`)) n++;
  return `${type}-${n}`;
}

/**
 * A lever of `type` keeping what the old one had in common (id, names, years, probability). Amounts start at
 * zero (no effect) where zero is allowed and empty where it is not (a shift per year must be > 0): the core
 * then names the missing value next to the field, rather than the editor inventing one.
 */
export function leverOfType(file: ScenarioInput, type: LeverType, old: Partial<LeverInput>): LeverInput {
  const common = {
    id: old.id ?? freshLeverId(file, type), start: old.start ?? file.baseYear + 1, end: old.end ?? Math.min(file.endYear, file.baseYear + 10),
    ...(old.name ? { name: old.name } : {}), ...(old.nameEn ? { nameEn: old.nameEn } : {}),
    ...(old.probability !== undefined ? { probability: old.probability } : {}),
  };
  const sector = file.sectors[0]?.id ?? '*';
  const fossil = file.fuels.filter((f) => f.kind === 'fossil').map((f) => f.id);
  const elec = file.fuels.find((f) => f.kind === 'electricity')?.id ?? file.fuels[0]?.id ?? '';
  const tech = file.base.generation?.[0]?.id ?? '';
  const process = file.base.processes?.[0]?.id ?? '';
  const unset = undefined as unknown as number;
  const va = file.sectors.filter((s) => s.driver === 'valueAdded').map((s) => s.id);
  switch (type) {
    case 'fuelShift': return { ...common, type, sector, from: fossil.slice(0, 1), to: elec, perYear: unset };
    case 'intensity': return { ...common, type, sector, perYear: 0 };
    case 'structureShift': return { ...common, type, from: va[0] ?? sector, to: va[1] ?? va[0] ?? sector, perYear: unset };
    case 'capacity': return { ...common, type, tech, add: 0 };
    case 'gridFactor': return { ...common, type, perYear: 0 };
    case 'process': return { ...common, type, process, perYear: 0 };
    case 'capture': return { ...common, type, process, share: 0 };
    case 'sink': return { ...common, type, add: 0 };
  }
}

/** JSON with object keys sorted: the database (jsonb) does not keep key order, so this is how "unchanged" is told. */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x)
    ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : x));
}
