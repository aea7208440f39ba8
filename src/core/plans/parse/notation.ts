/**
 * Finding the unit notation of a task paragraph: the bracketed group at its end
 * (`（X牵头，Y等按职责分工负责）`, `（责任单位：…）`, `［责任单位：…］`, a bare list of departments), also when
 * its closing bracket was lost to damaged text. Bracket-aware splitting helpers live here too.
 */

const OPEN = '（([［【〔';
const CLOSE = '）)]］】〕';

export interface FoundNotation {
  /** Range in the paragraph, brackets included. */
  start: number;
  end: number;
  /** Text between the brackets. */
  content: string;
  /** False when the closing bracket is missing (damaged or truncated text). */
  closed: boolean;
}

/** Splits on separator characters that are not inside brackets. */
export function splitTopLevel(s: string, separators: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const LABEL = /^(责任单位|责任部门|牵头单位|牵头部门|配合单位|配合部门|协办单位|参与单位|主办单位|承办单位|实施单位|责任主体)[：:]/;
const ROLE_END = /(牵头|配合|协助|参与|支持|负责|落实|分工|推进)$/;
const ORG_END = /(局|厅|委|办|部|委员会|政府|管委会|管理委员会|中心|公司|集团|单位|部门|院|所|处|站|社|协会|联合会|商会|工会|妇联|署|馆|队|分局|银行|分行|支行|营管部|党校|镇街|乡镇|街道|镇|区|县|市|州|盟|旗|企业|机构|基地|监管局|证监局)$/;
const DAMAGED = /[\ufffd\u2460-\u24ff\u2160-\u217f\ue000-\uf8ff]/;

/** True when a bracket content names responsible units (labelled, with roles, or a bare list of bodies). */
export function isUnitContent(content: string): boolean {
  const c = content.trim();
  if (!c || c.length > 600) return false;
  if (LABEL.test(c)) return true;
  const parts = splitTopLevel(c.replace(/[。.]$/, ''), '，；').map((p) => p.trim()).filter(Boolean);
  if (parts.some((p) => ROLE_END.test(p.replace(/[。.]$/, '')))) {
    return parts.every((p) => p.length <= 200) && /[局厅委办部府会心司团位门院所处队行]/.test(c);
  }
  const items = parts.flatMap((p) => splitTopLevel(p, '、')).map((s) => s.trim().replace(/等$/, ''));
  return items.length >= 1 && items.every((s) => s.length >= 2 && s.length <= 30 && ORG_END.test(s.replace(/[（(][^）)]*[）)]/g, '')));
}

function matchOpen(text: string, closeAt: number): number {
  let depth = 0;
  for (let i = closeAt; i >= 0; i--) {
    const ch = text[i];
    if (CLOSE.includes(ch)) depth++;
    else if (OPEN.includes(ch)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The unit notation at the end of a paragraph, or null. */
export function findNotation(paragraph: string): FoundNotation | null {
  // A paragraph of its own: `责任单位：市发展改革委、市经信局` (no brackets).
  if (LABEL.test(paragraph) && paragraph.length <= 300 && !/。./.test(paragraph)) {
    return { start: 0, end: paragraph.length, content: paragraph.replace(/[。；]$/, ''), closed: true };
  }
  let end = paragraph.length;
  while (end > 0 && /[\s。；.]/.test(paragraph[end - 1])) end--;
  if (end > 0 && CLOSE.includes(paragraph[end - 1])) {
    const open = matchOpen(paragraph, end - 1);
    if (open >= 0) {
      const content = paragraph.slice(open + 1, end - 1);
      if (isUnitContent(content)) return { start: open, end, content, closed: true };
    }
    return null;
  }
  // No closing bracket: a notation whose end was lost (`（区产业发展局牵头，…按照职责分工负����`).
  const tailStart = Math.max(0, paragraph.length - 300);
  const open = Math.max(paragraph.lastIndexOf('（', paragraph.length), paragraph.lastIndexOf('(', paragraph.length));
  if (open < tailStart) return null;
  const content = paragraph.slice(open + 1);
  if (/[）)]/.test(content)) return null;
  if (!/(牵头|负责|责任单位|分工)/.test(content) && !DAMAGED.test(content)) return null;
  if (!/(局|厅|委|办|部|政府|管委会|中心|单位|部门)/.test(content)) return null;
  return { start: open, end: paragraph.length, content, closed: false };
}

/** True when a string contains characters typical of mojibake. */
export function looksDamaged(s: string): boolean {
  return DAMAGED.test(s);
}

export { LABEL as UNIT_LABEL };
