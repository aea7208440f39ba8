import { DomainError } from '../errors.ts';
import { factorSetId, type FactorSet, type FactorSetId } from '../factors/index.ts';
import { areCompatible, valueIn } from '../units/index.ts';
import {
  CALCULATOR_VERSION, FactorContext, LineageBuilder, combust, factorRefs, parseEnterpriseReport, purchasedEnergyCo2, resolveCoalCoefficient, resolveFuelParams, toTce,
  type EnterpriseResult, type FactorUse, type Figure, type FuelDef, type Label, type LineageNode, type QualityFlag,
} from '../accounting/index.ts';
import { meteringChannel, type Channel, type PointSpec } from './channel.ts';
import { dayTotals, daysOfMonth, monthsOfYear, type DayRow, type DaysCount } from './daily.ts';
import type { MeteredItem } from './items.ts';
import { DEFAULT_METHOD, measuredParameters, type MeasuredFromReport, type MeteringMethod } from './method.ts';
import { compareWithReport, type Comparison } from './compare.ts';

export const METERED_RESULT_SCHEMA_ID = 'shuangtan.metered-energy/1';

export interface MeteringInput {
  readonly year: number;
  /** YYYY-MM-DD (China Standard Time): days after it are not yet due */
  readonly asOf: string;
  /** share of a day's expected uploads that makes the day complete (the national 90 % rule) */
  readonly completenessThreshold: number;
  readonly points: readonly PointSpec[];
  /** daily rollup rows of each point's totals factor, by MN */
  readonly days: Readonly<Record<string, readonly DayRow[]>>;
  /** the enterprise's report for the year (its stored input and result), if there is one */
  readonly report?: { readonly id?: number; readonly input: unknown; readonly result: EnterpriseResult };
  /**
   * Without a report for the year: its latest earlier report, whose method and measured fuel parameters are
   * carried forward (and said so in `notes`) — the plant's own choices beat the generic default.
   */
  readonly earlierReport?: { readonly id?: number; readonly year: number; readonly input: unknown };
}

export interface Problem extends Label {
  readonly code: string;
  readonly item?: string;
}

export interface MeteredMonth {
  /** YYYY-MM */
  readonly month: string;
  /** the metered amount in the item's unit (kWh, t, m3, GJ; tCO2 for CEMS) */
  readonly amount: Figure;
  readonly tce: Figure | null;
  readonly co2: Figure | null;
  readonly days: DaysCount;
}

export interface MeteredItemResult {
  readonly item: string;
  readonly kind: MeteredItem['kind'];
  readonly label: Label;
  readonly fuel: string | null;
  readonly unit: string;
  readonly points: string[];
  readonly months: MeteredMonth[];
  readonly year: Omit<MeteredMonth, 'month'> & { readonly completeness: number };
  /** why tce or CO2 could not be computed (a missing factor …) */
  readonly problems: Problem[];
}

export interface MeteredTotals {
  /** Σ tce of the energy items that have one */
  readonly tce: Figure;
  /** Σ CO2 computed with factors (fuel combustion + purchased electricity and heat) */
  readonly co2: Figure;
  /** Σ CO2 measured by CEMS (null without a CEMS point); overlaps fuel CO2, so never added to it */
  readonly co2Measured: Figure | null;
}

export interface MeteredResult {
  readonly schema: typeof METERED_RESULT_SCHEMA_ID;
  readonly calculator: string;
  readonly year: number;
  readonly asOf: string;
  readonly factorSet: FactorSetId;
  readonly method: MeteringMethod & {
    readonly source: 'report' | 'earlier-report' | 'default';
    readonly reportId: number | null;
    readonly reportYear: number | null;
    readonly measured: Record<string, MeasuredFromReport>;
  };
  readonly basis: Label;
  readonly points: { mn: string; name: string; feeds: string | null; item: string | null; factor: string | null; unit: string | null; problem: Label | null }[];
  readonly items: MeteredItemResult[];
  readonly totals: { readonly months: (MeteredTotals & { month: string })[]; readonly year: MeteredTotals; readonly partial: Label[] };
  readonly comparison: Comparison | null;
  readonly problems: Problem[];
  readonly notes: Label[];
  readonly factorsUsed: FactorUse[];
  readonly qualityFlags: QualityFlag[];
  readonly lineage: Record<string, LineageNode>;
}

