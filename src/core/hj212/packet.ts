/**
 * Data segment → typed packet (HJ 212-2017 §6.3.2 Table 3; digest A.5–A.8).
 * `QN=…;ST=…;CN=…;PW=…;MN=…;Flag=…;[PNUM=…;PNO=…;]CP=&&…&&`
 *
 * The frame (length, CRC) is checked strictly before this runs; here the content is read tolerantly: field
 * order is free, header keys match case-insensitively, PW/MN lengths are never enforced, unknown CNs and
 * keys are kept. Oddities become `warnings`. Only three things fail: an empty segment, no `CP=`, no `CN`.
 */
import { AMP, fromUtf8, utf8 } from './bytes.ts';
import { commandCode } from './codes.ts';
import { interpretItems, setOwn, tokenizeCp, type CpItem, type FactorReading } from './cp.ts';
import { canonicalHeaderKey } from './fields.ts';
import { decodeFlag, type FlagInfo, type ProtocolVersion } from './flag.ts';
import { hjIssue, type Hj212Issue, type Result } from './issues.ts';

export interface Packet {
  qn?: string;
  st?: string;
  cn: string;
  pw?: string;
  mn?: string;
  /** absent in many HJ/T 212-2005 packets */
  flag?: FlagInfo;
  /** from the Flag version bits; a packet without Flag is HJ/T 212-2005 (digest A.6) */
  version: ProtocolVersion;
  /** set when PNUM and PNO are present and valid */
  subpacket?: { pnum: number; pno: number };
  /** every header field as received (values trimmed; standard key spelling where recognised) */
  header: Record<string, string>;
  /** the CP data area between `CP=&&` and the last `&&`, untouched */
  cpRaw: string;
  items: CpItem[];
  params: Record<string, string>;
  dataTime?: string;
  factors: FactorReading[];
  warnings: Hj212Issue[];
}

export interface ParseOptions {
  /**
   * HJ 212-2025 may encrypt the data segment (digest A.13; cipher unknown). When given, the raw CP bytes and
   * the already-parsed header are passed through this hook before the CP is read.
   */
  decryptCp?: (cp: Uint8Array, header: Readonly<Record<string, string>>) => Uint8Array | string;
}

/** Parses a data segment (as text, or as the frame's bytes). Never throws on wire input. */
export function parsePacket(segment: string | Uint8Array, options: ParseOptions = {}): Result<Packet> {
  // Decoded once; the header and CP are slices of it. The delimiters looked for (`;`, `CP=`, `&&`) are ASCII,
  // so they sit at the same places in the text as in the bytes, and decoding the whole equals decoding the
  // pieces (an invalid byte sequence cannot span an ASCII byte). A string goes through UTF-8 and back so that
  // a lone surrogate is reported as invalid UTF-8, as in bytes.
  const text = fromUtf8(typeof segment === 'string' ? utf8(segment) : segment);
  if (text.trim() === '') return fail(hjIssue('empty_segment'));
  const warnings: Hj212Issue[] = [];

  const cpAt = findCp(text);
  if (cpAt < 0) return fail(hjIssue('no_cp'));
  const headerText = text.slice(0, cpAt);
  const header = parseHeader(headerText, warnings);
  const cn = header.CN;
  if (cn === undefined || cn === '') return fail(hjIssue('missing_cn', undefined, 'CN'));

  const cut = cutCp(text, cpAt, warnings);
  if (cut.close + 2 < text.length) warnings.push(hjIssue('trailing_after_cp', text.slice(cut.close + 2).slice(0, 48)));
  let cpRaw = text.slice(cut.open, cut.close);
  if (options.decryptCp) {
    // The hook needs the CP's bytes: the same cut, over the bytes.
    const bytes = typeof segment === 'string' ? utf8(segment) : segment;
    const b = cutCp(bytes, findCp(bytes), []);
    const plain = options.decryptCp(bytes.subarray(b.open, b.close), header);
    cpRaw = typeof plain === 'string' ? plain : fromUtf8(plain);
  }
  if (headerText.includes('\uFFFD') || cpRaw.includes('\uFFFD')) warnings.push(hjIssue('invalid_utf8'));

  const packet: Packet = { cn, version: '2005', header, cpRaw, items: [], params: {}, factors: [], warnings };
  readHeaderFields(packet, warnings);
  const content = interpretItems(tokenizeCp(cpRaw, warnings), warnings);
  packet.items = content.items;
  packet.params = content.params;
  packet.factors = content.factors;
  if (content.dataTime !== undefined) packet.dataTime = content.dataTime;
  return { ok: true, value: packet };
}

export function findFactor(packet: Packet, code: string): FactorReading | undefined {
  return packet.factors.find((f) => f.code === code);
}

function fail(issue: Hj212Issue): Result<Packet> {
  return { ok: false, errors: [issue] };
}

/** Character (or byte) `i` of the segment: the cuts below work on the decoded text and on the raw bytes alike. */
function at(s: string | Uint8Array, i: number): number {
  return typeof s === 'string' ? s.charCodeAt(i) : s[i];
}

