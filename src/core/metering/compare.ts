import { valueIn, type Quantity } from '../units/index.ts';
import { lookupFuel, type EnterpriseResult, type EnterpriseReportInput, type Figure, type Label } from '../accounting/index.ts';
import type { MeteredItemResult } from './compute.ts';

/**
 * Review threshold (not a factor): |metered − reported| ÷ reported beyond 5 % flags the item for a reviewer.
 * 5 % is the tolerance the accounting already uses between two ways of counting the same thing (reference vs
 * sectoral approach, REVIEW_THRESHOLDS in ../accounting/constants.ts); it never changes a number.
 */
export const DEVIATION_THRESHOLD = 0.05;

export type ComparisonFlag =
  /** within the threshold */
  | 'ok'
  /** beyond the threshold */
  | 'deviation'
  /** fewer complete days than the completeness rule asks for the year: the deviation is shown, not judged */
  | 'incomplete'
  /** the report has no such figure */
  | 'not_reported'
  /** no metered tce or CO2 (a factor is missing) */
  | 'not_computed';

export interface ComparisonRow {
  readonly item: string;
  readonly label: Label;
  readonly measure: 'amount' | 'tce' | 'co2';
  readonly metered: Quantity | null;
  readonly meteredLineage: string | null;
  readonly reported: Quantity | null;
  /** the report's lineage nodes the reported value sums */
  readonly reportedLineage: string[];
  /** (metered − reported) ÷ reported; null when either is missing or the reported value is zero */
  readonly deviation: number | null;
  readonly flag: ComparisonFlag;
  readonly note: Label | null;
}

export interface Comparison {
  readonly reportId: number | null;
  readonly threshold: number;
  readonly rule: Label;
  readonly rows: ComparisonRow[];
}

interface Reported {
  amount: Figure[];
  tce: Figure[];
  co2: Figure[];
  note: Label | null;
}

/** The report's figures for one metered item (summed over its lines), in the report's own units. */
function reportedFor(item: MeteredItemResult, r: EnterpriseResult, input: EnterpriseReportInput): Reported {
  switch (item.kind) {
    case 'electricity':
    case 'heat': {
      const k = item.kind;
      const exported = (k === 'electricity' ? input.electricity?.exported : input.heat?.exported)?.value;
      return {
        amount: [r.indirect[k].net], tce: [r.energy[k]], co2: [r.indirect[k].co2],
        note: exported ? { zh: '报告值为扣除输出后的净购入量', en: 'the reported value is net of exports' } : null,
      };
    }
    case 'fuel': {
      const lines = r.combustion.lines.flatMap((l, i) => (lookupFuel(l.fuel)?.id === item.fuel ? [{ ...l, path: `combustion.${i}` }] : []));
      return {
        // the amount is an input line of the report, not a computed node: its path stands for the lineage
        amount: lines.map((l) => ({ value: l.amount.value, unit: l.amount.unit, lineage: l.path })), tce: lines.map((l) => l.energy), co2: lines.map((l) => l.co2),
        note: lines.length > 1 ? { zh: `报告中${item.fuel}共 ${lines.length} 行，已合计`, en: `${lines.length} report lines of ${item.fuel}, summed` } : null,
      };
    }
    case 'cems_co2':
      return {
        amount: [], tce: [], co2: [r.totals.co2Direct],
        note: { zh: '与报告的直接CO2排放（化石燃料燃烧 + 工业过程）比较；CEMS 只测其所在排放口', en: "compared with the report's direct CO2 (fuel combustion + process); a CEMS measures only the stacks it sits on" },
      };
  }
}

const daysInYear = (y: number) => (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86_400_000;

/**
 * Metered against reported, per item and measure (amount, tce, CO2; CEMS: CO2 only). An item whose complete
 * days cover less of the year than the completeness rule asks is `incomplete`: its deviation is shown, not judged.
 */
export function compareWithReport(
  items: readonly MeteredItemResult[], result: EnterpriseResult, input: EnterpriseReportInput, o: { id: number | null; completenessThreshold: number; year: number },
): Comparison {
  const rows: ComparisonRow[] = [];
  for (const item of items) {
    const rep = reportedFor(item, result, input);
    const coverage = item.year.days.complete / daysInYear(o.year);
    const measures = item.kind === 'cems_co2' ? (['co2'] as const) : (['amount', 'tce', 'co2'] as const);
    for (const measure of measures) {
      const m = item.year[measure];
      const parts = rep[measure];
      const reportedUnit = m?.unit ?? (measure === 'amount' ? item.unit : measure === 'tce' ? 'tce' : 'tCO2');
      const reported = parts.length ? { value: parts.reduce((a, p) => a + valueIn(p, reportedUnit, `report.${item.item}`), 0), unit: reportedUnit } : null;
      const deviation = m && reported && reported.value !== 0 ? (m.value - reported.value) / reported.value : null;
      let flag: ComparisonFlag;
      if (!reported) flag = 'not_reported';
      else if (!m) flag = 'not_computed';
      else if (coverage < o.completenessThreshold) flag = 'incomplete';
      else if (deviation === null) flag = m.value === 0 ? 'ok' : 'deviation';
      else flag = Math.abs(deviation) > DEVIATION_THRESHOLD ? 'deviation' : 'ok';
      rows.push({
        item: item.item, label: item.label, measure, metered: m ? { value: m.value, unit: m.unit } : null, meteredLineage: m?.lineage ?? null,
        reported, reportedLineage: parts.map((p) => p.lineage), deviation, flag, note: rep.note,
      });
    }
  }
  const pct = Math.round(DEVIATION_THRESHOLD * 100);
  const cov = Math.round(o.completenessThreshold * 100);
  return {
    reportId: o.id, threshold: DEVIATION_THRESHOLD, rows,
    rule: {
      zh: `偏差 =（计量 − 报告）÷ 报告；|偏差| > ${pct}% 标记为偏差；全年完整日少于 ${cov}% 的项目仅列出偏差、不作判断`,
      en: `deviation = (metered − reported) ÷ reported; |deviation| > ${pct} % is flagged; an item with complete days on less than ${cov} % of the year is listed, not judged`,
    },
  };
}