export const BASIS: Label = {
  zh: '月度计量量 = 当月各日的时段累计值（Cou）之和：每日取最完整的一种上传周期（小时 2061 > 分钟 2051 > 日 2031，完整度相同取更细者），不用累计寄存器读数之差，不插补缺失时段',
  en: "month's metered amount = Σ of the days' interval totals (Cou): per day the most complete upload period (hour 2061 > minute 2051 > day 2031 on a tie), never a difference of register readings, no gap filling",
};

type Conv = { value: (amount: number) => number; formula: string; factors: readonly string[]; inputs: readonly string[] };

const problemOf = (e: unknown, item: string): Problem => {
  if (e instanceof DomainError) return { code: e.code, item, zh: e.zh, en: e.en };
  throw e;
};

/** The tce and CO2 conversions of an item for the year, each or both null (with the problem) when a factor is missing. */
function converters(ctx: FactorContext, item: MeteredItem, year: number, m: MeteringMethod, measured: MeasuredFromReport | undefined, problems: Problem[]): { tce: Conv | null; co2: Conv | null } {
  const field = `items.${item.id}`;
  const basis = { value: 0, unit: item.unit };
  const attempt = (f: () => Conv): Conv | null => {
    try {
      return f();
    } catch (e) {
      problems.push(problemOf(e, item.id));
      return null;
    }
  };
  const fuel = item.fuel as FuelDef;
  const tce = attempt(() => {
    const c = resolveCoalCoefficient(ctx, fuel, {
      year, conversion: m.electricityConversion, choice: m.coalEquivalent?.[fuel.id], paramChoice: m.fuelParameters?.[fuel.id],
      measuredNcv: measured?.params.ncv, measuredField: measured?.field,
    }, field);
    return { value: (a) => toTce({ ...basis, value: a }, c, field), formula: c.formula, factors: c.refs, inputs: c.measured ? [c.measured] : [] };
  });
  const co2 = attempt(() => {
    if (item.kind === 'fuel') {
      const p = resolveFuelParams(ctx, fuel, year, field, m.fuelParameters?.[fuel.id], measured?.params, measured?.field);
      const inputs = [p.ncv, p.carbonContent, p.oxidation].flatMap((x) => (x?.source.kind === 'measured' ? [`${x.source.field} (${x.source.source})`] : []));
      return { value: (a) => combust({ ...basis, value: a }, p, field).co2T, formula: combust(basis, p, field).formula, factors: factorRefs(p), inputs };
    }
    // purchased electricity or heat (CEMS CO2 is measured and never converted)
    const c = purchasedEnergyCo2(ctx, item.kind === 'electricity' ? 'electricity' : 'heat', year, m);
    return { value: (a) => c.co2({ ...basis, value: a }, field), formula: `${item.kind === 'electricity' ? '电量' : '热量'} × 排放因子`, factors: [c.factor.ref], inputs: [] };
  });
  return { tce, co2 };
}

/** A point's daily totals in the item's unit (CEMS: a05001 Cou is a mass of CO2, so kg → t → tCO2). */
function inItemUnit(value: number, ch: Channel): number {
  if (ch.item.kind === 'cems_co2' && !areCompatible(ch.unit, 'tCO2')) return valueIn({ value, unit: ch.unit }, 't', `points.${ch.mn}`);
  return valueIn({ value, unit: ch.unit }, ch.item.unit, `points.${ch.mn}`);
}

const zeroDays = (): { due: number; withData: number; complete: number } => ({ due: 0, withData: 0, complete: 0 });

/**
 * Metered energy of one enterprise and year: per item (purchased electricity, heat, each fuel, CEMS CO2) and
 * month, the metered amount with its completeness, tce with the standard-coal coefficients and CO2 with the
 * emission factors of the set — through the enterprise accounting's own functions (resolveFuelParams, combust,
 * resolveCoalCoefficient, toTce, the grid and heat factor lookups) — and, when the enterprise reported the year,
 * the same method and measured fuel parameters as its report, and the comparison with it.
 */
