/**
 * Moving scenarios written for one base year onto another (a template file's scenarios onto a base year
 * from a newer inventory). What lies in the past of the new base year is dropped, what straddles it is cut:
 *
 *  - growth periods: a period ending by the new base year goes; one straddling it starts at base + 1; the
 *    earliest period is stretched back to base + 1 if the template started later; periods are cut at the end year;
 *  - growthMilestones: the last knot at or before the new base year moves to base + 1, earlier ones go;
 *  - milestones (levels) and structure milestones at or before the new base year go (the path now starts
 *    from the new base-year level);
 *  - levers and driver fuel shifts that ended by the new base year go (their effect is in the base-year data);
 *    one straddling it starts at base + 1, and a cumulative amount (capacity `add`, sink `add`) keeps only
 *    the part still to come, (end − base) / (end − start + 1) of it; rates per year are kept as they are.
 *
 * Every change is reported, so the user can see what the carried-over scenarios lost.
 */
import { isDist, type Num } from './distributions.ts';
import type { Target, Trajectory } from './schema.ts';
import { parsePeriod, parseYearKey } from './years.ts';

type Json = Record<string, unknown>;
export interface RebaseNote { zh: string; en: string }

/** A number or distribution times c > 0 (bounds and spread scale with it). */
export function scaleNum(v: Num, c: number): Num {
  if (!isDist(v)) return v * c;
  switch (v.dist) {
    case 'normal': return { dist: 'normal', mean: v.mean * c, sd: v.sd * c, ...(v.min !== undefined ? { min: v.min * c } : {}), ...(v.max !== undefined ? { max: v.max * c } : {}) };
    case 'triangular': return { dist: 'triangular', min: v.min * c, mode: v.mode * c, max: v.max * c };
    case 'uniform': return { dist: 'uniform', min: v.min * c, max: v.max * c };
  }
}

function rebaseTrajectory(t: Trajectory, base: number, end: number): Trajectory | undefined {
  if (t.growth) {
    const periods = Object.entries(t.growth).map(([k, v]) => ({ p: parsePeriod(k), v })).filter((x) => x.p);
    const kept = periods
      .filter(({ p }) => p!.to > base && p!.from <= end)
      .map(({ p, v }) => ({ from: Math.max(p!.from, base + 1), to: Math.min(p!.to, end), v }))
      .sort((a, b) => a.from - b.from);
    if (!kept.length) return undefined;
    kept[0].from = base + 1;
    kept[kept.length - 1].to = Math.max(kept[kept.length - 1].to, end);
    return { growth: Object.fromEntries(kept.map((x) => [x.from === x.to ? String(x.from) : `${x.from}-${x.to}`, x.v])) };
  }
  const knots = (m: Record<string, Num>) => Object.entries(m).map(([k, v]) => ({ y: parseYearKey(k), v })).filter((x) => x.y !== undefined) as { y: number; v: Num }[];
  if (t.growthMilestones) {
    const all = knots(t.growthMilestones).sort((a, b) => a.y - b.y);
    const past = all.filter((k) => k.y <= base);
    const future = all.filter((k) => k.y > base && k.y <= end);
    if (past.length && !future.some((k) => k.y === base + 1)) future.unshift({ y: base + 1, v: past[past.length - 1].v });
    if (!future.length) { const last = all[all.length - 1]; if (last) future.push({ y: Math.min(end, Math.max(base + 1, last.y)), v: last.v }); }
    return future.length ? { growthMilestones: Object.fromEntries(future.map((k) => [String(k.y), k.v])) } : undefined;
  }
  if (t.milestones) {
    const future = knots(t.milestones).filter((k) => k.y > base && k.y <= end);
    return future.length ? { milestones: Object.fromEntries(future.map((k) => [String(k.y), k.v])) } : undefined;
  }
  return undefined;
}

