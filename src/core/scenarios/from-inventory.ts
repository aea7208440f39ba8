/**
 * A scenario file whose base year is a stored regional inventory: the base-year data from the inventory
 * (inventory-base.ts), what an inventory lacks from the region's observations or as entered (value-added
 * shares, capacities, the scenarios themselves from the file open in the editor, moved onto the new base
 * year by rebase.ts), the region's plan targets as attainment targets (plan-targets.ts), the lineage of
 * every field, and a check that the projection's base year reproduces the inventory's figures.
 */
import { DomainError, invalid } from '../errors.ts';
import type { RegionalInventory } from '../accounting/index.ts';
import { projectScenario } from './project.ts';
import { baseFromInventory, INVENTORY_SECTORS, type BaseOptions, type FieldLineage } from './inventory-base.ts';
import { targetsFromPlans, type MappedTarget, type PeakCommitment, type References, type RegionPlans, type SkippedTarget } from './plan-targets.ts';
import { rebaseScenarios, rebaseTargets } from './rebase.ts';
import type { ScenarioFile, Target } from './schema.ts';
import { parseScenarioFile } from './validate.ts';

type Json = Record<string, unknown>;
type Text = { zh: string; en: string };

export interface FromInventoryInput {
  inventory: RegionalInventory;
  /** the balance the inventory was computed from (for generation by source and process activity) */
  balance: unknown;
  /** how lineage texts name the inventory, e.g. { zh: '清单 #12', en: 'inventory #12' } */
  label: Text;
  /** the region as the platform names it */
  region?: { name: string; nameEn?: string };
  /** the file open in the editor: its scenarios, levers, Monte Carlo and LMDI settings and entered values are kept */
  template?: unknown;
  /** value-added shares by sector (not in an inventory), as the user entered them */
  valueAddedShare?: Record<string, number>;
  /** capacities in the inventory year, e.g. from the region's observations */
  capacity?: BaseOptions['capacity'];
  /** the region's plans (undefined: the region has none, the template's targets are kept) */
  plans?: RegionPlans;
  /** the region's observations, for reductions from a year before the base year */
  references?: References;
  /** default: the template's end year, else 2060 */
  endYear?: number;
}

export interface BaseCheck {
  id: string;
  zh: string;
  en: string;
  unit: string;
  inventory: number;
  scenario: number;
  /** scenario − inventory */
  difference: number;
  /** equal up to rounding (relative 1e-9) */
  equal: boolean;
}

export interface FromInventoryResult {
  input: Json;
  lineage: FieldLineage[];
  checks: BaseCheck[];
  planTargets: { mapped: MappedTarget[]; skipped: SkippedTarget[]; peak: PeakCommitment | null; fromPlans: boolean };
  warnings: Text[];
}

/** The end year a new file runs to when nothing says otherwise (the neutrality year of the plans). */
const DEFAULT_END = 2060;

function minimalBaseline(base: number, end: number): Json[] {
  const all = `${base + 1}-${end}`;
  return [{
    id: 'baseline', name: '基准情景（增速待填写）', nameEn: 'Baseline (growth to be entered)',
    description: '由清单生成：人口与GDP增速尚未填写，暂按零增长。Generated from an inventory: population and GDP growth not entered yet (zero for now).',
    drivers: { population: { growth: { [all]: 0 } }, gdp: { growth: { [all]: 0 } } },
    levers: [],
  }];
}