export function computeMeteredEnergy(input: MeteringInput, set: FactorSet): MeteredResult {
  const { year, asOf } = input;
  const report = input.report ? parseEnterpriseReport(input.report.input) : undefined;
  const earlier = !report && input.earlierReport ? parseEnterpriseReport(input.earlierReport.input) : undefined;
  const source = report ?? earlier;
  const method: MeteringMethod = source?.method ?? DEFAULT_METHOD;
  const fromReport = source ? measuredParameters(source) : { byFuel: {}, notes: [] };
  const ctx = new FactorContext(set, method.factorPolicy ?? {});
  const lb = new LineageBuilder();
  const problems: Problem[] = [];
  const notes: Label[] = [...fromReport.notes];
  if (earlier) {
    notes.push({
      zh: `${year}年无报告：沿用 ${earlier.year} 年报告的核算方法${Object.keys(fromReport.byFuel).length ? `及实测燃料参数（${Object.keys(fromReport.byFuel).join('、')}）` : ''}`,
      en: `no report for ${year}: the method${Object.keys(fromReport.byFuel).length ? ` and measured fuel parameters (${Object.keys(fromReport.byFuel).join(', ')})` : ''} of the ${earlier.year} report are carried forward`,
    });
  }

  const points: MeteredResult['points'] = [];
  const channels: Channel[] = [];
  for (const p of input.points) {
    const ch = meteringChannel(p);
    if ('error' in ch) {
      points.push({ mn: p.mn, name: p.name, feeds: p.feeds, item: null, factor: null, unit: null, problem: ch.error });
      continue;
    }
    channels.push(ch);
    points.push({ mn: p.mn, name: p.name, feeds: p.feeds, item: ch.item.id, factor: ch.factor, unit: ch.unit, problem: null });
  }

  const months = monthsOfYear(year);
  const itemIds = [...new Set(channels.map((c) => c.item.id))];
  const items: MeteredItemResult[] = itemIds.map((id) => {
    const chs = channels.filter((c) => c.item.id === id);
    const item = chs[0].item;
    const itemProblems: Problem[] = [];
    const conv = item.kind === 'cems_co2' ? { tce: null, co2: null } : converters(ctx, item, year, method, item.fuel ? fromReport.byFuel[item.fuel.id] : undefined, itemProblems);
    problems.push(...itemProblems);
    // per point: day → { total in the item's unit, complete, kind }
    const perPoint = chs.map((ch) => {
      const spec = input.points.find((p) => p.mn === ch.mn) as PointSpec;
      return { ch, days: new Map(dayTotals(input.days[ch.mn] ?? [], spec.intervalSeconds).map((d) => [d.day, { ...d, value: inItemUnit(d.total, ch) }])) };
    });
    const monthRows = months.map((month): MeteredMonth => {
      let amount = 0;
      const days = zeroDays();
      const used = perPoint.map(() => new Map<string, number>());
      for (const day of daysOfMonth(month)) {
        const got = perPoint.map((pp) => pp.days.get(day));
        got.forEach((g, i) => {
          if (!g) return;
          amount += g.value;
          used[i].set(g.kind, (used[i].get(g.kind) ?? 0) + 1);
        });
        if (got.some(Boolean)) days.withData++;
        if (day > asOf) continue;
        days.due++;
        if (got.every((g) => g && g.completeness >= input.completenessThreshold)) days.complete++;
      }
      const inputs = perPoint.map((pp, i) => `${pp.ch.mn}/${pp.ch.factor} ${month}: ${[...used[i]].map(([k, n]) => `${k} × ${n} d`).join(', ') || '—'}`);
      const node = `met.${id}.${month}`;
      const amountFig = lb.add({
        id: `${node}.amount`, label: { zh: `${month} ${item.label.zh}计量量`, en: `${month} metered ${item.label.en}` }, value: amount, unit: item.unit,
        formula: 'Σ 各日时段累计值（Cou）', inputs, notes: [`complete days ${days.complete}/${days.due} (due), with data ${days.withData}`],
      });
      const derived = (c: Conv | null, what: 'tce' | 'co2') => c && lb.add({
        id: `${node}.${what}`, label: { zh: `${month} ${item.label.zh}${what === 'tce' ? '折标' : 'CO2'}`, en: `${month} ${item.label.en} ${what === 'tce' ? 'tce' : 'CO2'}` },
        value: c.value(amount), unit: what === 'tce' ? 'tce' : 'tCO2', formula: c.formula, factors: c.factors, inputs: c.inputs, from: [amountFig.lineage],
      });
      return { month, amount: amountFig, tce: derived(conv.tce, 'tce'), co2: item.kind === 'cems_co2' ? amountFig : derived(conv.co2, 'co2'), days };
    });
    const yearSum = (pick: (m: MeteredMonth) => Figure | null, what: string, unit: string) => {
      const parts = monthRows.map(pick);
      if (parts.some((p) => p === null)) return null;
      return lb.sum(`met.${id}.year.${what}`, { zh: `${year}年${item.label.zh}${what === 'amount' ? '计量量' : what === 'tce' ? '折标' : 'CO2'}`, en: `${year} ${item.label.en} ${what}` }, parts as Figure[], unit);
    };
    const yearAmount = yearSum((m) => m.amount, 'amount', item.unit) as Figure;
    const yDays = monthRows.reduce((a, m) => ({ due: a.due + m.days.due, withData: a.withData + m.days.withData, complete: a.complete + m.days.complete }), zeroDays());
    return {
      item: id, kind: item.kind, label: item.label, fuel: item.fuel && item.kind === 'fuel' ? item.fuel.id : null, unit: item.unit, points: chs.map((c) => c.mn), months: monthRows,
      year: {
        amount: yearAmount, tce: yearSum((m) => m.tce, 'tce', 'tce'), co2: item.kind === 'cems_co2' ? yearAmount : yearSum((m) => m.co2, 'co2', 'tCO2'),
        days: yDays, completeness: yDays.due ? yDays.complete / yDays.due : 0,
      },
      problems: itemProblems,
    };
  });

  const energyItems = items.filter((i) => i.kind !== 'cems_co2');
  const cemsItems = items.filter((i) => i.kind === 'cems_co2');
  const partial: Label[] = energyItems.filter((i) => !i.year.tce || !i.year.co2).map((i) => ({
    zh: `${i.label.zh}缺少${!i.year.tce ? '折标系数' : '排放因子'}，未计入合计`, en: `${i.label.en}: no ${!i.year.tce ? 'standard-coal coefficient' : 'emission factor'}, left out of the totals`,
  }));
  const totalsOf = (key: string, label: string, pick: (i: MeteredItemResult) => { tce: Figure | null; co2: Figure | null }): MeteredTotals => {
    const sum = (of: MeteredItemResult[], what: 'tce' | 'co2', id: string, zh: string, en: string) =>
      lb.sum(`met.total.${key}.${id}`, { zh: `${label} ${zh}`, en: `${label} ${en}` }, of.map((i) => pick(i)[what]).filter((f): f is Figure => f !== null), what === 'tce' ? 'tce' : 'tCO2');
    return {
      tce: sum(energyItems, 'tce', 'tce', '综合能耗（计量）', 'metered energy (tce)'),
      co2: sum(energyItems, 'co2', 'co2', 'CO2（计量量 × 因子）', 'CO2 (metered amounts × factors)'),
      co2Measured: cemsItems.length ? sum(cemsItems, 'co2', 'co2Measured', 'CEMS 实测CO2', 'CO2 measured by CEMS') : null,
    };
  };
  const totals = {
    months: months.map((month, k) => ({ month, ...totalsOf(month, month, (i) => i.months[k]) })),
    year: totalsOf('year', String(year), (i) => i.year),
    partial,
  };
  if (method.electricityFactor.year !== undefined && method.electricityFactor.year !== year && items.some((i) => i.kind === 'electricity')) {
    notes.push({ zh: `电力排放因子采用 ${method.electricityFactor.year} 年（报告所述理由：${method.electricityFactor.yearReason ?? ''}）`, en: `grid factor of ${method.electricityFactor.year} (the report's reason: ${method.electricityFactor.yearReason ?? ''})` });
  }
  const comparison = input.report ? compareWithReport(items, input.report.result, report!, { id: input.report.id ?? null, completenessThreshold: input.completenessThreshold, year }) : null;
  return {
    schema: METERED_RESULT_SCHEMA_ID, calculator: CALCULATOR_VERSION, year, asOf, factorSet: factorSetId(set),
    method: {
      ...method, source: report ? 'report' : earlier ? 'earlier-report' : 'default', reportId: (report ? input.report?.id : earlier ? input.earlierReport?.id : null) ?? null,
      reportYear: report ? year : earlier ? earlier.year : null, measured: fromReport.byFuel,
    },
    basis: BASIS, points, items, totals, comparison, problems, notes, factorsUsed: ctx.factorsUsed(), qualityFlags: ctx.qualityFlags(), lineage: lb.toRecord(),
  };
}

