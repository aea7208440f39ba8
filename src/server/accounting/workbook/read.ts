import type ExcelJS from 'exceljs';
import { DomainError, type Issue } from '../../../core/errors.ts';
import { issuesError } from '../../../core/validation.ts';
import { REGIONAL_SCHEMA_ID } from '../../../core/accounting/index.ts';
import {
  BALANCE_COLS, CHOICE_COLS, ECONOMY_ROWS, FOREST_COLS, GENERATION_COLS, INFO_ROWS, METHOD_ROWS, PROCESS_COLS, SHEET, VOLUME_FIELDS, type Col, type KvRow,
} from './layout.ts';
import { Locator, Problems, convert, put, readKv, readTable, where, type Loc } from './cells.ts';
import { loadWorkbook } from './xlsx.ts';

/** Reads the table sheet `name` into lines of the format under `prefix` (energyBalance, generation, …). */
function lines(wb: ExcelJS.Workbook, name: string, cols: Col[], prefix: string, loc: Locator, p: Problems): Record<string, unknown>[] {
  return readTable(wb.getWorksheet(name), cols).map((tr, i) => {
    const line: Record<string, unknown> = {};
    const path = `${prefix}.${i}`;
    loc.set(path, { sheet: name, row: tr.row, col: null });
    let volumeUnit: { v: string; at: Loc } | undefined;
    for (const col of cols) {
      const cell = tr.cells.get(col.field);
      if (!cell || col.field === 'no') continue;
      loc.set(`${path}.${col.field}`, cell.loc);
      if (col.field.endsWith('.value')) loc.set(`${path}.${col.field.slice(0, -6)}`, cell.loc);
      if (col.percent) loc.set(`${path}.${col.field.slice(0, -6)}.unit`, cell.loc);
      const v = convert(cell.v, { ...col, type: col.type ?? 'text' }, cell.loc, p);
      if (v === undefined) continue;
      if (col.field === 'volumeUnit') volumeUnit = { v: String(v), at: cell.loc };
      else if (col.percent) put(line, col.field.slice(0, -6), { value: v, unit: '%' });
      else put(line, col.field, v);
    }
    for (const f of VOLUME_FIELDS) {
      if (volumeUnit) loc.set(`${path}.${f}.unit`, volumeUnit.at);
      const q = line[f] as { value: number; unit?: string } | undefined;
      if (q && volumeUnit) q.unit = volumeUnit.v;
    }
    return line;
  });
}

/** Reads a key–value sheet into the balance; quantities take their unit from column C. */
function kv(wb: ExcelJS.Workbook, name: string, rows: KvRow[], out: Record<string, unknown>, loc: Locator, p: Problems) {
  const found = readKv(wb.getWorksheet(name), rows);
  const allow: string[] = [];
  for (const r of rows) {
    const cell = found.get(r.path);
    if (!cell) continue;
    const at = (col: string): Loc => ({ sheet: name, row: cell.row, col });
    const policy = /^method\.factorPolicy\.allow\.(.+)$/.exec(r.path);
    const path = policy ? 'method.factorPolicy.allow' : r.path;
    loc.set(path, at('B'));
    // a group's first row stands for the group (method.electricityFactor → its series row)
    path.split('.').slice(0, -1).forEach((_, n, parts) => loc.set(parts.slice(0, n + 1).join('.'), at('B')));
    if (r.unit) {
      loc.set(`${path}.value`, at('B'));
      loc.set(`${path}.unit`, at('C'));
      const value = convert(cell.value, { type: 'number', header: r.label }, at('B'), p);
      if (value !== undefined) put(out, path, { value, unit: cell.unit === undefined ? undefined : String(cell.unit) });
      continue;
    }
    const v = convert(cell.value, { list: r.list, type: r.type ?? 'text', header: r.label }, at('B'), p);
    if (v === undefined) continue;
    if (policy) {
      if (v === true) allow.push(policy[1]);
    } else if (r.path === 'method.factorPolicy.allowRefs') {
      const refs = String(v).split(/[;；\n]+/).map((s) => s.trim()).filter(Boolean);
      if (refs.length) put(out, path, refs);
    } else {
      put(out, path, v);
    }
  }
  if (allow.length) put(out, 'method.factorPolicy.allow', allow);
}

export interface ReadBalance {
  balance: Record<string, unknown>;
  locator: Locator;
}

