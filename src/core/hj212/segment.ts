/**
 * Writes data segments: `QN=…;ST=…;CN=…;PW=…;MN=…;Flag=…;[PNUM=…;PNO=…;]CP=&&…&&` in the standard's field
 * order (Table 3). The low-level writer behind replies, host commands and uploads. Inputs are program data,
 * so anything that would break the framing throws (DomainError `hj212_encode_invalid`).
 */
import type { CpItem } from './cp.ts';
import { encodeError } from './issues.ts';

export interface SegmentHeader {
  qn?: string;
  st?: string;
  cn: string;
  pw?: string;
  mn?: string;
  flag?: number;
  pnum?: number;
  pno?: number;
}

const TOKEN = /^[^;,=&\r\n]*$/;
const KEY = /^[^;,=&\r\n\s]+$/;

function token(field: string, value: string): string {
  if (!TOKEN.test(value)) {
    throw encodeError(field, `值 "${value}" 含有 ; , = & 或换行`, `value "${value}" contains ; , = & or a line break`);
  }
  return value;
}

/** A CP value: plain (no separators) or `//text//` (text may hold ; , =, but not `//` or `&&`). */
export function cpValue(field: string, value: string): string {
  if (value.startsWith('//')) {
    const inner = value.slice(2, -2);
    if (value.length >= 4 && value.endsWith('//') && !inner.includes('//') && !/&&|[\r\n]/.test(inner)) return value;
    throw encodeError(field, `//…// 文本不合法：${value}`, `invalid //…// text: ${value}`);
  }
  return token(field, value);
}

export function cpKey(key: string): string {
  if (!KEY.test(key)) throw encodeError('CP', `字段名 "${key}" 不合法`, `invalid key "${key}"`);
  return key;
}

/** CP text from groups: items within a group joined by `,`, groups by `;`. */
export function cpText(groups: readonly (readonly CpItem[])[]): string {
  return groups
    .filter((g) => g.length > 0)
    .map((g) => g.map(([k, v]) => `${cpKey(k)}=${cpValue(k, v)}`).join(','))
    .join(';');
}

export function buildSegment(h: SegmentHeader, cp: string): string {
  if (cp.includes('&&')) throw encodeError('CP', 'CP 内容不能含 &&', 'CP content must not contain &&');
  const parts: string[] = [];
  if (h.qn !== undefined) parts.push(`QN=${token('QN', h.qn)}`);
  if (h.st !== undefined) parts.push(`ST=${token('ST', h.st)}`);
  parts.push(`CN=${token('CN', h.cn)}`);
  if (h.pw !== undefined) parts.push(`PW=${token('PW', h.pw)}`);
  if (h.mn !== undefined) parts.push(`MN=${token('MN', h.mn)}`);
  if (h.flag !== undefined) {
    if (!Number.isInteger(h.flag) || h.flag < 0 || h.flag > 255) throw encodeError('Flag', '须为 0–255 的整数', 'must be an integer 0-255');
    parts.push(`Flag=${h.flag}`);
  }
  if (h.pnum !== undefined || h.pno !== undefined) {
    const { pnum = 0, pno = 0 } = h;
    if (!Number.isInteger(pnum) || !Number.isInteger(pno) || pnum < 1 || pno < 1 || pno > pnum || pnum > 9999) {
      throw encodeError('PNUM', `PNUM=${pnum}, PNO=${pno} 无效`, `invalid PNUM=${pnum}, PNO=${pno}`);
    }
    parts.push(`PNUM=${pnum}`, `PNO=${pno}`);
  }
  parts.push(`CP=&&${cp}&&`);
  return parts.join(';');
}
