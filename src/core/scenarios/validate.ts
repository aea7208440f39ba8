/**
 * `parseScenarioFile`: the single entry from untrusted JSON to a checked ScenarioFile. Shape and ranges
 * come from the zod schema; everything that needs the whole file (ids, years, sums, inheritance) is
 * checked here. All problems are reported together in one DomainError (code `invalid_scenario`), each
 * naming its field in Chinese and English.
 */
import { DomainError } from '../errors.ts';
import { IssueList, zodIssues, issuesError } from './issues.ts';
import { resolveScenario, lineage } from './resolve.ts';
import { ScenarioFileSchema, type ScenarioFile, type Target } from './schema.ts';
import { checkRef, checkScenario, checkYear, FUEL, SECTOR, type Ctx } from './validate-scenario.ts';

const CODE = 'invalid_scenario';

function uniqueIds(ctx: Ctx, path: string, items: { id: string }[]): Set<string> {
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (seen.has(it.id)) ctx.issues.add([path, i, 'id'], `标识 "${it.id}" 重复`, `duplicate id "${it.id}"`);
    seen.add(it.id);
  });
  return seen;
}

function checkFuelsAndBase(ctx: Ctx): void {
  const { file, issues } = ctx;
  file.fuels.forEach((f, i) => {
    const needsFactor = f.kind === 'fossil' || f.kind === 'heat';
    if (needsFactor && f.co2PerTce === undefined) {
      issues.add(['fuels', i, 'co2PerTce'], '化石燃料与热力必须给出排放因子 co2PerTce（tCO2/tce）', 'fossil fuels and heat need co2PerTce (tCO2/tce)');
    }
    if (!needsFactor && f.co2PerTce !== undefined) {
      issues.add(['fuels', i, 'co2PerTce'], '电力用电网排放因子、非化石能源排放为零，不应给出 co2PerTce',
        'electricity uses the grid factor and non-fossil fuels emit nothing: remove co2PerTce');
    }
  });
  const elec = file.fuels.filter((f) => f.kind === 'electricity');
  if (elec.length > 1) issues.add(['fuels'], '最多只能有一个电力品种', 'at most one fuel may be of kind electricity');

  const b = file.base;
  for (const s of Object.keys(b.valueAddedShare)) {
    checkRef(ctx, ['base', 'valueAddedShare', s], s, ctx.sectors, SECTOR);
    if (ctx.sectors.has(s) && !ctx.vaSectors.has(s)) {
      issues.add(['base', 'valueAddedShare', s], '按人口驱动的部门没有增加值份额', 'a population-driven sector has no value-added share');
    }
  }
  const missing = [...ctx.vaSectors].filter((s) => !(s in b.valueAddedShare));
  if (missing.length) issues.add(['base', 'valueAddedShare'], `缺少部门：${missing.join('、')}`, `missing sector(s): ${missing.join(', ')}`);
  const sum = Object.values(b.valueAddedShare).reduce((a, v) => a + v, 0);
  if (ctx.vaSectors.size && Math.abs(sum - 1) > 0.01) {
    issues.add(['base', 'valueAddedShare'], `增加值份额之和应为 1，实际为 ${sum.toFixed(4)}`, `value-added shares must add up to 1, got ${sum.toFixed(4)}`);
  }
  for (const [s, byFuel] of Object.entries(b.energy)) {
    checkRef(ctx, ['base', 'energy', s], s, ctx.sectors, SECTOR);
    for (const f of Object.keys(byFuel)) checkRef(ctx, ['base', 'energy', s, f], f, ctx.fuels, FUEL);
    const total = Object.values(byFuel).reduce((a, v) => a + v, 0);
    if (ctx.vaSectors.has(s) && total > 0 && b.valueAddedShare[s] === 0) {
      issues.add(['base', 'energy', s], '增加值份额为 0 的部门不能有能源消费（能耗强度无定义）',
        'a sector with a zero value-added share cannot use energy (its intensity is undefined)');
    }
  }
  const noEnergy = [...ctx.sectors].filter((s) => !(s in b.energy));
  if (noEnergy.length) issues.add(['base', 'energy'], `缺少部门的能源消费：${noEnergy.join('、')}（没有消费请写 {}）`, `missing energy for sector(s): ${noEnergy.join(', ')} (write {} for none)`);
  uniqueIds(ctx, 'base.generation', b.generation);
  uniqueIds(ctx, 'base.processes', b.processes);
  b.processes.forEach((p, i) => checkRef(ctx, ['base', 'processes', i, 'sector'], p.sector, ctx.sectors, SECTOR));
}

const NEEDS_FUEL = new Set(['fuelShare', 'fuelConsumption']);
const HAS_BASIS = new Set(['co2', 'carbonIntensity', 'carbonIntensityReduction']);
const REDUCTION = new Set(['energyIntensityReduction', 'carbonIntensityReduction']);

