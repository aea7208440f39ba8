/**
 * A region's plan targets (src/core/plans, reviewed and stored) as attainment targets of a scenario file:
 * those the model computes are mapped through their catalogue indicator code, the others are listed with
 * the reason. The peak commitment (`确保2030年前实现碳达峰`) is not a plan target (qualitative goals never
 * are, see src/demo/plans/README.md): it is read from the plan text.
 *
 *   indicator                       scenario metric              value
 *   energy_intensity_reduction      energyIntensityReduction     % → fraction, from = the target's base year
 *   carbon_intensity_reduction      carbonIntensityReduction     (energy CO2 incl. net inflows, as the inventory)
 *   energy_intensity, carbon_intensity   energyIntensity, carbonIntensity   tce/万元, tCO2/万元
 *   total_energy_consumption        energyTotal                  万tce
 *   co2_emissions                   co2 (gross)                  万tCO2
 *   non_fossil_share                nonFossilShare               % → fraction
 *   solar/wind/biomass_power_capacity   capacity of pv/wind/biomass   万kW (an addition needs its base value)
 *   wind_solar_capacity, new_energy_capacity, renewable_capacity   capacity of all technologies, when the file's are exactly those
 *
 * A reduction whose base year lies before the scenario's base year needs the intensity of that year
 * (`fromValue`): the target's own base value, else the region's observation of that year.
 * Operators: 以上/不低于/超过 → ≥, 以下/以内/不超过/低于 → ≤, otherwise by the indicator's direction (a reduction
 * or a share to reach: ≥, a cap: ≤). 左右 is read strictly (no tolerance).
 */
import { getIndicator } from '../plans/indicators.ts';
import type { Qualifier, TargetKind } from '../plans/types.ts';
import { valueIn } from '../units/index.ts';
import type { Metric, Target } from './schema.ts';

export interface PlanTargetIn {
  planId: number;
  planTitle: string;
  ref: string;
  indicatorCode: string | null;
  indicatorName: string;
  year: number | null;
  value: number | null;
  unit: string | null;
  qualifier: Qualifier;
  kind: TargetKind;
  annual: boolean;
  baselineYear: number | null;
  baselineValue: number | null;
  deferred: boolean;
  reviewStatus: 'draft' | 'accepted' | 'edited' | 'rejected';
  quote: string;
  /** the plan's base year when the target gives none (the year before its period, 2020 for 十四五) */
  defaultBaselineYear: number;
}

/** The region's value of an indicator in a year (an observation), for reductions from before the base year. */
export interface ReferenceValue { value: number; unit: string; ref: string; zh: string; en: string }
export type References = (indicatorCode: string, year: number) => ReferenceValue | undefined;

export interface FileFacts { baseYear: number; endYear: number; fuels: string[]; techs: string[] }

export interface MappedTarget { planId: number; ref: string; targetId: string; zh: string; en: string; fromValue?: ReferenceValue & { source: 'plan' | 'observation' } }
export interface SkippedTarget { planId: number; planTitle: string; ref: string; indicatorCode: string | null; indicatorName: string; year: number | null; quote: string; zh: string; en: string }

export interface PlanTargetsResult { targets: Target[]; mapped: MappedTarget[]; skipped: SkippedTarget[] }

const AT_LEAST: readonly Qualifier[] = ['or_more', 'not_less_than', 'more_than'];
const AT_MOST: readonly Qualifier[] = ['or_less', 'within', 'not_more_than', 'less_than'];

/** Technologies a capacity indicator covers (ids of src/core/scenarios/inventory-base.ts TECH_OF). */
const CAPACITY_TECHS: Record<string, { tech?: string; all?: readonly string[] }> = {
  solar_capacity: { tech: 'pv' },
  wind_capacity: { tech: 'wind' },
  biomass_power_capacity: { tech: 'biomass' },
  wind_solar_capacity: { all: ['pv', 'wind'] },
  new_energy_capacity: { all: ['pv', 'wind'] },
  renewable_capacity: { all: ['pv', 'wind', 'hydro', 'biomass', 'geothermal'] },
};

