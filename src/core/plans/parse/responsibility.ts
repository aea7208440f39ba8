/**
 * Reading lead (牵头), cooperating (配合), supporting (支持) and responsible units from a unit notation,
 * in every notation the plans use:
 * - `X牵头，Y等按职责分工负责` → lead X, cooperating Y;
 * - `A、B等按职责分工负责`, `责任单位：A、B` → responsible A, B (no lead named);
 * - `责任单位：A、B；C、D；两省市列首位的为牵头单位，下同` → lead A, C; cooperating B, D;
 * - `责任单位：A、B，C；逗号前为牵头单位，下同` → lead A, B; cooperating C;
 * - `A牵头，B配合，C支持` → lead A, cooperating B, supporting C;
 * - `A、B、C` (a bare list of departments) → responsible.
 * A lead rule stated with `下同` applies to the following notations too (the caller keeps it).
 */
import type { TaskUnits, UnitNotation } from '../types.ts';
import { looksDamaged, splitTopLevel, UNIT_LABEL } from './notation.ts';
import { chineseNumeralValue } from './numbers.ts';

export interface LeadRule {
  kind: 'first_in_group' | 'before_comma';
  /** Only the first `groups` semicolon groups have a lead (`两省市列首位…` → 2). */
  groups: number | null;
  /** Stated with `下同`: applies to the following notations. */
  sticky: boolean;
}

const RULE = /(列首位|列第一位?|排(在)?(首位|第一位?)|排名第一|首位|第一个)的?(单位|部门)?为牵头|([逗分]号)前(的)?(单位|部门)?为牵头/;

/** Reads a lead rule statement (`两省市列首位的为牵头单位，下同`, `逗号前为牵头单位`), or null. */
export function readLeadRule(s: string): LeadRule | null {
  const m = RULE.exec(s);
  if (!m) return null;
  const sticky = /下同|以下同|后同/.test(s);
  if (m[5]) return { kind: m[5] === '逗号' ? 'before_comma' : 'first_in_group', groups: null, sticky };
  const g = /([两二三四五六七八九十\d]+)(个)?(省市|省区|省|市|方|地)/.exec(s.slice(0, m.index));
  const groups = g ? (/^\d+$/.test(g[1]) ? Number(g[1]) : chineseNumeralValue(g[1])) : null;
  return { kind: 'first_in_group', groups: groups && groups > 0 ? groups : null, sticky };
}

type Role = 'lead' | 'cooperating' | 'supporting' | 'responsible';

const ROLE_SUFFIX: Array<[RegExp, Role]> = [
  [/牵头(负责)?$/, 'lead'],
  [/(配合|协助|协同|参与)$/, 'cooperating'],
  [/支持$/, 'supporting'],
  [/(等)?(按照?|根据|依据)?(各自)?(职责|职能)(分工)?(负责?|落实|推进|实施)?$|(等)?(负责|落实)$/, 'responsible'],
];
/** Damaged characters at the end of a part (a notation cut by mojibake: `…分工负����`). */
const DAMAGED_TAIL = /[\ufffd\u2460-\u24ff\u2160-\u217f\ue000-\uf8ff]+$/;

const ITEM_ROLE = /[（(](牵头|配合|支持|参与)[）)]$/;

function splitItems(part: string): string[] {
  return splitTopLevel(part, '、')
    .map((s) => s.trim().replace(/^(由|以)/, '').replace(/等$/, '').replace(/[。.，,]$/, '').trim())
    .filter((s) => s.length > 0 && s.length <= 40);
}

/** Moves items marked in place (`X（牵头）`) to their role. */
function itemRoles(out: ParsedUnits): void {
  const moved: Array<[string, Role]> = [];
  for (const role of ['lead', 'cooperating', 'supporting', 'responsible'] as const) {
    out[role] = out[role].filter((item) => {
      const m = ITEM_ROLE.exec(item);
      if (!m) return true;
      moved.push([item.slice(0, m.index), m[1] === '牵头' ? 'lead' : m[1] === '支持' ? 'supporting' : 'cooperating']);
      return false;
    });
  }
  for (const [name, role] of moved) out[role].push(name);
  if (out.lead.length && out.responsible.length) {
    out.cooperating.push(...out.responsible);
    out.responsible = [];
  }
}

function roleOf(part: string): { role: Role | null; rest: string } {
  const p = part.trim().replace(DAMAGED_TAIL, '').replace(/[。.]$/, '');
  for (const [re, role] of ROLE_SUFFIX) {
    const m = re.exec(p);
    if (m) return { role, rest: p.slice(0, m.index).replace(/等$/, '').trim() };
  }
  return { role: null, rest: p };
}

