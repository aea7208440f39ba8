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

/**
 * Sets the modification time of every zip entry to `date` (China time), so that the same content always gives
 * the same bytes (exceljs stamps the clock into the zip otherwise).
 */
export function stampZip(buf: Buffer, date: Date): Buffer {
  const c = new Date(date.getTime() + 8 * 3600_000);
  const time = (c.getUTCHours() << 11) | (c.getUTCMinutes() << 5) | (c.getUTCSeconds() >> 1);
  const day = ((Math.max(1980, c.getUTCFullYear()) - 1980) << 9) | ((c.getUTCMonth() + 1) << 5) | c.getUTCDate();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return buf;
  let p = buf.readUInt32LE(end + 16);
  for (let n = buf.readUInt16LE(end + 10); n > 0 && buf.readUInt32LE(p) === 0x02014b50; n--) {
    buf.writeUInt16LE(time, p + 12);
    buf.writeUInt16LE(day, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) === 0x04034b50) {
      buf.writeUInt16LE(time, local + 10);
      buf.writeUInt16LE(day, local + 12);
    }
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}
