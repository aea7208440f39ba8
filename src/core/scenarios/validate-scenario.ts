/**
 * Cross-reference checks of one scenario's drivers and levers against the file: every sector, fuel,
 * technology and process it names exists, every year lies in the projection range, growth periods cover
 * every projected year exactly once, structure milestones list every value-added sector and add up to 1.
 */
import { central } from './distributions.ts';
import type { IssueList } from './issues.ts';
import type { Drivers, FuelShift, Lever, Scenario, ScenarioFile, Trajectory } from './schema.ts';
import { parsePeriod, parseYearKey } from './years.ts';

export interface Ctx {
  file: ScenarioFile;
  issues: IssueList;
  sectors: Set<string>;
  vaSectors: Set<string>;
  fuels: Set<string>;
  techs: Set<string>;
  processes: Set<string>;
}

type Path = (string | number)[];

function list(s: Set<string>): string { return [...s].join(', ') || '—'; }

export function checkRef(ctx: Ctx, path: Path, id: string, set: Set<string>, kind: { zh: string; en: string }, allowStar = false): void {
  if (allowStar && id === '*') return;
  if (!set.has(id)) {
    ctx.issues.add(path, `未知${kind.zh} "${id}"，已定义：${list(set)}`, `unknown ${kind.en} "${id}"; defined: ${list(set)}`);
  }
}

export const SECTOR = { zh: '部门', en: 'sector' };
export const FUEL = { zh: '燃料品种', en: 'fuel' };
const TECH = { zh: '发电技术', en: 'generation technology' };
const PROCESS = { zh: '工业过程', en: 'industrial process' };
const VA_SECTOR = { zh: '以增加值驱动的部门', en: 'value-added sector' };

export function checkYear(ctx: Ctx, path: Path, year: number, from: number, to: number): boolean {
  if (year < from || year > to) {
    ctx.issues.add(path, `年份 ${year} 超出范围 ${from}–${to}`, `year ${year} is outside the range ${from}–${to}`);
    return false;
  }
  return true;
}

export function checkTrajectory(ctx: Ctx, path: Path, t: Trajectory): void {
  const { baseYear, endYear } = ctx.file;
  const knots = t.milestones ? 'milestones' : t.growthMilestones ? 'growthMilestones' : undefined;
  if (knots) {
    for (const key of Object.keys(t[knots] ?? {})) {
      const y = parseYearKey(key);
      if (y === undefined) {
        ctx.issues.add([...path, knots, key], `应为四位年份，如 "2030"`, `key must be a four-digit year such as "2030"`);
      } else checkYear(ctx, [...path, knots, key], y, baseYear + 1, endYear);
    }
    return;
  }
  if (!t.growth) return;
  const covered = new Map<number, string>();
  for (const key of Object.keys(t.growth)) {
    const p = parsePeriod(key);
    const at = [...path, 'growth', key];
    if (!p) {
      ctx.issues.add(at, `应为年份区间，如 "2021-2025"`, `key must be a period such as "2021-2025"`);
      continue;
    }
    if (!checkYear(ctx, at, p.from, baseYear + 1, endYear) || !checkYear(ctx, at, p.to, baseYear + 1, endYear)) continue;
    for (let y = p.from; y <= p.to; y++) {
      const other = covered.get(y);
      if (other !== undefined) {
        ctx.issues.add(at, `与区间 "${other}" 在 ${y} 年重叠`, `overlaps period "${other}" in ${y}`);
        break;
      }
      covered.set(y, key);
    }
  }
  const missing: number[] = [];
  for (let y = baseYear + 1; y <= endYear; y++) if (!covered.has(y)) missing.push(y);
  if (missing.length) {
    const span = missing.length > 3 ? `${missing[0]}…${missing[missing.length - 1]}（${missing.length} 年）` : missing.join('、');
    const spanEn = missing.length > 3 ? `${missing[0]}…${missing[missing.length - 1]} (${missing.length} years)` : missing.join(', ');
    ctx.issues.add([...path, 'growth'], `增长率区间须覆盖 ${baseYear + 1}–${endYear} 的每一年，缺少 ${span}`,
      `growth periods must cover every year ${baseYear + 1}–${endYear}; missing ${spanEn}`);
  }
}

function checkShiftTargets(ctx: Ctx, path: Path, from: string[], to: string | Record<string, number>): void {
  from.forEach((f, i) => checkRef(ctx, [...path, 'from', i], f, ctx.fuels, FUEL));
  const toIds = typeof to === 'string' ? [to] : Object.keys(to);
  if (!toIds.length) ctx.issues.add([...path, 'to'], '至少需要一个目标燃料', 'needs at least one fuel to shift to');
  for (const f of toIds) {
    checkRef(ctx, typeof to === 'string' ? [...path, 'to'] : [...path, 'to', f], f, ctx.fuels, FUEL);
    if (from.includes(f)) ctx.issues.add([...path, 'to'], `燃料 "${f}" 不能同时出现在 from 与 to 中`, `fuel "${f}" is in both from and to`);
  }
}

function checkSpan(ctx: Ctx, path: Path, start: number, end: number): void {
  const { baseYear, endYear } = ctx.file;
  const okS = checkYear(ctx, [...path, 'start'], start, baseYear + 1, endYear);
  const okE = checkYear(ctx, [...path, 'end'], end, baseYear + 1, endYear);
  if (okS && okE && start > end) ctx.issues.add([...path, 'end'], `结束年份 ${end} 早于开始年份 ${start}`, `end ${end} is before start ${start}`);
}