export interface ParsedUnits extends Omit<TaskUnits, 'raw' | 'unitSpan'> {
  /** Lead rule stated in this notation (the caller keeps it when sticky). */
  rule: LeadRule | null;
  /** Units whose name contains damaged characters. */
  damaged: string[];
}

function empty(notation: UnitNotation): ParsedUnits {
  return { lead: [], cooperating: [], supporting: [], responsible: [], notation, rule: null, damaged: [] };
}

/**
 * Parses the content of a unit notation (without its brackets). `inherited` is a sticky lead rule
 * stated earlier in the document (`…为牵头单位，下同`).
 */
export function parseUnits(content: string, inherited: LeadRule | null = null): ParsedUnits {
  let c = content.trim();
  const label = UNIT_LABEL.exec(c);
  if (label) c = c.slice(label[0].length);
  const groups = splitTopLevel(c, '；;').map((g) => g.trim()).filter(Boolean);
  let local: LeadRule | null = null;
  const unitGroups: string[] = [];
  for (const g of groups) {
    const r = readLeadRule(g);
    if (r) local = r;
    else unitGroups.push(g);
  }
  const rule = local ?? inherited;
  const labelRole: Role = label ? labelToRole(label[1]) : 'responsible';
  let out: ParsedUnits;
  const hasRoleWords = unitGroups.some((g) => splitTopLevel(g, '，,').some((p) => roleOf(p).role !== null || UNIT_LABEL.test(p.trim())));
  if (rule && label && labelRole === 'responsible' && !hasRoleWords) {
    out = applyRule(unitGroups, rule);
  } else {
    out = byRoles(unitGroups, label ? labelRole : null, Boolean(label));
  }
  itemRoles(out);
  if (out.lead.length && ['responsible_label', 'responsible_only', 'bare_list'].includes(out.notation)) out.notation = 'lead_and_others';
  out.rule = local;
  const all = [...out.lead, ...out.cooperating, ...out.supporting, ...out.responsible];
  out.damaged = all.filter(looksDamaged);
  return out;
}

function applyRule(groups: string[], rule: LeadRule): ParsedUnits {
  if (rule.kind === 'before_comma') {
    const out = empty('comma_lead');
    const parts = splitTopLevel(groups.join('，'), '，,');
    out.lead = splitItems(parts[0] ?? '');
    out.cooperating = parts.slice(1).flatMap(splitItems);
    return out;
  }
  const out = empty('group_first_lead');
  groups.forEach((g, i) => {
    const items = splitTopLevel(g, '，,').flatMap(splitItems);
    if (rule.groups === null || i < rule.groups) {
      if (items[0]) out.lead.push(items[0]);
      out.cooperating.push(...items.slice(1));
    } else out.cooperating.push(...items);
  });
  return out;
}

function labelToRole(label: string): Role {
  return /牵头/.test(label) ? 'lead' : /配合|协办|参与/.test(label) ? 'cooperating' : /支持/.test(label) ? 'supporting' : 'responsible';
}

function byRoles(groups: string[], labelRole: Role | null, labelled: boolean): ParsedUnits {
  const parts = groups.flatMap((g) => splitTopLevel(g, '，,')).map((p) => p.trim()).filter(Boolean);
  // A part may carry its own label (`牵头单位：X；配合单位：Y`); role words (`牵头`, `配合`…) win over labels.
  let inLabel: Role | null = labelled ? labelRole : null;
  const stated = new Set<Role>();
  const read = parts.map((p) => {
    const l = UNIT_LABEL.exec(p);
    if (l) {
      inLabel = labelToRole(l[1]);
      if (inLabel !== 'responsible') stated.add(inLabel);
    }
    const r = roleOf(l ? p.slice(l[0].length) : p);
    if (r.role) stated.add(r.role);
    return { role: r.role, fallback: inLabel, rest: r.rest };
  });
  // A part without a role word takes the role of the next part that has one (`A，B、C按职责分工负责`).
  let next: Role | null = null;
  for (let i = read.length - 1; i >= 0; i--) {
    if (read[i].role) next = read[i].role;
    else read[i].role = read[i].fallback ?? next;
  }
  const out = empty('none');
  for (const r of read) out[r.role ?? 'responsible'].push(...splitItems(r.rest));
  if (out.lead.length) {
    out.cooperating.push(...out.responsible);
    out.responsible = [];
  }
  if (stated.has('cooperating') || stated.has('supporting')) out.notation = 'roles';
  else if (out.lead.length) out.notation = 'lead_and_others';
  else if (stated.has('responsible')) out.notation = 'responsible_only';
  else out.notation = labelled ? 'responsible_label' : 'bare_list';
  return out;
}