function vaShares(input: FromInventoryInput, template: ScenarioFile | null, lineage: FieldLineage[]): Record<string, number> {
  const va: string[] = INVENTORY_SECTORS.filter((s) => s.driver === 'valueAdded').map((s) => s.id);
  const note = (source: FieldLineage['source'], shares: Record<string, number>, zh: string, en: string) => {
    for (const s of va) lineage.push({ field: `base.valueAddedShare.${s}`, value: shares[s], unit: 'fraction', source, refs: [], zh, en });
  };
  if (input.valueAddedShare) {
    const given = input.valueAddedShare;
    const missing = va.filter((s) => !(s in given));
    const unknown = Object.keys(given).filter((s) => !va.includes(s));
    if (missing.length || unknown.length) {
      throw invalid('valueAddedShare', `应给出以下部门的增加值份额：${va.join('、')}${unknown.length ? `（未知：${unknown.join('、')}）` : ''}`,
        `give the value-added share of: ${va.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`);
    }
    const sum = va.reduce((a, s) => a + given[s], 0);
    if (Math.abs(sum - 1) > 0.01) throw invalid('valueAddedShare', `各部门份额之和应为 1，实际为 ${sum.toFixed(4)}`, `shares must add up to 1, got ${sum.toFixed(4)}`);
    note('entered', given, '由用户填写（清单和指标库都没有增加值结构）', 'entered by the user (neither the inventory nor the catalogue has the value-added structure)');
    return Object.fromEntries(va.map((s) => [s, given[s]]));
  }
  const t = template?.base.valueAddedShare;
  if (t && va.every((s) => typeof t[s] === 'number') && Object.keys(t).length === va.length) {
    note('template', t, '沿用打开的情景文件中填写的增加值结构（清单和指标库都没有），请核对', 'as entered in the open scenario file (neither the inventory nor the catalogue has it): check it');
    return Object.fromEntries(va.map((s) => [s, t[s]]));
  }
  throw invalid('valueAddedShare', `清单不含增加值结构，指标库也没有：请填写 ${va.join('、')} 的增加值份额（合计为 1）`,
    `an inventory has no value-added structure and neither has the catalogue: enter the shares of ${va.join(', ')} (adding up to 1)`);
}