/** Why the model leaves an indicator out, for the ones people expect it to compute. */
const NOT_MODELLED: Record<string, { zh: string; en: string }> = {
  coal_share: { zh: '模型中电厂、热厂用煤计入电力和热力，终端“煤炭”不等于统计口径的煤炭消费', en: "the model carries power and heat plants' coal in electricity and heat, so end-use coal is not the statistical coal consumption" },
  coal_consumption: { zh: '统计口径的煤炭消费（实物量，含电厂用煤）不在模型中', en: 'statistical coal consumption (physical, incl. power plants) is not in the model' },
  coal_intensity: { zh: '统计口径的煤炭消费不在模型中', en: 'statistical coal consumption is not in the model' },
  gas_share: { zh: '模型的“天然气及煤气”为终端用气，不含电厂、热厂用气', en: "the model's gas is end use, without power and heat plants' gas" },
  clean_energy_share: { zh: '模型的天然气为终端用气，清洁能源比重口径不同', en: "the model's gas is end use; the clean-energy share is defined otherwise" },
  electrification_rate: { zh: '指标为电能占终端能源消费比重，模型给出的是占能源消费总量比重', en: 'the indicator is the share of final energy; the model gives the share of total energy' },
  forest_coverage: { zh: '模型以碳汇量（万吨CO2）表示森林，不含覆盖率', en: 'the model represents forests by their removals (万tCO2), not by coverage' },
  forest_stock: { zh: '模型以碳汇量（万吨CO2）表示森林，不含蓄积量', en: 'the model represents forests by their removals (万tCO2), not by stock volume' },
};

const pct = (v: number, unit: string | null) => (unit === '%' ? v / 100 : NaN);

function opOf(t: PlanTargetIn, higherBetter: boolean): '>=' | '<=' {
  if (AT_LEAST.includes(t.qualifier)) return '>=';
  if (AT_MOST.includes(t.qualifier)) return '<=';
  if (t.kind === 'cap') return '<=';
  if (t.kind === 'reduction' || t.kind === 'increase') return '>=';
  return higherBetter ? '>=' : '<=';
}

type Draft = Omit<Target, 'tolerance'> & { tolerance?: number };

