import { DomainError } from '../errors.ts';
import { baseDimension, DIMENSIONLESS, divideDimensions, type Dimension } from './dimensions.ts';
import { ATOMIC_UNITS, WORD_PREFIXES, type AtomicUnit } from './unit-table.ts';

/** A parsed unit: its dimension and the factor to the base unit of that dimension. */
export interface ParsedUnit {
  /** the unit as written (trimmed) */
  readonly text: string;
  readonly dimension: Dimension;
  /** value_in_base = value × scale */
  readonly scale: number;
}

const EXACT = new Map<string, AtomicUnit>();
/**
 * Spellings matched only exactly: in Chinese documents "MT" often means a metric ton, not a megatonne,
 * and "GG" is nothing — so mega-tonnes and gigagrams must be written Mt / Gg.
 */
const EXACT_ONLY = new Set(['Mt', 'MtCO2', 'MtCO2e', 'Gg', 'GgCO2', 'GgC', 'kt']);
const FOLDED = new Map<string, AtomicUnit | 'ambiguous'>();
for (const u of ATOMIC_UNITS) {
  for (const n of u.names) {
    if (EXACT.has(n) && EXACT.get(n) !== u) throw new Error(`unit table: duplicate name ${n}`);
    EXACT.set(n, u);
    if (EXACT_ONLY.has(n)) continue;
    const f = n.toLowerCase();
    const prev = FOLDED.get(f);
    FOLDED.set(f, prev && prev !== u ? 'ambiguous' : u);
  }
}

/** The unit-table entry of one atomic unit name (no prefixes, no `/`). */
export function lookupUnit(name: string): AtomicUnit | undefined {
  const exact = EXACT.get(name);
  if (exact) return exact;
  const folded = FOLDED.get(name.toLowerCase());
  return folded && folded !== 'ambiguous' ? folded : undefined;
}

const SUPERSCRIPT: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-',
};

/** Full-width → half-width, 10⁴ → 10^4, m³ → m3, CO₂ → CO2, 每 → /, tidy spaces. */
export function normaliseUnitText(raw: string): string {
  let s = raw.trim().replace(/10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)/g, (_, sup: string) => `10^${[...sup].map((c) => SUPERSCRIPT[c]).join('')}`);
  s = s.normalize('NFKC');
  s = s.replace(/\u2212/g, '-').replace(/每/g, '/');
  s = s.replace(/\s*\/\s*/g, '/').replace(/\s+/g, ' ');
  return s;
}

const POWER_OF_TEN = /^(?:10\^\(?(-?\d+)\)?|10\*\*(-?\d+)|1e(-?\d+)|×10\^(-?\d+))\s*[·*×]?\s*/i;

function parseTerm(term: string): { dimension: Dimension; scale: number } | null {
  let text = term.trim();
  let factor = 1;
  const p = POWER_OF_TEN.exec(text);
  if (p) {
    factor = 10 ** Number(p[1] ?? p[2] ?? p[3] ?? p[4]);
    text = text.slice(p[0].length).trim();
  }
  const atom = (name: string) => {
    const u = lookupUnit(name);
    return u ? { dimension: u.dimension ? baseDimension(u.dimension) : DIMENSIONLESS, scale: u.scale } : null;
  };
  // Chinese counting prefixes may stack: 万 + 百万千焦 (万百万千焦 = 10⁴ GJ, the statistics' heat unit)
  let prefixFactor = 1;
  let rest = text;
  for (let depth = 0; depth < 3; depth++) {
    const hit = atom(rest);
    if (hit) return { dimension: hit.dimension, scale: hit.scale * prefixFactor * factor };
    const prefix = WORD_PREFIXES.find((x) => rest.startsWith(x.text) && rest.length > x.text.length);
    if (!prefix) break;
    prefixFactor *= prefix.factor;
    rest = rest.slice(prefix.text.length).trim();
  }
  // "10^4" alone (a pure number) is a dimensionless factor
  if (p && text === '') return { dimension: DIMENSIONLESS, scale: factor };
  return null;
}

function unknownUnit(raw: string, field: string | undefined): DomainError {
  const at = field ? `${field}：` : '';
  const atEn = field ? `${field}: ` : '';
  return new DomainError('unit_unknown', {
    field,
    zh: `${at}无法识别的单位“${raw}”（可用如 t、万吨、m3、万立方米、亿立方米、kWh、万千瓦时、GJ、tce、万吨标准煤、tCO2、万吨CO2e、GJ/t、tC/TJ）`,
    en: `${atEn}unknown unit "${raw}" (e.g. t, 万吨, m3, 万立方米, 亿立方米, kWh, 万千瓦时, GJ, tce, 万吨标准煤, tCO2, 万吨CO2e, GJ/t, tC/TJ)`,
  });
}

export function missingUnit(field: string | undefined): DomainError {
  const at = field ? `${field}：` : '';
  const atEn = field ? `${field}: ` : '';
  return new DomainError('unit_missing', { field, zh: `${at}缺少单位（数量必须带单位）`, en: `${atEn}missing unit (a quantity must carry a unit)` });
}

/**
 * Parses a unit written in Chinese or English notation: `万吨`, `t`, `10^4 Nm3`, `GJ/10⁴Nm³`,
 * `亿千瓦时`, `kgCO2/kWh`, `tC/TJ`, `吨标准煤/万元`, `%`. At most one `/`.
 * Throws `unit_missing` for an empty unit and `unit_unknown` for anything not in the unit table.
 */
export function parseUnit(raw: unknown, field?: string): ParsedUnit {
  if (typeof raw !== 'string' || raw.trim() === '') throw missingUnit(field);
  const s = normaliseUnitText(raw);
  const parts = s.split('/');
  if (parts.length > 2 || parts.some((x) => x.trim() === '')) throw unknownUnit(raw, field);
  const num = parseTerm(parts[0]);
  if (!num) throw unknownUnit(raw, field);
  if (parts.length === 1) return Object.freeze({ text: raw.trim(), dimension: num.dimension, scale: num.scale });
  const den = parseTerm(parts[1]);
  if (!den) throw unknownUnit(raw, field);
  return Object.freeze({ text: raw.trim(), dimension: divideDimensions(num.dimension, den.dimension), scale: num.scale / den.scale });
}

/** True when `raw` parses; never throws. */
export function isKnownUnit(raw: unknown): boolean {
  try {
    parseUnit(raw);
    return true;
  } catch {
    return false;
  }
}
