/**
 * `parsePlan(text)`: the plan-text import. Given the full text of a plan (simplified or traditional,
 * clean or damaged, one paragraph per line or all on one line), returns a draft plan for human review:
 * metadata, targets, actions, tasks with their units, the outline and warnings. Pure: no I/O, no clock.
 */
import { invalid } from '../../errors.ts';
import type { ActionDraft, OutlineEntry, ParseWarning, PlanDraft, TargetDraft, TaskDraft } from '../types.ts';
import { readMetadata } from './metadata.ts';
import { findDamage, overlapsDamage } from './mojibake.ts';
import { normalizePlanText } from './normalize.ts';
import { buildOutline, pathOf, splitParagraphs, walk, type OutlineNode } from './outline.ts';
import { isBareRegion } from './region.ts';
import { buildStructure } from './structure.ts';
import { assembleTasks, notationsOf } from './tasks.ts';
import { extractTargets, type FoundTarget } from './targets.ts';
import { toOriginal } from './text-map.ts';
import { warning, warningAt } from './warnings.ts';
import { scanYears } from './years.ts';

function dedupe(found: FoundTarget[]): Array<FoundTarget & { repeats: Array<{ start: number; end: number }> }> {
  const out: Array<FoundTarget & { repeats: Array<{ start: number; end: number }> }> = [];
  const byKey = new Map<string, (typeof out)[number]>();
  for (const t of found) {
    const key = [t.indicatorCode ?? t.indicatorPhrase, t.year, t.value, t.unit, t.kind, t.qualifier].join('|');
    const first = byKey.get(key);
    if (first) {
      first.repeats.push({ start: t.start, end: t.end });
      continue;
    }
    const entry = { ...t, repeats: [] };
    byKey.set(key, entry);
    out.push(entry);
  }
  return out;
}

