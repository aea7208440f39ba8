import { lookupUnit, normaliseUnitText } from './parse.ts';
import { WORD_PREFIXES } from './unit-table.ts';

const POWER = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
const superscript = (n: number) => [...String(n)].map((d) => POWER[Number(d)]).join('');
/** Symbols of the table that are Chinese characters, and the counters plans use (家, 个 …). */
const WORDS: Record<string, string> = { 元: 'yuan', 人: 'persons', 亩: 'mu', 家: 'units', 个: 'units', 座: 'units', 辆: 'vehicles', 台: 'units', 项: 'items', 户: 'households', 套: 'sets', 处: 'sites' };

function term(text: string): string {
  let rest = text.trim();
  let exponent = 0;
  for (let depth = 0; depth < 3; depth++) {
    const u = lookupUnit(rest);
    const word = u ? (WORDS[u.symbol] ?? u.symbol.replace(/^m3$/, 'm³').replace(/^m2$/, 'm²').replace(/^km2$/, 'km²').replace(/^hm2$/, 'ha').replace(/CO2/, 'CO₂'))
      : WORDS[rest];
    if (word !== undefined) return exponent ? `10${superscript(exponent)} ${word}` : word;
    const prefix = WORD_PREFIXES.find((x) => rest.startsWith(x.text) && rest.length > x.text.length);
    if (!prefix) break;
    exponent += Math.round(Math.log10(prefix.factor));
    rest = rest.slice(prefix.text.length).trim();
  }
  return text;
}

/**
 * A unit as an English reader writes it: 万吨 → 10⁴ t, 吨标准煤/万元 → tce/10⁴ yuan, 亿千瓦时 → 10⁸ kWh,
 * 家 → units. What the unit table does not know is returned as written.
 */
export function unitInEnglish(raw: string | null | undefined): string {
  if (!raw) return '';
  const s = normaliseUnitText(raw);
  if (!/[^\x00-\x7F]/.test(s)) return s;
  const parts = s.split('/');
  const out = parts.map(term);
  return out.some((t, i) => t === parts[i] && /[^\x00-\x7F]/.test(t)) ? raw.trim() : out.join('/');
}
