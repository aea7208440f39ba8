import { stampZip } from '../excel/zip-stamp.ts';
import ExcelJS from 'exceljs';
import type { Evaluation, EvaluationTarget } from './schema.ts';
import { LEVEL_COLOUR_ZH } from './schema.ts';

/**
 * The annual evaluation as an Excel workbook in the layout of the 年度评估 tables: 封面及总体情况, 目标完成情况
 * (red/yellow/green fills), 重点任务进展, 上下级目标衔接. Numbers stay numbers (the words of a target, 下降…%,
 * are in the number format); A4 landscape, fit to width, header rows repeated on every page. The same
 * evaluation and date give the same bytes (the zip entries carry the export date, not the clock).
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SHEET_NAMES = ['封面及总体情况', '目标完成情况', '重点任务进展', '上下级目标衔接'] as const;
export const TARGET_HEADERS = ['序号', '指标', '目标年份', '目标值', '基准年', '计量单位', '基准值', '本年度应达值', '实际值', '差距', '预警等级', '说明'];
export const TASK_HEADERS = ['序号', '行动', '任务', '牵头单位', '配合单位', '完成时限', '状态', '是否逾期'];
export const CONSISTENCY_HEADERS = ['序号', '指标', '目标年份', '上级目标', '本级目标', '衔接情况', '是否需关注', '说明'];
/** Row of the column headers on the three table sheets (rows 1–2 are the title and the subtitle). */
export const HEADER_ROW = 3;
/** ARGB fills of the warning levels: the standard red, yellow and green of the 晴雨表. */
export const LEVEL_FILL = { red: 'FFFF0000', yellow: 'FFFFFF00', green: 'FF00B050' } as const;
const LEVEL_FONT = { red: 'FFFFFFFF', yellow: 'FF000000', green: 'FFFFFFFF' } as const;
const HEADER_FILL = 'FFD9E1F2';
const FLAG_FILL = 'FFFFC7CE';
const BODY_FONT = '宋体';
const TITLE_FONT = '黑体';

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Date in China time (UTC+8), e.g. 2026年3月1日. */
export function chinaDate(d: Date): string {
  const c = new Date(d.getTime() + 8 * 3600_000);
  return `${c.getUTCFullYear()}年${c.getUTCMonth() + 1}月${c.getUTCDate()}日`;
}

const decimals = (v: number | null | undefined) => (v == null ? 0 : (String(Number(v.toPrecision(12))).split('.')[1] ?? '').length);
const fixed = (d: number) => (d > 0 ? `0.${'0'.repeat(d)}` : '0');
const quote = (s: string) => (s ? `"${s.replace(/"/g, '')}"` : '');

/** Number format showing the target's words around its number (下降14.5%); null when it must stay text (ranges, deferred). */
function targetFormat(t: EvaluationTarget): string | null {
  if (t.value === null || t.valueMax !== null || t.deferred) return null;
  const n = String(Number(t.value.toPrecision(12)));
  const at = t.targetZh.indexOf(n);
  if (at < 0) return null;
  return `${quote(t.targetZh.slice(0, at))}${fixed(decimals(t.value))}${quote(t.targetZh.slice(at + n.length))}`;
}

function sheet(wb: ExcelJS.Workbook, name: string, widths: number[], frozenColumns = 0): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' } as Partial<ExcelJS.HeaderFooter>,
  });
  ws.columns = widths.map((width) => ({ width }));
  return ws;
}

function titles(ws: ExcelJS.Worksheet, columns: number, title: string, subtitle: string) {
  ws.mergeCells(1, 1, 1, columns);
  ws.mergeCells(2, 1, 2, columns);
  Object.assign(ws.getCell(1, 1), { value: title, font: { name: TITLE_FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } });
  Object.assign(ws.getCell(2, 1), { value: subtitle, font: { name: BODY_FONT, size: 10 }, alignment: { horizontal: 'center' } });
  ws.getRow(1).height = 30;
}

function headerRow(ws: ExcelJS.Worksheet, headers: string[]) {
  const row = ws.getRow(HEADER_ROW);
  headers.forEach((h, i) => Object.assign(row.getCell(i + 1), {
    value: h, font: { name: TITLE_FONT, size: 11, bold: true }, fill: fill(HEADER_FILL), border: BOX,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  }));
  row.height = 30;
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: headers.length } };
}

/** Lines a text needs in a column of `width` characters (a CJK character of the 10 pt body font is about 1.8). */
function lines(text: string, width: number): number {
  return text.split('\n').reduce((n, part) => {
    let units = 0;
    for (const ch of part) units += /[\u2e80-\uffef]/.test(ch) ? 1.8 : 1;
    return n + Math.max(1, Math.ceil(units / Math.max(1, width - 1.5)));
  }, 0);
}