/** Parses the full text of a plan into a draft. Throws a DomainError when `text` is not a non-empty string. */
export function parsePlan(text: string): PlanDraft {
  if (typeof text !== 'string') throw invalid('text', '须为字符串', 'must be a string');
  if (!text.trim()) throw invalid('text', '为空', 'is empty');
  const warnings: ParseWarning[] = [];
  const norm = normalizePlanText(text);
  const mt = norm.mapped;
  const span = (s: number, e: number) => toOriginal(mt, s, e);
  const paras = splitParagraphs(mt.text);
  const root = buildOutline(paras);
  const nodeOf = new Map<number, OutlineNode>();
  for (const n of walk(root)) for (const p of n.paras) nodeOf.set(p, n);
  const firstHeading = root.children.find((n) => n.level === 1)?.para ?? root.children[0]?.para ?? paras.length;
  const meta = readMetadata(paras, firstHeading, mt.text);
  let bodyStart = meta.titlePara + 1;
  if (meta.titlePara < 0) {
    const preamble = paras.findIndex((p) => p.index < firstHeading && /^为/.test(p.text) && /制定|现提出|特制定/.test(p.text));
    const hasHeading = root.children.length > 0;
    bodyStart = preamble >= 0 ? preamble : hasHeading ? Math.min(firstHeading, paras.length) : 0;
  }
  const notations = notationsOf(paras, bodyStart);
  const structure = buildStructure(root, paras, (ps) => ps.some((p) => notations.has(p)));
  const assembled = assembleTasks(structure.tasks.filter((t) => t.paras[0] >= bodyStart), paras, notations);
  const damage = findDamage(mt.text);

  // Actions and task ids.
  const actions: ActionDraft[] = structure.actions.map((a, index) => ({
    index, number: a.heading?.marker ?? '', title: a.heading?.title ?? '',
    parent: a.parent && a.parent.level !== 0 ? `${a.parent.heading?.marker}${a.parent.heading?.title}` : '', taskIds: [],
    span: span(paras[a.para].start, paras[[...walk(a), a].reduce((m, n) => Math.max(m, ...n.paras), a.para)].end),
  }));
  const perAction = new Map<number, number>();
  let other = 0;
  const taskIdOfPara = new Map<number, string>();
  const tasks: TaskDraft[] = assembled.map(({ spec, units, unclosed, damagedUnits }) => {
    let id: string;
    if (spec.actionIndex !== null) {
      const k = (perAction.get(spec.actionIndex) ?? 0) + 1;
      perAction.set(spec.actionIndex, k);
      id = `${spec.actionIndex + 1}.${k}`;
      actions[spec.actionIndex].taskIds.push(id);
    } else id = `S${++other}`;
    for (const p of spec.paras) taskIdOfPara.set(p, id);
    const first = paras[spec.paras[0]];
    const last = paras[spec.paras[spec.paras.length - 1]];
    const section = pathOf(spec.sectionNode);
    const taskSpan = span(first.start, last.end);
    if (unclosed && units.span) {
      warnings.push(warningAt('unclosed_unit_notation', 'warning', '单位标注缺少右括号（文本可能已损坏）', 'Unit notation has no closing bracket (text may be damaged)', text, span(units.span.start, units.span.end), section));
    }
    for (const u of damagedUnits) {
      warnings.push(warningAt('damaged_unit', 'warning', `单位名称含无法识别的字符：${u}`, `Unit name contains unreadable characters: ${u}`, text, taskSpan, section));
    }
    const task: TaskDraft = {
      id, number: spec.number, title: spec.title, actionIndex: spec.actionIndex,
      lead: units.lead, cooperating: units.cooperating, supporting: units.supporting, responsible: units.responsible,
      notation: units.notation, raw: units.raw, unitSpan: units.span ? span(units.span.start, units.span.end) : null, span: taskSpan, section,
      deadline: null, targetIds: [], damaged: overlapsDamage(damage, first.start, last.end),
    };
    return task;
  });

  // Targets.
  const found = extractTargets(paras.filter((p) => p.index >= bodyStart).map((p) => ({
    text: p.text, start: p.start, section: pathOf(nodeOf.get(p.index) ?? null), main: structure.isGoal(p.index), taskId: taskIdOfPara.get(p.index) ?? null,
  })));
  const targets: TargetDraft[] = dedupe(found).map((t, i) => {
    const { start, end, repeats, ...rest } = t;
    const s = span(start, end);
    return { id: `T${i + 1}`, ...rest, quoteOriginal: text.slice(s.start, s.end), span: s, repeats: repeats.map((r) => span(r.start, r.end)) };
  });
  const byTask = new Map(tasks.map((t) => [t.id, t]));
  for (const t of targets) {
    const task = t.taskId ? byTask.get(t.taskId) : undefined;
    if (!task) continue;
    task.targetIds.push(t.id);
    if (t.year !== null) task.deadline = Math.max(task.deadline ?? 0, t.year);
  }
  for (const task of tasks) {
    if (task.deadline !== null) continue;
    const years = scanYears(text.slice(task.span.start, task.span.end)).filter((m) => m.kind === 'by' || m.kind === 'period').map((m) => m.year);
    if (years.length) task.deadline = Math.max(...years);
  }

  // Warnings.
  if (norm.script === 'traditional') {
    warnings.unshift(warning('traditional_converted', 'info', `原文为繁体中文，已转换为简体进行解析（${norm.convertedChars}字）`, `Traditional Chinese converted to simplified for parsing (${norm.convertedChars} characters)`));
  }
  if (norm.insertedBreaks > 0) {
    warnings.push(warning('one_line_resplit', 'info', `原文段落粘连，已按标题序号重新分段（${norm.insertedBreaks}处）`, `Glued paragraphs re-split at heading markers (${norm.insertedBreaks} places)`));
  }
  for (const d of damage) {
    const s = span(d.start, d.end);
    warnings.push(warningAt('mojibake', 'warning', `此处文字已损坏，无法识别（${d.chars.slice(0, 12)}）`, `Damaged, unreadable text here (${d.chars.slice(0, 12)})`, text, s, pathOf(nodeOf.get(paras.find((p) => p.start <= d.start && d.start <= p.end)?.index ?? -1) ?? null)));
  }
  if (!meta.title) warnings.push(warning('no_title', 'warning', '未找到方案标题', 'No plan title found'));
  if (!meta.region || isBareRegion(meta.region)) warnings.push(warning('no_region', 'warning', '未能确定方案所属地区', 'Could not determine the region of the plan'));
  if (!meta.issued) warnings.push(warning('no_issue_date', 'info', '未找到印发日期', 'No issue date found'));
  if (meta.docNumberRebuilt) {
    warnings.push(warning('doc_number_reconstructed', 'info', `文号缺少括号，推断为 ${meta.docNumberRebuilt}`, `Document number lost its brackets; read as ${meta.docNumberRebuilt}`));
  }
  if (!actions.length) warnings.push(warning('no_actions', 'warning', '未识别出行动（重点任务）章节', 'No action sections recognised'));
  if (!targets.length) warnings.push(warning('no_targets', 'info', '未识别出量化目标', 'No quantitative targets recognised'));

  const outline: OutlineEntry[] = walk(root).filter((n) => n.heading && n.level !== 0).map((n) => ({
    level: n.level as OutlineEntry['level'], number: n.heading!.marker, title: n.heading!.title, span: span(paras[n.para].start, paras[n.para].end),
  }));
  return {
    title: meta.title, region: meta.region && !isBareRegion(meta.region) ? meta.region : null, issuers: meta.issuers,
    docNumber: meta.docNumber, issued: meta.issued, status: meta.status, script: norm.script,
    targets, actions, tasks, outline, warnings,
  };
}