/** Maps the targets of a region's plans; `refs` gives observations for reference years before the base year. */
export function mapPlanTargets(input: readonly PlanTargetIn[], file: FileFacts, refs: References): PlanTargetsResult {
  const targets: Target[] = [];
  const mapped: MappedTarget[] = [];
  const skipped: SkippedTarget[] = [];
  const seen = new Map<string, string>();
  for (const t of input) {
    if (t.reviewStatus === 'rejected') continue;
    const skip = (zh: string, en: string) => skipped.push({
      planId: t.planId, planTitle: t.planTitle, ref: t.ref, indicatorCode: t.indicatorCode, indicatorName: t.indicatorName, year: t.year, quote: t.quote, zh, en,
    });
    if (!t.indicatorCode) { skip('未关联指标库中的指标', 'not linked to a catalogue indicator'); continue; }
    if (t.deferred || t.value === null) { skip('目标值由上级下达（完成上级下达目标），规划中没有数值', 'the value is set by the higher level; the plan gives no number'); continue; }
    if (t.year === null) { skip('没有目标年份', 'no target year'); continue; }
    if (t.year <= file.baseYear) { skip(`目标年 ${t.year} 不晚于情景基年 ${file.baseYear}（已是历史，请与清单和观测值对照）`, `target year ${t.year} is not after the base year ${file.baseYear} (history: compare with the inventories and observations)`); continue; }
    if (t.year > file.endYear) { skip(`目标年 ${t.year} 超出情景终止年 ${file.endYear}`, `target year ${t.year} is beyond the end year ${file.endYear}`); continue; }
    if (t.annual) { skip('年均增减率目标未纳入（模型按目标年的水平或累计降幅考核）', 'annual-rate targets are not mapped (the model checks levels or cumulative reductions)'); continue; }
    const code = t.indicatorCode;
    const indicator = getIndicator(code);
    const higherBetter = indicator?.direction === 'higher_better';
    const base = { id: `plan${t.planId}-${t.ref}`, name: (t.quote || `${t.year}年${t.indicatorName}`).slice(0, 500), year: t.year };
    let draft: Draft | null = null;
    let why: { zh: string; en: string } | null = null;
    let fromValue: MappedTarget['fromValue'];

    if (code === 'energy_intensity_reduction' || code === 'carbon_intensity_reduction') {
      const metric: Metric = code === 'energy_intensity_reduction' ? 'energyIntensityReduction' : 'carbonIntensityReduction';
      const value = pct(t.value, t.unit);
      const from = t.baselineYear ?? t.defaultBaselineYear;
      if (!Number.isFinite(value) || t.kind !== 'reduction') why = { zh: `单位为“${t.unit ?? ''}”的${t.kind}目标，模型只核算以 % 表示的降幅`, en: `a ${t.kind} target in "${t.unit ?? ''}"; the model checks reductions in %` };
      else if (from >= t.year) why = { zh: '基准年不早于目标年', en: 'the base year is not before the target year' };
      else if (from >= file.baseYear) draft = { ...base, metric, value, from, op: '>=' };
      else {
        const level = indicator?.rateOf ?? code;
        const obs = refs(level, from);
        if (t.baselineValue !== null && t.baselineValue > 0) fromValue = { value: t.baselineValue, unit: getIndicator(level)?.unit ?? '', ref: `plan ${t.planId} ${t.ref}`, zh: '规划中给出的基准年数值', en: "the plan's own base-year value", source: 'plan' };
        else if (obs && obs.value > 0) fromValue = { ...obs, source: 'observation' };
        if (fromValue) draft = { ...base, metric, value, from, fromValue: fromValue.value, op: '>=' };
        else why = { zh: `基准年 ${from} 早于情景基年 ${file.baseYear}，且没有 ${from} 年的${getIndicator(level)?.zh ?? level}（观测值或规划基准值）`, en: `the base year ${from} is before the scenario's ${file.baseYear} and there is no ${from} value of ${getIndicator(level)?.en ?? level} (observation or the plan's base value)` };
      }
    } else if (code === 'energy_intensity' || code === 'carbon_intensity') {
      const metric: Metric = code === 'energy_intensity' ? 'energyIntensity' : 'carbonIntensity';
      const to = code === 'energy_intensity' ? 'tce/万元' : 'tCO2/万元';
      const v = convert(t.value, t.unit, to);
      if (v === undefined || (t.kind !== 'level' && t.kind !== 'cap')) why = { zh: `单位“${t.unit ?? ''}”或目标类型不能换算为${to}水平`, en: `unit "${t.unit ?? ''}" or kind cannot be read as a level in ${to}` };
      else draft = { ...base, metric, value: v, op: opOf(t, false) };
    } else if (code === 'total_energy_consumption' || code === 'co2_emissions') {
      const metric: Metric = code === 'total_energy_consumption' ? 'energyTotal' : 'co2';
      const to = code === 'total_energy_consumption' ? '万tce' : '万tCO2';
      // the catalogue writes CO2 mass as 万吨: a mass unit of this indicator is a mass of CO2
      const v = convert(t.value, t.unit, to) ?? (code === 'co2_emissions' ? convert(t.value, t.unit, '万t') : undefined);
      if (v === undefined || (t.kind !== 'level' && t.kind !== 'cap')) why = { zh: `只核算以${to}表示的上限或水平（此为“${t.unit ?? ''}”的${t.kind}目标）`, en: `only caps or levels in ${to} are checked (this is a ${t.kind} target in "${t.unit ?? ''}")` };
      else draft = { ...base, metric, value: v, op: opOf(t, false), ...(metric === 'co2' ? { basis: 'gross' as const } : {}) };
    } else if (code === 'non_fossil_share') {
      const v = pct(t.value, t.unit);
      if (!Number.isFinite(v) || v > 1) why = { zh: `比重应以 % 表示（此为“${t.unit ?? ''}”）`, en: `a share is given in % (this is "${t.unit ?? ''}")` };
      else draft = { ...base, metric: 'nonFossilShare', value: v, op: opOf(t, true) };
    } else if (CAPACITY_TECHS[code]) {
      const c = CAPACITY_TECHS[code];
      const tech = c.tech ?? '*';
      let v = convert(t.value, t.unit, '万kW');
      if (t.kind === 'increase' && v !== undefined) v = t.baselineValue !== null ? t.baselineValue + v : undefined;
      if (c.tech && !file.techs.includes(c.tech)) why = { zh: `情景文件中没有发电技术“${c.tech}”`, en: `the file has no generation technology "${c.tech}"` };
      else if (c.all && !file.techs.every((g) => c.all!.includes(g))) why = { zh: `情景文件的发电技术（${file.techs.join('、')}）与指标口径不同`, en: `the file's technologies (${file.techs.join(', ')}) are not what the indicator covers` };
      else if (v === undefined || !['level', 'increase', 'cap'].includes(t.kind)) why = { zh: `不能换算为装机容量（万千瓦）${t.kind === 'increase' ? '：新增量需要基准年装机' : ''}`, en: `cannot be read as capacity in 万kW${t.kind === 'increase' ? ': an addition needs the base capacity' : ''}` };
      else draft = { ...base, metric: 'capacity', tech, value: v, op: opOf(t, true) };
    } else {
      why = NOT_MODELLED[code] ?? { zh: `模型不计算“${indicator?.zh ?? code}”`, en: `the model does not compute "${indicator?.en ?? code}"` };
    }
    if (!draft) { skip(why!.zh, why!.en); continue; }
    const key = JSON.stringify([draft.metric, draft.year, draft.value, draft.op, draft.tech, draft.from, draft.fromValue]);
    const same = seen.get(key);
    if (same) { skip(`与 ${same} 相同`, `same as ${same}`); continue; }
    seen.set(key, draft.id);
    targets.push({ ...draft, tolerance: 0 });
    mapped.push({ planId: t.planId, ref: t.ref, targetId: draft.id, zh: `${t.planTitle} ${t.ref}`, en: `${t.planTitle} ${t.ref}`, fromValue });
  }
  return { targets, mapped, skipped };
}

