/**
 * Task assembly: for each task of the structure, its unit notation (the last one found in its
 * paragraphs), read with the lead rule in force (`…为牵头单位，下同` carries over to later notations, as
 * does a rule stated in the text), its span and its damage flag.
 */
import type { TaskUnits } from '../types.ts';
import { findNotation, type FoundNotation } from './notation.ts';
import type { Paragraph } from './outline.ts';
import { parseUnits, readLeadRule, type LeadRule } from './responsibility.ts';
import type { TaskSpec } from './structure.ts';

export interface AssembledTask {
  spec: TaskSpec;
  units: Omit<TaskUnits, 'unitSpan'> & { span: { start: number; end: number } | null };
  /** Notation without its closing bracket (damaged or truncated). */
  unclosed: boolean;
  damagedUnits: string[];
}

/** Unit notations at the end of the paragraphs, by paragraph index. */
export function notationsOf(paras: Paragraph[], from: number): Map<number, FoundNotation> {
  const out = new Map<number, FoundNotation>();
  for (const p of paras) {
    if (p.index < from) continue;
    const n = findNotation(p.text);
    if (n) out.set(p.index, n);
  }
  return out;
}

/** A lead rule stated in running text (`各项任务列第一位的为牵头单位`), applying to every notation. */
function textRule(paras: Paragraph[], notations: Map<number, FoundNotation>): LeadRule | null {
  for (const p of paras) {
    const n = notations.get(p.index);
    const body = n ? p.text.slice(0, n.start) : p.text;
    const r = readLeadRule(body);
    if (r && body.length < 200) return { ...r, sticky: true };
  }
  return null;
}

/** Reads the units of every task; lead rules stated with `下同` apply to the notations that follow. */
export function assembleTasks(specs: TaskSpec[], paras: Paragraph[], notations: Map<number, FoundNotation>): AssembledTask[] {
  const ruleAt = new Map<number, LeadRule | null>();
  let rule: LeadRule | null = textRule(paras, notations);
  for (const [p, n] of [...notations.entries()].sort((a, b) => a[0] - b[0])) {
    ruleAt.set(p, rule);
    const parsed = parseUnits(n.content, rule);
    if (parsed.rule?.sticky) rule = parsed.rule;
  }
  const out: AssembledTask[] = [];
  for (const spec of specs) {
    const idx = [...spec.paras].reverse().find((p) => notations.has(p));
    if (idx === undefined) {
      out.push({ spec, units: { lead: [], cooperating: [], supporting: [], responsible: [], notation: 'none', raw: '', span: null }, unclosed: false, damagedUnits: [] });
      continue;
    }
    let n = notations.get(idx)!;
    const p = paras[idx];
    // Label lines of their own (`牵头单位：…` then `配合单位：…`) are read together.
    if (n.start === 0 && n.end === p.text.length) {
      const lines = spec.paras.filter((q) => { const m = notations.get(q); return m && m.start === 0 && m.end === paras[q].text.length; });
      if (lines.length > 1) n = { ...n, content: lines.map((q) => notations.get(q)!.content).join('；') };
    }
    const parsed = parseUnits(n.content, ruleAt.get(idx) ?? null);
    out.push({
      spec,
      units: { lead: parsed.lead, cooperating: parsed.cooperating, supporting: parsed.supporting, responsible: parsed.responsible,
        notation: parsed.notation, raw: p.text.slice(n.start, n.end), span: { start: p.start + n.start, end: p.start + n.end } },
      unclosed: !n.closed,
      damagedUnits: parsed.damaged,
    });
  }
  return out;
}
