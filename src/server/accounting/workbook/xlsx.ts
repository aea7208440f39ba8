import ExcelJS from 'exceljs';
import { DomainError } from '../../../core/errors.ts';

/** Small exceljs helpers shared by the template writer and reader. */

export type CellValue = string | number | undefined;

/** A cell as text or number: formulas give their cached result, rich text its plain text, blanks undefined. */
export function cellValue(cell: ExcelJS.Cell): CellValue {
  let v: unknown = cell.value;
  if (v && typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown };
    if ('result' in o) v = o.result;
    else if (o.richText) v = o.richText.map((t) => t.text).join('');
    else if (typeof o.text === 'string') v = o.text;
    else if (v instanceof Date) v = v.toISOString().slice(0, 10);
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  return undefined;
}

/** Column letter of a 1-based index (1 → A, 27 → AA). */
export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A drop-down (or a range check) on a rectangle of cells. exceljs keeps sheet validations by address. */
export function addValidation(ws: ExcelJS.Worksheet, range: string, v: ExcelJS.DataValidation) {
  (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, v);
}

export async function loadWorkbook(buf: Buffer, field = 'file'): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new DomainError('file_unreadable', {
      field, zh: `${field}：不是有效的 Excel 工作簿（.xlsx）：${(e as Error).message}`, en: `${field}: not a valid Excel workbook (.xlsx): ${(e as Error).message}`,
    });
  }
  return wb;
}