function rebaseDrivers(d: Json, base: number, end: number): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(d)) {
    if (value === undefined) continue;
    if (key === 'structure') {
      const kept = Object.entries(value as Json).filter(([y]) => { const n = parseYearKey(y); return n !== undefined && n > base && n <= end; });
      if (kept.length) out.structure = Object.fromEntries(kept);
    } else if (key === 'fuelShifts') {
      const kept = (value as { start: number; end: number }[]).flatMap((s) => {
        if (s.end <= base || s.start > end) return [];
        return [{ ...s, start: Math.max(s.start, base + 1), end: Math.min(s.end, end) }];
      });
      if (kept.length) out.fuelShifts = kept;
    } else if (['intensity', 'capacity', 'process', 'fuelFactors'].includes(key)) {
      const m: Json = {};
      for (const [id, t] of Object.entries(value as Record<string, Trajectory>)) {
        const r = rebaseTrajectory(t, base, end);
        if (r) m[id] = r;
      }
      if (Object.keys(m).length) out[key] = m;
    } else {
      const r = rebaseTrajectory(value as Trajectory, base, end);
      if (r) out[key] = r;
    }
  }
  return out;
}

/** Levers of one scenario on the new base; ids of the dropped ones are returned so children can forget them. */
function rebaseLevers(levers: Json[], base: number, end: number, dropped: Set<string>): Json[] {
  const out: Json[] = [];
  for (const l of levers) {
    const start = l.start as number, stop = l.end as number;
    if (stop <= base || start > end) { dropped.add(l.id as string); continue; }
    const s = Math.max(start, base + 1), e = Math.min(stop, end);
    const next: Json = { ...l, start: s, end: e };
    if ((l.type === 'capacity' || l.type === 'sink') && (s !== start || e !== stop)) {
      next.add = scaleNum(l.add as Num, (e - s + 1) / (stop - start + 1));
    }
    out.push(next);
  }
  return out;
}

/**
 * The template's scenarios (as written: `z.input`) rebased from its base year to `base`, ending at `end`.
 * Scenario order, ids, names and inheritance are kept.
 */
export function rebaseScenarios(scenarios: readonly Json[], from: number, base: number, end: number): { scenarios: Json[]; notes: RebaseNote[] } {
  const notes: RebaseNote[] = [];
  if (from !== base) {
    notes.push({ zh: `情景由基年 ${from} 移到 ${base}：${base} 年及以前的路径节点和已结束的措施已删去，跨越 ${base} 年的措施从 ${base + 1} 年起（累计量按剩余年份折算）`,
      en: `scenarios moved from base year ${from} to ${base}: path knots up to ${base} and measures already over were dropped; measures spanning ${base} start in ${base + 1} (cumulative amounts scaled to the years left)` });
  }
  const dropped = new Set<string>();
  const out = scenarios.map((s) => {
    const levers = rebaseLevers((s.levers as Json[] | undefined) ?? [], base, end, dropped);
    return { ...s, drivers: rebaseDrivers((s.drivers as Json | undefined) ?? {}, base, end), levers } as Json;
  });
  for (const s of out) {
    const disable = ((s.disableLevers as string[] | undefined) ?? []).filter((id) => !dropped.has(id));
    if (s.disableLevers !== undefined) s.disableLevers = disable;
  }
  if (dropped.size) notes.push({ zh: `已结束的措施：${[...dropped].join('、')}`, en: `measures already over: ${[...dropped].join(', ')}` });
  return { scenarios: out, notes };
}

/**
 * Template targets that still make sense on the new base: a year after it, and for a reduction a reference
 * year (the template's base year when none is written) in range, or one before it whose intensity
 * `reference` knows (it becomes the target's `fromValue`).
 */
export function rebaseTargets(
  targets: readonly Target[], from: number, base: number, end: number,
  reference: (t: Target, year: number) => number | undefined = () => undefined,
): { kept: Target[]; dropped: string[] } {
  const kept: Target[] = [], dropped: string[] = [];
  for (const t of targets) {
    if (t.metric === 'peakYear') {
      if (t.value >= base && t.value <= end) kept.push(t); else dropped.push(t.id);
      continue;
    }
    if (t.year === undefined || t.year <= base || t.year > end) { dropped.push(t.id); continue; }
    if (!t.metric.endsWith('Reduction')) { kept.push(t); continue; }
    const ref = t.from ?? from;
    if (ref >= base || t.fromValue !== undefined) { kept.push({ ...t, from: ref }); continue; }
    const v = reference(t, ref);
    if (v !== undefined && v > 0) kept.push({ ...t, from: ref, fromValue: v }); else dropped.push(t.id);
  }
  return { kept, dropped };
}