function convert(value: number, unit: string | null, to: string): number | undefined {
  if (!unit) return undefined;
  try { return valueIn({ value, unit }, to); } catch { return undefined; }
}

export interface PeakCommitment { year: number; planId: number; planTitle: string; quote: string }

const PEAK = /(20\d\d)\s*年\s*(?:以)?前[^。；;！!\n]{0,24}?(?:[达達]峰|[达達]到峰[值頂顶])/g;

/**
 * The year a plan commits to peaking by (`确保2030年前实现碳达峰`, `2030年前二氧化碳排放达到峰值`): the most frequent
 * year of such phrases across the region's plans (ties: the later year), with the first phrase stating it.
 */
export function peakCommitment(plans: readonly { id: number; title: string; text: string }[]): PeakCommitment | null {
  const found: PeakCommitment[] = [];
  for (const p of plans) {
    for (const m of p.text.matchAll(PEAK)) found.push({ year: Number(m[1]), planId: p.id, planTitle: p.title, quote: m[0] });
  }
  if (!found.length) return null;
  const count = new Map<number, number>();
  for (const f of found) count.set(f.year, (count.get(f.year) ?? 0) + 1);
  const year = [...count.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  return found.find((f) => f.year === year) ?? null;
}

/** The peak commitment as a scenario target (`peakYear`, value = the year to peak by, inclusive). */
export function peakTarget(c: PeakCommitment): Target {
  return { id: `plan${c.planId}-peak`, name: `${c.year}年前实现碳达峰（${c.planTitle}：“${c.quote}”）`.slice(0, 500), nameEn: `Peak by ${c.year}`, metric: 'peakYear', value: c.year, tolerance: 0 };
}

export interface RegionPlans { targets: PlanTargetIn[]; texts: { id: number; title: string; text: string }[] }

/** All the scenario targets a region's plans give a file: the mapped targets and the peak commitment (when in range). */
export function targetsFromPlans(plans: RegionPlans, file: FileFacts, refs: References): PlanTargetsResult & { peak: PeakCommitment | null } {
  const r = mapPlanTargets(plans.targets, file, refs);
  const peak = peakCommitment(plans.texts);
  const targets = peak && peak.year >= file.baseYear && peak.year <= file.endYear ? [...r.targets, peakTarget(peak)] : r.targets;
  return { ...r, targets, peak };
}