/** Appends a data row: values with optional number formats; borders, body font, wrapping, a height for the wrapped text. */
function dataRow(ws: ExcelJS.Worksheet, cells: Array<{ v: ExcelJS.CellValue; fmt?: string | null; center?: boolean }>): ExcelJS.Row {
  const row = ws.addRow(cells.map((c) => c.v));
  // Spreadsheet programs do not all grow rows for wrapped text on opening: the height is written.
  const n = Math.max(1, ...cells.map((c, i) => (typeof c.v === 'string' ? lines(c.v, ws.getColumn(i + 1).width ?? 10) : 1)));
  row.height = Math.max(16, n * 13.5 + 3);
  cells.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.font = { name: BODY_FONT, size: 10 };
    cell.border = BOX;
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: c.center ? 'center' : typeof c.v === 'number' ? 'right' : 'left' };
    if (c.fmt) cell.numFmt = c.fmt;
  });
  return row;
}

function coverSheet(wb: ExcelJS.Workbook, e: Evaluation, date: Date) {
  const ws = sheet(wb, SHEET_NAMES[0], [26, 70]);
  ws.views = [{ state: 'normal' }];
  Object.assign(ws.pageSetup, { printTitlesRow: undefined, fitToHeight: 1 }); // the cover is one page
  titles(ws, 2, e.plan.title, `${e.year}年度评估`);
  const c = e.counts;
  const section = (label: string) => {
    const row = ws.addRow([label]);
    ws.mergeCells(row.number, 1, row.number, 2);
    Object.assign(row.getCell(1), { font: { name: TITLE_FONT, size: 12, bold: true }, fill: fill(HEADER_FILL), border: BOX });
  };
  const item = (label: string, v: string | number) => {
    const row = dataRow(ws, [{ v: label }, { v, fmt: typeof v === 'number' ? '0' : null }]);
    row.getCell(2).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  };
  ws.addRow([]);
  section('一、基本情况');
  item('地区', `${e.plan.regionName}（${e.plan.regionCode}）`);
  item('方案名称', e.plan.title);
  item('文号', e.plan.docNumber ?? '—');
  item('印发单位', e.plan.issuer ?? '—');
  item('印发日期', e.plan.issuedOn ?? '—');
  item('规划期', `${e.plan.periodStart}—${e.plan.periodEnd}年`);
  item('评估年度', e.year);
  item('导出日期', chinaDate(date));
  section('二、目标完成情况');
  item('目标总数', c.targets.total);
  item('已评估目标', c.targets.assessed);
  item('红色预警（一级）', c.targets.red);
  item('黄色预警（二级）', c.targets.yellow);
  item('绿色（三级，达到进度要求）', c.targets.green);
  item('未评估（无数据或无基准）', c.targets.unassessed);
  section('三、重点任务进展');
  item('任务总数', c.tasks.total);
  item('已完成', c.tasks.completed);
  item('进行中', c.tasks.in_progress);
  item('未开始', c.tasks.not_started);
  item('逾期未完成', c.tasks.overdue);
  section('四、上下级目标衔接');
  item('上级方案', e.consistency ? `${e.consistency.higherPlan.title}（${e.consistency.higherPlan.regionName}）` : '无（本地区以上无已印发方案）');
  item('需关注项', c.consistencyFlags);
  section('颜色说明');
  const legend: Array<[keyof typeof LEVEL_FILL, string]> = [
    ['red', '指标变化方向与目标相反（如能耗强度不降反升；总量超过上限）'],
    ['yellow', '未达到进度要求（落后于本年度应达值；接近上限）'],
    ['green', '达到进度要求'],
  ];
  for (const [level, text] of legend) {
    const row = dataRow(ws, [{ v: `${LEVEL_COLOUR_ZH[level]}（${{ red: '一级预警', yellow: '二级预警', green: '三级预警' }[level]}）`, center: true }, { v: text }]);
    row.getCell(1).fill = fill(LEVEL_FILL[level]);
    row.getCell(1).font = { name: BODY_FONT, size: 10, bold: true, color: { argb: LEVEL_FONT[level] } };
  }
}

