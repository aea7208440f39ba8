import type ExcelJS from 'exceljs';
import type { Issue } from '../../../core/errors.ts';
import { LISTS, OPEN_LISTS, choiceId, type Col, type KvRow } from './layout.ts';
import { cellValue, colLetter, type CellValue } from './xlsx.ts';

/** A cell of the workbook that a field of the balance came from. `col` null = the whole row. */
export interface Loc { sheet: string; row: number; col: string | null }

/** Field path of the balance → the cell it was read from, so that every error names sheet, row and column. */
export class Locator {
  private readonly map = new Map<string, Loc>();
  set(path: string, loc: Loc) {
    if (!this.map.has(path)) this.map.set(path, loc);
  }
  /** The cell of a path, or of its nearest ancestor that has one. */
  find(path: string): Loc | undefined {
    const parts = path.split('.');
    for (let n = parts.length; n > 0; n--) {
      const hit = this.map.get(parts.slice(0, n).join('.'));
      if (hit) return hit;
    }
    return undefined;
  }
}

export const where = (l: Loc) => ({
  zh: `${l.sheet} 第${l.row}行${l.col ? ` ${l.col}列` : ''}`,
  en: `sheet ${l.sheet}, row ${l.row}${l.col ? `, column ${l.col}` : ''}`,
  field: l.col ? `${l.sheet}!${l.col}${l.row}` : `${l.sheet}!${l.row}:${l.row}`,
});

/** Collects reader problems with their cell. */
export class Problems {
  readonly items: Issue[] = [];
  add(l: Loc, zh: string, en: string) {
    const w = where(l);
    this.items.push({ field: w.field, zh: `${w.zh}：${zh}`, en: `${w.en}: ${en}` });
  }
}

/** Sets a value at a dotted path, creating objects on the way. */
export function put(o: Record<string, unknown>, path: string, v: unknown) {
  const parts = path.split('.');
  let cur = o;
  for (const k of parts.slice(0, -1)) {
    if (cur[k] === undefined || cur[k] === null || typeof cur[k] !== 'object') cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = v;
}

/** A cell's value as the format wants it: ids for listed words, numbers for number columns; problems recorded. */
export function convert(v: CellValue, spec: { list?: Col['list']; type?: 'number' | 'int' | 'text'; header: string }, loc: Loc, p: Problems): unknown {
  if (v === undefined) return undefined;
  if (spec.type === 'number' || spec.type === 'int') {
    const n = typeof v === 'number' ? v : Number(v.replace(/[,，\s]/g, ''));
    if (typeof v === 'string' && (v.trim() === '' || !Number.isFinite(n))) {
      p.add(loc, `${spec.header}应为数字，而不是“${v}”`, `${spec.header} must be a number, not "${v}"`);
      return undefined;
    }
    if (spec.type === 'int' && !Number.isInteger(n)) {
      p.add(loc, `${spec.header}应为整数，而不是“${v}”`, `${spec.header} must be a whole number, not "${v}"`);
      return undefined;
    }
    return n;
  }
  const text = String(v);
  if (!spec.list || spec.list === 'fuel' || OPEN_LISTS.has(spec.list)) return text;
  const id = choiceId(spec.list, text);
  if (id === undefined) {
    const known = LISTS[spec.list].items.map((c) => c.zh);
    p.add(loc, `未知${spec.header}“${text}”（可选：${known.join('、')}）`, `unknown ${LISTS[spec.list].header} "${text}" (choose one of: ${known.join(', ')})`);
    return undefined;
  }
  return spec.list === 'yesNo' ? id === 'true' : id;
}

export interface TableRow { row: number; cells: Map<string, { v: CellValue; loc: Loc }> }

/** The non-empty data rows of a table sheet, each cell found by its column header (columns may be moved). */
export function readTable(ws: ExcelJS.Worksheet | undefined, cols: Col[]): TableRow[] {
  if (!ws) return [];
  const byHeader = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => {
    const h = cellValue(cell);
    if (typeof h === 'string' && !byHeader.has(h)) byHeader.set(h, n);
  });
  const out: TableRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = new Map<string, { v: CellValue; loc: Loc }>();
    for (const c of cols) {
      const n = byHeader.get(c.header);
      if (n === undefined) continue;
      cells.set(c.field, { v: cellValue(row.getCell(n)), loc: { sheet: ws.name, row: r, col: colLetter(n) } });
    }
    const filled = [...cells.entries()].some(([f, x]) => f !== 'no' && x.v !== undefined);
    if (filled) out.push({ row: r, cells });
  }
  return out;
}

/** A key–value sheet: label in column A → its value (B) and unit (C) with their cells. */
export function readKv(ws: ExcelJS.Worksheet | undefined, rows: KvRow[]): Map<string, { value: CellValue; unit: CellValue; row: number }> {
  const out = new Map<string, { value: CellValue; unit: CellValue; row: number }>();
  if (!ws) return out;
  const byLabel = new Map(rows.map((r) => [r.label, r]));
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const label = cellValue(row.getCell(1));
    const spec = typeof label === 'string' ? byLabel.get(label) : undefined;
    if (spec && !out.has(spec.path)) out.set(spec.path, { value: cellValue(row.getCell(2)), unit: cellValue(row.getCell(3)), row: r });
  }
  return out;
}