/**
 * Reads a filled template into `shuangtan.regional-balance/1`. Only the reading is checked here (sheets, words
 * of the drop-downs, numbers); the balance is validated by the core, and `locate` turns its errors into cells.
 */
export async function readBalanceWorkbook(buf: Buffer, field = 'file'): Promise<ReadBalance> {
  const wb = await loadWorkbook(buf, field);
  const p = new Problems();
  const loc = new Locator();
  const missing = [SHEET.info, SHEET.balance, SHEET.economy, SHEET.method].filter((s) => !wb.getWorksheet(s));
  if (missing.length) {
    throw new DomainError('workbook_incomplete', {
      field, zh: `${field}：工作簿缺少工作表：${missing.map((s) => `“${s}”`).join('、')}（请使用平台提供的模板）`,
      en: `${field}: the workbook lacks the sheet(s) ${missing.map((s) => `"${s}"`).join(', ')} (use the platform's template)`,
    });
  }
  const b: Record<string, unknown> = { schema: REGIONAL_SCHEMA_ID };
  kv(wb, SHEET.info, INFO_ROWS, b, loc, p);
  b.energyBalance = lines(wb, SHEET.balance, BALANCE_COLS, 'energyBalance', loc, p);
  b.generation = lines(wb, SHEET.generation, GENERATION_COLS, 'generation', loc, p);
  b.process = lines(wb, SHEET.process, PROCESS_COLS, 'process', loc, p);
  const strata = lines(wb, SHEET.forest, FOREST_COLS, 'forest.strata', loc, p);
  if (strata.length) b.forest = { ...((b.forest as object | undefined) ?? {}), strata };
  else if (b.forest) (b.forest as Record<string, unknown>).strata = [];
  kv(wb, SHEET.economy, ECONOMY_ROWS, b, loc, p);
  kv(wb, SHEET.method, METHOD_ROWS, b, loc, p);
  const method = (b.method ?? {}) as Record<string, unknown>;
  const forest = method.forest as Record<string, unknown> | undefined;
  if (forest && !forest.carbonFraction) forest.carbonFraction = {};
  const choices = lines(wb, SHEET.choices, CHOICE_COLS, 'choices', loc, p);
  choices.forEach((c, i) => {
    const fuel = String(c.fuel ?? '');
    for (const [part, key] of [['coal', 'coalEquivalent'], ['param', 'fuelParameters']] as const) {
      if (!c[part]) continue;
      put(method, `${key}.${fuel}`, c[part]);
      loc.set(`method.${key}.${fuel}`, loc.find(`choices.${i}`)!);
      for (const f of Object.keys(c[part] as object)) loc.set(`method.${key}.${fuel}.${f}`, loc.find(`choices.${i}.${part}.${f}`)!);
    }
  });
  if (Object.keys(method).length) b.method = method;
  if (p.items.length) throw issuesError('invalid_input', p.items, { zh: '工作簿', en: 'workbook' });
  return { balance: b, locator: loc };
}

/** Which sheet a field of the balance lives in, when no cell is known. */
const SHEET_OF: Array<[RegExp, string]> = [
  [/^energyBalance/, SHEET.balance], [/^generation/, SHEET.generation], [/^process/, SHEET.process], [/^forest\.strata/, SHEET.forest],
  [/^economy/, SHEET.economy], [/^method\.(coalEquivalent|fuelParameters)/, SHEET.choices], [/^method/, SHEET.method],
];

/** The message after the field name the core put in front of it (`energyBalance.3.fuel（…）：未知燃料…`). */
const body = (s: string, field: string, sep: string) => (s.startsWith(field) && s.includes(sep) ? s.slice(s.indexOf(sep) + sep.length) : s);

/** Re-words a core error about a balance read from a workbook so that each issue names its sheet, row and column. */
export function locate(e: DomainError, loc: Locator): DomainError {
  const issues: Issue[] = e.issues.map((i) => {
    const l = i.field ? loc.find(i.field) : undefined;
    if (l) {
      const w = where(l);
      return { field: w.field, zh: `${w.zh}：${body(i.zh, i.field!, '：')}`, en: `${w.en}: ${body(i.en, i.field!, ': ')}` };
    }
    const sheet = SHEET_OF.find(([re]) => i.field && re.test(i.field))?.[1] ?? SHEET.info;
    return { field: i.field, zh: `${sheet}：${i.zh}`, en: `sheet ${sheet}: ${i.en}` };
  });
  return issuesError(e.code, issues, { zh: '工作簿', en: 'workbook' });
}