export function scenarioFromInventory(input: FromInventoryInput): FromInventoryResult {
  const inv = input.inventory;
  const template = input.template === undefined || input.template === null ? null : parseTemplate(input.template);
  const base = inv.year;
  const end = input.endYear ?? template?.endYear ?? DEFAULT_END;
  if (end <= base) throw invalid('endYear', `终止年份应晚于清单年份 ${base}`, `endYear must be after the inventory year ${base}`);
  const hours = Object.fromEntries((template?.base.generation ?? []).map((g) => [g.id, g.hours]));
  const b = baseFromInventory(inv, input.balance, { label: input.label, capacity: input.capacity, hours });
  const lineage = [...b.lineage];
  const warnings = [...b.warnings];
  const valueAddedShare = vaShares(input, template, lineage);

  // What the template has and the inventory not: kept with zero base-year amounts, so its levers still apply.
  const fuels: Json[] = [...b.fuels];
  const generation: Json[] = [...b.base.generation];
  const processes: Json[] = [...b.base.processes];
  const sameSectors = !!template && template.sectors.length === b.sectors.length && template.sectors.every((s) => b.sectors.some((x) => x.id === s.id && x.driver === s.driver));
  if (template) {
    for (const f of template.fuels) {
      if (fuels.some((x) => x.id === f.id)) continue;
      fuels.push(f);
      lineage.push({ field: `fuels.${f.id}`, value: 0, unit: '万tce', source: 'template', refs: [], zh: '清单中没有：沿用打开的情景文件，基年用量为 0', en: 'not in the inventory: kept from the open file with zero base-year use' });
    }
    for (const g of template.base.generation) {
      if (generation.some((x) => x.id === g.id)) continue;
      generation.push({ ...g, capacity: 0 });
      lineage.push({ field: `base.generation.${g.id}.capacity`, value: 0, unit: '万kW', source: 'template', refs: [], zh: '清单中没有该电源的发电量：基年装机为 0（利用小时数沿用打开的文件）', en: 'no generation of this source in the inventory: zero capacity in the base year (hours from the open file)' });
    }
    if (sameSectors) {
      for (const q of template.base.processes) {
        if (processes.some((x) => x.id === q.id)) continue;
        processes.push({ ...q, activity: 0 });
        lineage.push({ field: `base.processes.${q.id}`, value: 0, unit: q.unit ?? '', source: 'template', refs: [], zh: '清单中没有该工业过程：基年活动水平为 0', en: 'not in the inventory: zero base-year activity' });
      }
    }
  }

  const regionName = input.region?.name ?? inv.region.name;
  const note = `${regionName} ${base} 年基年，由${input.label.zh}生成：能源、排放、电力、工业过程和碳汇来自清单，各字段来源见生成记录。${input.region?.nameEn ?? regionName} base year ${base}, generated from ${input.label.en}: energy, CO2, electricity, processes and sinks come from the inventory; see the lineage of each field.`;
  const file: Json = {
    format: 'shuangtan.scenario/v1',
    region: { code: inv.region.code, name: regionName, ...(input.region?.nameEn ? { nameEn: input.region.nameEn } : {}), note },
    baseYear: base, endYear: end,
    fuels, electricity: b.electricity, sectors: b.sectors,
    base: { ...b.base, valueAddedShare, generation, processes },
    peakBasis: template?.peakBasis ?? 'gross',
    scenarios: [] as Json[],
    targets: [] as Target[],
    ...(template?.monteCarlo ? { monteCarlo: template.monteCarlo } : {}),
  };
  const periods = (template?.lmdi?.periods ?? [[base, 2030], [2030, end]])
    .map(([a, z]) => [Math.max(a, base), Math.min(z, end)] as [number, number]).filter(([a, z]) => a < z);
  if (periods.length) file.lmdi = { periods };

  // Targets: the plans' when the region has plans, else the template's that still apply.
  let mapped: MappedTarget[] = [], skipped: SkippedTarget[] = [], peak: PeakCommitment | null = null;
  const fromPlans = !!input.plans;
  if (input.plans) {
    const facts = { baseYear: base, endYear: end, fuels: fuels.map((f) => f.id as string), techs: generation.map((g) => g.id as string) };
    const r = targetsFromPlans(input.plans, facts, input.references ?? (() => undefined));
    ({ mapped, skipped, peak } = r);
    const targets = r.targets;
    file.targets = targets;
    for (const m of mapped) {
      if (m.fromValue) {
        const i = targets.findIndex((t) => t.id === m.targetId);
        lineage.push({ field: `targets.${i}.fromValue`, value: m.fromValue.value, unit: m.fromValue.unit, source: m.fromValue.source, refs: [m.fromValue.ref], zh: m.fromValue.zh, en: m.fromValue.en });
      }
    }
  } else if (template) {
    // a reduction from before the base year takes that year's intensity from the region's observations
    const refs = input.references;
    const level = (t: Target) => (t.metric === 'energyIntensityReduction' ? 'energy_intensity' : (t.basis ?? 'energy') === 'energy' ? 'carbon_intensity' : null);
    const r = rebaseTargets(template.targets, template.baseYear, base, end, (t, year) => {
      const code = level(t);
      const v = code && refs ? refs(code, year) : undefined;
      if (v) lineage.push({ field: `targets.${t.id}.fromValue`, value: v.value, unit: v.unit, source: 'observation', refs: [v.ref], zh: v.zh, en: v.en });
      return v?.value;
    });
    file.targets = r.kept;
    if (r.dropped.length) warnings.push({ zh: `打开的文件中这些目标不适用于新基年，已删去：${r.dropped.join('、')}`, en: `targets of the open file that do not fit the new base year were dropped: ${r.dropped.join(', ')}` });
  }

  const minimal = () => {
    file.scenarios = minimalBaseline(base, end);
    warnings.push({ zh: '只生成了基准情景：人口与GDP增速暂按零增长，请填写', en: 'only a baseline was generated: population and GDP growth are zero for now; enter them' });
  };
  let parsed: ScenarioFile;
  if (template && sameSectors) {
    const r = rebaseScenarios(template.scenarios as unknown as Json[], template.baseYear, base, end);
    file.scenarios = r.scenarios;
    warnings.push(...r.notes);
    try {
      parsed = parseScenarioFile(file);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const first = e.issues.slice(0, 3);
      warnings.push({ zh: `打开的文件中的情景不适用于新基年（${first.map((i) => i.zh).join('；')}）`, en: `the open file's scenarios do not fit the new base year (${first.map((i) => i.en).join('; ')})` });
      minimal();
      parsed = parseScenarioFile(file);
    }
  } else {
    if (template) warnings.push({ zh: '打开的文件的部门划分与清单生成的不同，其情景未沿用', en: "the open file's sectors differ from those generated from an inventory; its scenarios were not carried over" });
    minimal();
    parsed = parseScenarioFile(file);
  }

  return { input: file, lineage, checks: checkBaseYear(parsed, b.expect), planTargets: { mapped, skipped, peak, fromPlans }, warnings };
}