function checkFuelShift(ctx: Ctx, path: Path, s: Pick<FuelShift, 'sector' | 'from' | 'to' | 'start' | 'end'>): void {
  checkRef(ctx, [...path, 'sector'], s.sector, ctx.sectors, SECTOR, true);
  checkShiftTargets(ctx, path, s.from, s.to);
  checkSpan(ctx, path, s.start, s.end);
}

export function checkDrivers(ctx: Ctx, path: Path, d: Drivers): void {
  const { file } = ctx;
  if (d.population) checkTrajectory(ctx, [...path, 'population'], d.population);
  if (d.gdp) checkTrajectory(ctx, [...path, 'gdp'], d.gdp);
  if (d.structure) {
    for (const [key, shares] of Object.entries(d.structure)) {
      const at = [...path, 'structure', key];
      const y = parseYearKey(key);
      if (y === undefined) ctx.issues.add(at, '应为四位年份，如 "2030"', 'key must be a four-digit year such as "2030"');
      else checkYear(ctx, at, y, file.baseYear + 1, file.endYear);
      for (const s of Object.keys(shares)) checkRef(ctx, [...at, s], s, ctx.vaSectors, VA_SECTOR);
      const missing = [...ctx.vaSectors].filter((s) => !(s in shares));
      if (missing.length) ctx.issues.add(at, `缺少部门份额：${missing.join('、')}`, `missing shares for: ${missing.join(', ')}`);
      const sum = Object.values(shares).reduce<number>((a, v) => a + central(v), 0);
      if (Math.abs(sum - 1) > 0.01) ctx.issues.add(at, `各部门增加值份额之和应为 1，实际为 ${sum.toFixed(4)}`, `value-added shares must add up to 1, got ${sum.toFixed(4)}`);
    }
  }
  const maps: [keyof Drivers, Set<string>, { zh: string; en: string }][] = [
    ['intensity', ctx.sectors, SECTOR], ['capacity', ctx.techs, TECH], ['process', ctx.processes, PROCESS],
  ];
  for (const [key, set, kind] of maps) {
    const m = d[key] as Record<string, Trajectory> | undefined;
    for (const [id, t] of Object.entries(m ?? {})) {
      checkRef(ctx, [...path, key, id], id, set, kind);
      checkTrajectory(ctx, [...path, key, id], t);
    }
  }
  for (const [id, t] of Object.entries(d.intensity ?? {})) {
    const used = Object.values(file.base.energy[id] ?? {}).reduce((a, v) => a + v, 0);
    if (used === 0 && t.milestones && Object.values(t.milestones).some((v) => central(v) !== 0)) {
      ctx.issues.add([...path, 'intensity', id, 'milestones'], '该部门基准年没有能源消费，燃料结构未知，不能设定能耗强度水平',
        'the sector uses no energy in the base year, so its fuel mix is unknown and it cannot be given an intensity level');
    }
  }
  for (const [id, t] of Object.entries(d.fuelFactors ?? {})) {
    const at = [...path, 'fuelFactors', id];
    checkRef(ctx, at, id, ctx.fuels, FUEL);
    const fuel = file.fuels.find((f) => f.id === id);
    if (fuel && fuel.kind !== 'fossil' && fuel.kind !== 'heat') {
      ctx.issues.add(at, '只有化石燃料和热力有排放因子路径（电力用 gridFactor）', 'only fossil fuels and heat have a factor path (electricity uses gridFactor)');
    }
    checkTrajectory(ctx, at, t);
  }
  for (const key of ['gridFactor', 'gridNonFossilShare', 'sinks'] as const) {
    const t = d[key];
    if (t) checkTrajectory(ctx, [...path, key], t);
  }
  (d.fuelShifts ?? []).forEach((s, i) => checkFuelShift(ctx, [...path, 'fuelShifts', i], s));
}

export function checkLever(ctx: Ctx, path: Path, l: Lever): void {
  checkSpan(ctx, path, l.start, l.end);
  switch (l.type) {
    case 'fuelShift': checkFuelShift(ctx, path, l); break;
    case 'intensity': checkRef(ctx, [...path, 'sector'], l.sector, ctx.sectors, SECTOR, true); break;
    case 'structureShift': {
      checkRef(ctx, [...path, 'from'], l.from, ctx.vaSectors, VA_SECTOR);
      const to = typeof l.to === 'string' ? [l.to] : Object.keys(l.to);
      for (const s of to) {
        checkRef(ctx, [...path, 'to'], s, ctx.vaSectors, VA_SECTOR);
        if (s === l.from) ctx.issues.add([...path, 'to'], `部门 "${s}" 不能同时出现在 from 与 to 中`, `sector "${s}" is in both from and to`);
      }
      break;
    }
    case 'capacity': checkRef(ctx, [...path, 'tech'], l.tech, ctx.techs, TECH); break;
    case 'process': case 'capture': checkRef(ctx, [...path, 'process'], l.process, ctx.processes, PROCESS); break;
    default: break;
  }
}

export function checkScenario(ctx: Ctx, index: number, s: Scenario, inherited: Set<string>): void {
  const path: Path = ['scenarios', index];
  checkDrivers(ctx, [...path, 'drivers'], s.drivers);
  const seen = new Set<string>();
  s.levers.forEach((l, i) => {
    if (seen.has(l.id)) ctx.issues.add([...path, 'levers', i, 'id'], `措施标识 "${l.id}" 重复`, `duplicate lever id "${l.id}"`);
    seen.add(l.id);
    checkLever(ctx, [...path, 'levers', i], l);
  });
  s.disableLevers.forEach((id, i) => {
    if (!inherited.has(id)) {
      ctx.issues.add([...path, 'disableLevers', i], `继承的措施中没有 "${id}"`, `no inherited lever "${id}" to disable`);
    }
  });
}
