import { DomainError } from '../../../core/errors.ts';
import { HttpError } from '../../http/errors.ts';
import { Locator } from './cells.ts';
import { locate, readBalanceWorkbook } from './read.ts';

/** A balance file as the API and the CLI accept it: the Excel template (.xlsx) or the JSON format. */
export async function readBalanceFile(name: string, buf: Buffer, field = 'file'): Promise<{ balance: Record<string, unknown>; locator: Locator | null }> {
  if (/\.xlsx$/i.test(name)) return readBalanceWorkbook(buf, field);
  if (/\.json$/i.test(name)) return { balance: parseJsonFile(name, buf, field), locator: null };
  throw new DomainError('file_type', { field, zh: `${field}：只接受 Excel 模板（.xlsx）或 JSON（.json）文件，而不是“${name}”`, en: `${field}: only the Excel template (.xlsx) or JSON (.json) is accepted, not "${name}"` });
}

export function parseJsonFile(name: string, buf: Buffer, field = 'file'): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(buf.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new DomainError('file_unreadable', { field, zh: `${field}：${name} 不是有效的 JSON：${(e as Error).message}`, en: `${field}: ${name} is not valid JSON: ${(e as Error).message}` });
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    throw new DomainError('file_unreadable', { field, zh: `${field}：${name} 应为一个 JSON 对象`, en: `${field}: ${name} must hold one JSON object` });
  }
  return v as Record<string, unknown>;
}

/** Runs a computation on a balance read from a workbook; its validation errors then name sheet, row and column. */
export async function located<T>(locator: Locator | null, fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (locator && e instanceof DomainError && (!(e instanceof HttpError) || e.status === 400)) throw locate(e, locator);
    throw e;
  }
}