function targetSheet(wb: ExcelJS.Workbook, e: Evaluation, date: Date) {
  const ws = sheet(wb, SHEET_NAMES[1], [6, 28, 9, 20, 8, 14, 11, 12, 11, 11, 17, 48], 2);
  titles(ws, TARGET_HEADERS.length, `${e.plan.title}目标完成情况（${e.year}年度）`, `${e.plan.regionName}　导出日期：${chinaDate(date)}`);
  headerRow(ws, TARGET_HEADERS);
  e.targets.forEach((t, i) => {
    // One decimal more than the data has, at most four; four for values below 1 (能耗强度 0.5293).
    const shown = [t.baselineValue, t.observed?.value, t.expected].filter((v): v is number => v != null);
    const small = shown.length > 0 && shown.every((v) => Math.abs(v) < 1);
    const d = small ? 4 : Math.min(4, Math.max(1, Math.max(decimals(t.baselineValue), decimals(t.observed?.value), t.kind === 'reduction' ? 0 : decimals(t.value)) + 1));
    const fmt = fixed(d);
    const p = t.progress;
    const row = dataRow(ws, [
      { v: i + 1, center: true }, { v: t.main ? `${t.indicatorName}（主要目标）` : t.indicatorName },
      { v: t.year, fmt: '0', center: true }, { v: targetFormat(t) ? t.value : t.targetZh, fmt: targetFormat(t), center: true },
      { v: t.baselineYear, fmt: '0', center: true }, { v: t.valueUnit ?? '', center: true },
      { v: t.baselineValue, fmt }, { v: t.expected, fmt }, { v: t.observed?.value ?? null, fmt },
      { v: p ? p.gap : null, fmt: `+${fmt};-${fmt};${fmt}` },
      { v: p ? `${LEVEL_COLOUR_ZH[p.level]}（${p.levelZh}）` : '未评估', center: true }, { v: t.noteZh },
    ]);
    if (p) {
      row.getCell(11).fill = fill(LEVEL_FILL[p.level]);
      row.getCell(11).font = { name: BODY_FONT, size: 10, bold: true, color: { argb: LEVEL_FONT[p.level] } };
    }
  });
}

function taskSheet(wb: ExcelJS.Workbook, e: Evaluation, date: Date) {
  const ws = sheet(wb, SHEET_NAMES[2], [6, 26, 50, 26, 30, 10, 9, 9], 1);
  const c = e.counts.tasks;
  titles(ws, TASK_HEADERS.length, `${e.plan.title}重点任务进展（${e.year}年度）`,
    `共${c.total}项：已完成${c.completed}项，进行中${c.in_progress}项，未开始${c.not_started}项，逾期${c.overdue}项　导出日期：${chinaDate(date)}`);
  headerRow(ws, TASK_HEADERS);
  let i = 0;
  for (const a of e.actions) {
    for (const t of a.tasks) {
      const row = dataRow(ws, [
        { v: ++i, center: true }, { v: `${a.number}${a.title}` }, { v: `${t.number ?? ''}${t.title}` }, { v: t.lead.join('、') },
        { v: t.cooperating.join('、') }, { v: t.deadline, fmt: '0"年"', center: true }, { v: t.statusZh, center: true },
        { v: t.overdue ? '是' : '否', center: true },
      ]);
      if (t.overdue) row.getCell(8).font = { name: BODY_FONT, size: 10, bold: true, color: { argb: 'FFC00000' } };
    }
  }
}

function consistencySheet(wb: ExcelJS.Workbook, e: Evaluation) {
  const ws = sheet(wb, SHEET_NAMES[3], [6, 28, 9, 22, 22, 16, 10, 60], 2);
  const h = e.consistency?.higherPlan;
  titles(ws, CONSISTENCY_HEADERS.length, `${e.plan.regionName}目标与上级目标衔接情况`,
    h ? `上级方案：${h.title}（${h.regionName}）` : '本地区以上无已印发的碳达峰实施方案，未做上下级衔接检查');
  headerRow(ws, CONSISTENCY_HEADERS);
  (e.consistency?.findings ?? []).forEach((f, i) => {
    const row = dataRow(ws, [
      { v: i + 1, center: true }, { v: f.indicatorName }, { v: f.year, fmt: '0', center: true }, { v: f.higher.targetZh },
      { v: f.lower ? `${f.lower.targetZh}${f.lower.year !== null && f.lower.year !== f.year ? `（${f.lower.year}年）` : ''}` : '未设置' },
      { v: f.statusZh, center: true }, { v: f.flagged ? '是' : '否', center: true }, { v: f.reasonZh },
    ]);
    if (f.flagged) for (const col of [6, 7]) row.getCell(col).fill = fill(FLAG_FILL);
  });
}


/** The evaluation workbook (.xlsx bytes). `date` is the export date shown and stamped into the file. */
export async function evaluationWorkbook(e: Evaluation, date: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '双碳平台 Shuangtan';
  wb.lastModifiedBy = '双碳平台 Shuangtan';
  wb.created = date;
  wb.modified = date;
  wb.title = `${e.plan.title}${e.year}年度评估`;
  coverSheet(wb, e, date);
  targetSheet(wb, e, date);
  taskSheet(wb, e, date);
  consistencySheet(wb, e);
  return stampZip(Buffer.from(await wb.xlsx.writeBuffer()), date);
}