function parseTemplate(t: unknown): ScenarioFile {
  try {
    return parseScenarioFile(t);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    throw new DomainError('invalid_template', { field: 'template', zh: `template：打开的情景文件有误，请先改正（${e.issues[0]?.zh ?? e.zh}）`, en: `template: the open scenario file has errors; correct them first (${e.issues[0]?.en ?? e.en})` },
      e.issues.map((i) => ({ ...i, field: i.field ? `template.${i.field}` : 'template' })));
  }
}

/** The projection's base year against the inventory's figures (the base year is the same in every scenario). */
function checkBaseYear(file: ScenarioFile, x: ReturnType<typeof baseFromInventory>['expect']): BaseCheck[] {
  const p = projectScenario(file, file.scenarios[0].id);
  const fossil = file.fuels.filter((f) => f.kind === 'fossil').map((f) => f.id);
  const out: BaseCheck[] = [];
  const add = (id: string, zh: string, en: string, unit: string, inventory: number, scenario: number) => {
    const difference = scenario - inventory;
    out.push({ id, zh, en, unit, inventory, scenario, difference, equal: Math.abs(difference) <= 1e-9 * Math.max(1, Math.abs(inventory)) });
  };
  add('energyTotal', '能源消费总量', 'total energy consumption', '万tce', x.energyTotal, p.energy.total[0]);
  add('co2Energy', '能源活动CO2（含电力热力调入调出）', 'energy CO2 incl. net inflows', '万tCO2', x.co2Energy, p.co2.energy[0]);
  add('co2Process', '工业过程CO2', 'process CO2', '万tCO2', x.co2Process, p.co2.process[0]);
  add('co2Gross', 'CO2排放总量', 'total CO2', '万tCO2', x.co2Gross, p.co2.gross[0]);
  add('sinks', '碳汇', 'removals', '万tCO2', x.sinks, p.co2.sinks[0]);
  add('co2Net', '扣除碳汇后的排放', 'net of removals', '万tCO2', x.co2Net, p.co2.net[0]);
  add('nonFossilShare', '非化石能源消费比重', 'non-fossil share', 'fraction', x.nonFossilShare, p.shares.nonFossil[0]);
  add('energyIntensity', '单位GDP能耗', 'energy intensity', 'tce/万元', x.energyIntensity, p.intensity.energy[0]);
  add('carbonIntensity', '单位GDP二氧化碳排放', 'carbon intensity', 'tCO2/万元', x.carbonIntensity, p.intensity.carbon[0]);
  add('population', '常住人口', 'population', '万人', x.population, p.population[0]);
  add('gdp', '地区生产总值', 'GDP', '亿元', x.gdp, p.gdp[0]);
  for (const s of INVENTORY_SECTORS) {
    add(`energy.${s.id}`, `${s.name}能源消费`, `${s.nameEn} energy`, '万tce', x.energyBySector[s.id] ?? 0, p.energy.bySector[s.id]?.[0] ?? 0);
  }
  for (const s of INVENTORY_SECTORS) {
    const direct = fossil.reduce((a, f) => a + (p.co2.bySectorFuel[s.id]?.[f]?.[0] ?? 0), 0);
    add(`directCo2.${s.id}`, `${s.name}化石燃料燃烧CO2（按燃料类别平均因子）`, `${s.nameEn} combustion CO2 (average factor per fuel group)`, '万tCO2', x.directCo2BySector[s.id] ?? 0, direct);
  }
  return out;
}
