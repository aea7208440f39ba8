import ExcelJS from 'exceljs';
import { FUELS, lookupFuel, type RegionalBalanceInput } from '../../../core/accounting/index.ts';
import { valueIn, type Quantity } from '../../../core/units/index.ts';
import {
  BALANCE_COLS, CHOICE_COLS, ECONOMY_ROWS, FOREST_COLS, GENERATION_COLS, INFO_ROWS, LISTS, METHOD_ROWS, OPEN_LISTS, PROCESS_COLS, SHEET, TEMPLATE_DATE,
  VOLUME_FIELDS, choiceZh, type Col, type KvRow, type ListName,
} from './layout.ts';
import { GUIDE_LINES } from './guide.ts';
import { addValidation, colLetter } from './xlsx.ts';
import { stampZip } from '../../excel/zip-stamp.ts';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const FONT = '宋体';
/** Rows offered for filling below the data (each with its drop-downs). */
const SPARE_ROWS = 300;

/** The value at a dotted path. */
export function get(o: unknown, path: string): unknown {
  let cur = o;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

const listRange = (list: ListName) => {
  const col = colLetter(Object.keys(LISTS).indexOf(list) + 1);
  return `'${SHEET.lists}'!$${col}$2:$${col}$${LISTS[list].items.length + 1}`;
};

function validation(list: ListName): ExcelJS.DataValidation {
  const open = OPEN_LISTS.has(list);
  return {
    type: 'list', allowBlank: true, formulae: [listRange(list)], showErrorMessage: true, errorStyle: open ? 'warning' : 'stop',
    errorTitle: LISTS[list].header, error: open ? `不在常用${LISTS[list].header}列表中，请确认` : `请从下拉列表中选择${LISTS[list].header}`,
  };
}

function header(ws: ExcelJS.Worksheet, titles: string[], widths: number[]) {
  ws.columns = widths.map((width) => ({ width }));
  const row = ws.getRow(1);
  titles.forEach((t, i) => {
    const c = row.getCell(i + 1);
    c.value = t;
    c.font = { name: FONT, bold: true };
    c.fill = HEADER_FILL;
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  row.height = 30;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}

/** The cell value of one column for one line of the format (Chinese words for ids, % for fractions). */
function cellFor(line: Record<string, unknown>, col: Col, index: number, volumeUnit?: string): string | number | null {
  if (col.field === 'no') return index + 1;
  if (col.field === 'volumeUnit') return volumeUnit ?? null;
  if (col.percent) {
    const q = get(line, col.field.replace(/\.value$/, '')) as Quantity | undefined;
    return q ? valueIn(q, '%') : null;
  }
  const volume = VOLUME_FIELDS.find((f) => col.field === `${f}.value`);
  if (volume && volumeUnit) {
    const q = line[volume] as Quantity | undefined;
    return q ? valueIn(q, volumeUnit) : null;
  }
  const v = get(line, col.field);
  if (v === undefined || v === null) return null;
  if (col.list && typeof v !== 'number') return choiceZh(col.list, String(v));
  return typeof v === 'number' ? v : String(v);
}

function tableSheet(wb: ExcelJS.Workbook, name: string, cols: Col[], lines: Record<string, unknown>[], volumeUnits: (string | undefined)[] = []) {
  const ws = wb.addWorksheet(name);
  header(ws, cols.map((c) => c.header), cols.map((c) => c.width));
  lines.forEach((line, i) => {
    const row = ws.getRow(i + 2);
    cols.forEach((col, j) => {
      const v = cellFor(line, col, i, volumeUnits[i]);
      if (v !== null) row.getCell(j + 1).value = v;
    });
  });
  const last = Math.max(lines.length + 1, 1) + SPARE_ROWS;
  cols.forEach((col, j) => {
    const range = `${colLetter(j + 1)}2:${colLetter(j + 1)}${last}`;
    if (col.list) addValidation(ws, range, validation(col.list));
    else if (col.type === 'number') addValidation(ws, range, { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [-1e15], allowBlank: true, showErrorMessage: true, errorTitle: col.header, error: '请填写数字' });
  });
}

function kvValue(b: RegionalBalanceInput | null, r: KvRow): { value: string | number | null; unit: string | null } {
  if (!b) return { value: null, unit: r.unit ?? null };
  const allow = /^method\.factorPolicy\.allow\.(.+)$/.exec(r.path);
  if (allow) return { value: (b.method.factorPolicy?.allow ?? []).includes(allow[1] as 'disputed') ? '是' : '否', unit: null };
  const v = get(b, r.path);
  if (r.unit) {
    const q = v as Quantity | undefined;
    return { value: q ? q.value : null, unit: q ? q.unit : r.unit };
  }
  if (v === undefined || v === null) return { value: null, unit: null };
  if (Array.isArray(v)) return { value: v.join('；'), unit: null };
  if (r.list) return { value: choiceZh(r.list, String(v)), unit: null };
  return { value: typeof v === 'number' ? v : String(v), unit: null };
}

function kvSheet(wb: ExcelJS.Workbook, name: string, rows: KvRow[], b: RegionalBalanceInput | null) {
  const ws = wb.addWorksheet(name);
  header(ws, ['项目', '填写值', '单位', '说明'], [30, 30, 12, 60]);
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    const { value, unit } = kvValue(b, r);
    row.getCell(1).value = r.label;
    row.getCell(1).font = { name: FONT, bold: true };
    row.getCell(1).fill = LABEL_FILL;
    if (value !== null) row.getCell(2).value = value;
    if (unit !== null) row.getCell(3).value = unit;
    row.getCell(4).value = r.hint || null;
    if (r.list) addValidation(ws, `B${i + 2}`, validation(r.list));
    if (r.unit) addValidation(ws, `C${i + 2}`, validation('unit'));
  });
}

function listsSheet(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet(SHEET.lists);
  const names = Object.keys(LISTS) as ListName[];
  header(ws, names.map((n) => LISTS[n].header), names.map(() => 22));
  names.forEach((n, j) => LISTS[n].items.forEach((item, i) => { ws.getRow(i + 2).getCell(j + 1).value = item.zh; }));
}

function guideSheet(wb: ExcelJS.Workbook, b: RegionalBalanceInput | null) {
  const ws = wb.addWorksheet(SHEET.guide);
  ws.columns = [{ width: 120 }];
  const title = b ? `${b.region.name}${b.year}年能源平衡与温室气体清单输入表` : '区域能源平衡与温室气体清单输入表（模板）';
  ws.getRow(1).getCell(1).value = title;
  ws.getRow(1).getCell(1).font = { name: '黑体', size: 16, bold: true };
  GUIDE_LINES.forEach((line, i) => {
    const c = ws.getRow(i + 3).getCell(1);
    c.value = line;
    c.font = { name: FONT, bold: !line.startsWith(' ') && line.endsWith('：') };
    c.alignment = { wrapText: true, vertical: 'top' };
  });
}

/**
 * The Excel template of a regional balance: blank (null) or filled with a balance. Deterministic: the same
 * balance gives the same bytes (fixed document date, zip entries stamped with it).
 */
export async function balanceWorkbook(b: RegionalBalanceInput | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '双碳平台 Shuangtan';
  wb.lastModifiedBy = '双碳平台 Shuangtan';
  wb.created = TEMPLATE_DATE;
  wb.modified = TEMPLATE_DATE;
  wb.title = b ? `${b.region.name}${b.year}年能源平衡` : '区域能源平衡模板';
  guideSheet(wb, b);
  kvSheet(wb, SHEET.info, INFO_ROWS, b);
  const lines = (xs: readonly unknown[] | undefined) => (xs ?? []) as Record<string, unknown>[];
  tableSheet(wb, SHEET.balance, BALANCE_COLS, lines(b?.energyBalance));
  tableSheet(wb, SHEET.generation, GENERATION_COLS, lines(b?.generation));
  tableSheet(wb, SHEET.process, PROCESS_COLS, lines(b?.process));
  const strata = lines(b?.forest?.strata);
  tableSheet(wb, SHEET.forest, FOREST_COLS, strata, strata.map((s) => VOLUME_FIELDS.map((f) => (s[f] as Quantity | undefined)?.unit).find(Boolean)));
  kvSheet(wb, SHEET.economy, ECONOMY_ROWS, b);
  kvSheet(wb, SHEET.method, METHOD_ROWS, b);
  const coal = b?.method.coalEquivalent ?? {};
  const param = b?.method.fuelParameters ?? {};
  // in catalogue order whatever the order of the JSON keys (jsonb sorts them), so a stored balance writes the same bytes
  const rank = (f: string) => { const i = FUELS.findIndex((x) => x.id === lookupFuel(f)?.id); return i < 0 ? FUELS.length : i; };
  const fuels = [...new Set([...Object.keys(coal), ...Object.keys(param)])].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  tableSheet(wb, SHEET.choices, CHOICE_COLS, fuels.map((fuel) => ({ fuel, coal: coal[fuel], param: param[fuel] })));
  listsSheet(wb);
  return stampZip(Buffer.from(await wb.xlsx.writeBuffer()), TEMPLATE_DATE);
}