function checkTarget(ctx: Ctx, i: number, t: Target): void {
  const { file, issues } = ctx;
  const at = ['targets', i];
  if (t.metric === 'peakYear') {
    if (t.year !== undefined) issues.add([...at, 'year'], '达峰目标用 value 表示年份，不需要 year', 'a peakYear target gives the year in value; remove year');
    if (!Number.isInteger(t.value)) issues.add([...at, 'value'], '达峰年份应为整数年份', 'the peak year must be a whole year');
    else checkYear(ctx, [...at, 'value'], t.value, file.baseYear, file.endYear);
  } else if (t.year === undefined) {
    issues.add([...at, 'year'], '缺少目标年份', 'target year is missing');
  } else {
    checkYear(ctx, [...at, 'year'], t.year, file.baseYear + 1, file.endYear);
  }
  if (t.from !== undefined) {
    if (!REDUCTION.has(t.metric)) issues.add([...at, 'from'], '只有下降率目标需要基准年 from', 'only reduction targets take a reference year (from)');
    else if (t.from < file.baseYear && t.fromValue !== undefined) {
      // a reference year before the projection: its intensity is given (fromValue)
    } else if (checkYear(ctx, [...at, 'from'], t.from, file.baseYear, file.endYear) && t.year !== undefined && t.from >= t.year) {
      issues.add([...at, 'from'], '基准年应早于目标年', 'the reference year must precede the target year');
    }
  }
  if (t.fromValue !== undefined && !(t.from !== undefined && t.from < file.baseYear && REDUCTION.has(t.metric))) {
    issues.add([...at, 'fromValue'], `fromValue 只用于基准年 from 早于情景基年 ${file.baseYear} 的下降率目标`,
      `fromValue is only for a reduction target whose reference year (from) is before the base year ${file.baseYear}`);
  }
  if (NEEDS_FUEL.has(t.metric)) {
    if (t.fuel === undefined) issues.add([...at, 'fuel'], '该指标需要指定燃料品种 fuel', 'this metric needs a fuel');
    else checkRef(ctx, [...at, 'fuel'], t.fuel, ctx.fuels, FUEL);
  } else if (t.fuel !== undefined) issues.add([...at, 'fuel'], '该指标不接受 fuel', 'this metric takes no fuel');
  if (t.metric === 'capacity') {
    if (t.tech === undefined) issues.add([...at, 'tech'], '装机目标需要指定技术 tech（或 "*" 表示合计）', 'a capacity target needs tech (or "*" for the total)');
    else checkRef(ctx, [...at, 'tech'], t.tech, ctx.techs, { zh: '发电技术', en: 'generation technology' }, true);
  } else if (t.tech !== undefined) issues.add([...at, 'tech'], '该指标不接受 tech', 'this metric takes no tech');
  if (t.basis !== undefined && !HAS_BASIS.has(t.metric)) issues.add([...at, 'basis'], '该指标不接受 basis', 'this metric takes no basis');
  if ((t.metric.endsWith('Share') || REDUCTION.has(t.metric)) && (t.value < 0 || t.value > 1)) {
    issues.add([...at, 'value'], `份额与下降率是 0–1 的小数（0.145 表示 14.5%），实际为 ${t.value}`, `shares and reductions are fractions in [0, 1] (0.145 means 14.5 %), got ${t.value}`);
  }
}

/** Validate untrusted input and return the typed scenario file (defaults filled in). */
export function parseScenarioFile(input: unknown): ScenarioFile {
  const parsed = ScenarioFileSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw issuesError(CODE, zodIssues(parsed.error));
  const file = parsed.data;
  const issues = new IssueList();
  const ctx: Ctx = {
    file, issues,
    sectors: new Set(), vaSectors: new Set(), fuels: new Set(), techs: new Set(), processes: new Set(),
  };
  if (file.endYear <= file.baseYear) issues.add(['endYear'], `终止年份应晚于基准年 ${file.baseYear}`, `endYear must be after baseYear ${file.baseYear}`);
  ctx.fuels = uniqueIds(ctx, 'fuels', file.fuels);
  ctx.sectors = uniqueIds(ctx, 'sectors', file.sectors);
  ctx.vaSectors = new Set(file.sectors.filter((s) => s.driver === 'valueAdded').map((s) => s.id));
  ctx.techs = new Set(file.base.generation.map((g) => g.id));
  ctx.processes = new Set(file.base.processes.map((p) => p.id));
  checkFuelsAndBase(ctx);
  issues.throwIfAny(CODE); // the scenario checks rely on a sound base

  uniqueIds(ctx, 'scenarios', file.scenarios);
  issues.throwIfAny(CODE);
  file.scenarios.forEach((s, i) => {
    let inherited = new Set<string>();
    try {
      if (s.extends !== undefined) inherited = new Set(resolveScenario(file, s.extends).levers.map((l) => l.id));
      lineage(file, s.id);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      issues.add(['scenarios', i, 'extends'], e.zh.replace(/^[^：]*：/, ''), e.en.replace(/^[^:]*: /, ''));
    }
    checkScenario(ctx, i, s, inherited);
  });
  issues.throwIfAny(CODE);
  file.scenarios.forEach((s, i) => {
    const r = resolveScenario(file, s.id);
    if (!r.drivers.population) issues.add(['scenarios', i, 'drivers', 'population'], '缺少人口路径（本情景及其继承链都未给出）', 'population path missing (not given here nor inherited)');
    if (!r.drivers.gdp) issues.add(['scenarios', i, 'drivers', 'gdp'], '缺少 GDP 路径（本情景及其继承链都未给出）', 'GDP path missing (not given here nor inherited)');
  });

  uniqueIds(ctx, 'targets', file.targets);
  file.targets.forEach((t, i) => checkTarget(ctx, i, t));
  (file.lmdi?.periods ?? []).forEach(([a, b], i) => {
    const okA = checkYear(ctx, ['lmdi', 'periods', i, 0], a, file.baseYear, file.endYear);
    const okB = checkYear(ctx, ['lmdi', 'periods', i, 1], b, file.baseYear, file.endYear);
    if (okA && okB && a >= b) issues.add(['lmdi', 'periods', i], '分解区间应从早到晚', 'a decomposition period must run from an earlier to a later year');
  });
  issues.throwIfAny(CODE);
  return file;
}