/** Index of the `CP=` that starts a field (at 0 or after `;`), matched case-insensitively. */
function findCp(s: string | Uint8Array): number {
  for (let i = 0; i + 2 < s.length; i++) {
    if ((at(s, i) | 0x20) === 0x63 && (at(s, i + 1) | 0x20) === 0x70 && at(s, i + 2) === 0x3d) {
      let k = i - 1;
      while (k >= 0 && at(s, k) === 0x20) k--;
      if (k < 0 || at(s, k) === 0x3b) return i;
    }
  }
  return -1;
}

/**
 * Where the CP data lies: after `CP=&&`, up to the LAST `&&` of the segment (digest A.5). `close` is `length`
 * when there is no closing `&&` (then nothing trails it); otherwise what follows `close + 2` trails the CP.
 */
function cutCp(s: string | Uint8Array, cpAt: number, warnings: Hj212Issue[]): { open: number; close: number } {
  if (at(s, cpAt) !== 0x43 || at(s, cpAt + 1) !== 0x50) warnings.push(hjIssue('key_case', 'CP', 'CP'));
  let open = cpAt + 3;
  if (at(s, open) === AMP && at(s, open + 1) === AMP) open += 2;
  else warnings.push(hjIssue('cp_unterminated', { zh: 'CP= 之后不是 &&', en: 'CP= is not followed by &&' }));
  for (let i = s.length - 2; i >= open; i--) {
    if (at(s, i) === AMP && at(s, i + 1) === AMP) return { open, close: i };
  }
  warnings.push(hjIssue('cp_unterminated'));
  return { open, close: s.length };
}

/** Header fields `key=value` separated by `;` (read with indexOf: this runs for every packet). */
function parseHeader(text: string, warnings: Hj212Issue[]): Record<string, string> {
  const header: Record<string, string> = {};
  for (let from = 0; from <= text.length; ) {
    let end = text.indexOf(';', from);
    if (end < 0) end = text.length;
    const part = text.slice(from, end);
    from = end + 1;
    const eq = part.indexOf('=');
    if (eq < 0) {
      const t = part.trim();
      if (t) warnings.push(hjIssue('item_without_equals', t));
      continue;
    }
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    const canon = canonicalHeaderKey(key);
    if (!canon) warnings.push(hjIssue('unknown_header_key', key, key));
    else if (canon !== key) warnings.push(hjIssue('key_case', `${key} → ${canon}`, key));
    const name = canon ?? key;
    if (Object.hasOwn(header, name)) warnings.push(hjIssue('duplicate_key', name, name));
    setOwn(header, name, value);
  }
  return header;
}

function readHeaderFields(p: Packet, warnings: Hj212Issue[]): void {
  const h = p.header;
  if (!/^\d{4}$/.test(p.cn)) warnings.push(hjIssue('bad_cn', p.cn, 'CN'));
  else if (!commandCode(p.cn)) warnings.push(hjIssue('unknown_cn', p.cn, 'CN'));
  if (h.QN !== undefined) {
    p.qn = h.QN;
    if (!/^\d{17}$/.test(h.QN)) warnings.push(hjIssue('bad_qn', h.QN, 'QN'));
  }
  if (h.ST !== undefined) p.st = h.ST;
  if (!/^[0-9A-Z]{2}$/.test(h.ST ?? '')) warnings.push(hjIssue('bad_st', h.ST ?? '—', 'ST'));
  if (h.PW !== undefined) p.pw = h.PW;
  if (h.MN !== undefined && h.MN !== '') p.mn = h.MN;
  else warnings.push(hjIssue('missing_mn', undefined, 'MN'));

  if (h.Flag !== undefined) {
    const value = /^\d{1,3}$/.test(h.Flag) ? Number(h.Flag) : NaN;
    if (value >= 0 && value <= 255) {
      p.flag = decodeFlag(value);
      p.version = p.flag.version;
      if (p.version === 'unknown') warnings.push(hjIssue('unknown_version', String(p.flag.versionBits), 'Flag'));
    } else {
      warnings.push(hjIssue('bad_flag', h.Flag, 'Flag'));
    }
  }

  const { PNUM: pnumText, PNO: pnoText } = h;
  if (pnumText !== undefined || pnoText !== undefined) {
    const pnum = /^\d{1,4}$/.test(pnumText ?? '') ? Number(pnumText) : 0;
    const pno = /^\d{1,4}$/.test(pnoText ?? '') ? Number(pnoText) : 0;
    if (pnum >= 1 && pno >= 1 && pno <= pnum) {
      p.subpacket = { pnum, pno };
      if (p.flag && !p.flag.hasSubpackets) warnings.push(hjIssue('subpacket_without_d', undefined, 'Flag'));
    } else {
      warnings.push(hjIssue('bad_subpacket', `PNUM=${pnumText ?? '—'}, PNO=${pnoText ?? '—'}`, 'PNUM'));
    }
  } else if (p.flag?.hasSubpackets) {
    warnings.push(hjIssue('subpacket_fields_missing', undefined, 'Flag'));
  }
}
