/**
 * Target extraction over paragraphs: splits each paragraph into clauses, follows the year context
 * (`到2025年，A…，B…；到2030年，A…` — a year marker applies until the next one in the paragraph; a period
 * such as `“十四五”期间` means its last year), reads the candidates of each clause (`target-clause.ts`),
 * and turns them into targets: cleaned and split subjects, catalogue indicator, kind, unit scaled to the
 * catalogue unit, base year (written or inferred), strength.
 */
import { matchIndicator, type IndicatorMatch } from '../indicators.ts';
import { convertValue, parseMeasureUnit } from '../measures.ts';
import type { Strength, TargetDraft, TargetKind, YearSource } from '../types.ts';
import { splitTopLevel } from './notation.ts';
import { cleanSubject, completeFromPrevious, completeGeneric, GENERIC_SUBJECT, splitSubject } from './subjects.ts';
import { analyzeClause, type ClauseTarget } from './target-clause.ts';
import { scanYears, type YearMarker } from './years.ts';

export interface TargetSource {
  text: string;
  /** Offset of the paragraph in the normalised text. */
  start: number;
  section: string;
  main: boolean;
  taskId: string | null;
}

export type FoundTarget = Omit<TargetDraft, 'id' | 'span' | 'quoteOriginal' | 'repeats'> & { start: number; end: number };

interface YearContext {
  year: number;
  source: YearSource;
  from: number | null;
  strength: Strength | null;
  strengthText: string;
}

/** Clauses of a paragraph with their offsets; brackets are not split. */
export function clausesOf(text: string): Array<{ text: string; start: number; end: string }> {
  const out: Array<{ text: string; start: number; end: string }> = [];
  let pos = 0;
  for (const part of splitTopLevel(text, '，。；！？：')) {
    if (part.trim()) out.push({ text: part, start: pos, end: text[pos + part.length] ?? '' });
    pos += part.length + 1;
  }
  return out;
}

function contextOf(m: YearMarker): YearContext | null {
  if (m.kind === 'by') return { year: m.year, source: 'explicit', from: null, strength: m.strength, strengthText: m.strengthText };
  if (m.kind === 'period') return { year: m.year, source: 'period', from: m.from, strength: m.strength, strengthText: m.strengthText };
  return null;
}

/** The year context after a marker: a target year or period replaces it, a start year (`2022年起`) clears it. */
function follow(ctx: YearContext | null, m: YearMarker): YearContext | null {
  if (m.kind === 'from') return null;
  return contextOf(m) ?? ctx;
}

function kindOf(t: ClauseTarget, subject: string, ctx: YearContext | null, match: IndicatorMatch | null, unitDim: string): TargetKind {
  const isShare = () =>
    (unitDim === 'percent' || unitDim === 'percentage_point') &&
    (match ? match.indicator.kinds.includes('share') : /(比重|占比|比例|份额|覆盖率|利用率|分担率)/.test(subject));
  // Shares and rates are not added up: `当年新增新能源…交通工具比例` is a share, not an increase.
  const addable = !match || match.indicator.kinds.some((k) => k === 'increase' || k === 'cumulative');
  if (t.deferred) return match?.indicator.kinds.includes('reduction') ? 'reduction' : (match?.indicator.kinds[0] ?? 'level');
  if (t.cumulative) return 'cumulative';
  if (t.annual || /年均/.test(subject)) return t.verbCls === 'reduce' ? 'reduction' : 'increase';
  switch (t.verbCls) {
    case 'reduce': return 'reduction';
    case 'increase': return 'increase';
    case 'cap': return 'cap';
    case 'add':
      if (!addable) break;
      if (ctx?.source === 'period') return 'cumulative';
      if (/^(新增|净增|新建)$/.test(t.verbWord)) return 'increase';
      break;
    default:
  }
  if (t.qualifier === 'not_more_than' || t.qualifier === 'within' || t.qualifierText.startsWith('控制在')) return 'cap';
  if (/新增/.test(t.subject) && addable) return 'increase';
  return isShare() ? 'share' : 'level';
}

function inferBase(kind: TargetKind, ctx: YearContext | null, annual: boolean): number | null {
  if (!ctx || !(kind === 'reduction' || kind === 'increase' || kind === 'cumulative')) return null;
  if (ctx.from !== null) return ctx.from - 1;
  if (annual) return null;
  return ctx.year % 5 === 0 ? ctx.year - 5 : null;
}

function build(t: ClauseTarget, subject: string, ctx: YearContext | null, src: TargetSource, clauseStart: number): FoundTarget | null {
  const q = t.quantity;
  const unitSymbol = q ? q.unit.symbol : null;
  const unitDim = q ? q.unit.dimension : '';
  const annual = t.annual || /年均/.test(subject);
  // First guess of the kind without the catalogue, to pick the right indicator (降低率 vs level).
  const guess = kindOf(t, subject, ctx, null, unitDim);
  // A value deferred to the higher level (`完成省下达目标`) is, for an intensity, its reduction rate.
  const match = matchIndicator(subject, { kind: t.deferred ? 'reduction' : guess, unit: unitSymbol });
  if (t.deferred && !match) return null;
  if (!match && (!ctx || subject.length > 30 || subject.length < 2)) return null;
  const kind = kindOf(t, subject, ctx, match, unitDim);
  let value = q ? q.value : null;
  let valueMax = q ? q.valueMax : null;
  let unit = unitSymbol;
  if (q && match && !(unitDim === 'percent' && (kind === 'reduction' || kind === 'increase'))) {
    const target = parseMeasureUnit(match.indicator.unit);
    const v = target ? convertValue(q.value, q.unit, target) : null;
    if (target && v !== null) {
      value = v;
      valueMax = q.valueMax !== null ? convertValue(q.valueMax, q.unit, target) : null;
      unit = match.indicator.unit;
    }
  }
  const baselineYear = t.baseYear ?? inferBase(kind, ctx, annual);
  const start = src.start + clauseStart + t.quoteStart;
  const quoteText = src.text.slice(clauseStart + t.quoteStart, clauseStart + t.quoteEnd);
  const lead = quoteText.length - quoteText.replace(/^([，、；：\s]|和|及|与)+/, '').length;
  return {
    indicatorCode: match?.indicator.code ?? null,
    indicatorName: match?.indicator.zh ?? subject,
    indicatorPhrase: subject,
    year: ctx?.year ?? null,
    yearSource: ctx?.source ?? 'none',
    value, valueMax, unit,
    valueAsWritten: q ? q.valueText : null,
    unitAsWritten: q ? q.unit.symbol : null,
    qualifier: t.qualifier,
    qualifierText: t.qualifierText,
    strength: t.strength ?? ctx?.strength ?? 'plain',
    strengthText: t.strength ? t.strengthText : ctx?.strength ? ctx.strengthText : '',
    kind, annual,
    baselineYear,
    baselineInferred: t.baseYear === null && baselineYear !== null,
    baselineValue: t.baseValue,
    deferredTo: t.deferred ? 'higher_level' : null,
    main: src.main,
    quote: quoteText.slice(lead),
    section: src.section,
    taskId: src.taskId,
    start: start + lead,
    end: src.start + clauseStart + t.quoteEnd,
  };
}

/** Extracts the targets of the paragraphs, in document order. */
export function extractTargets(sources: TargetSource[]): FoundTarget[] {
  const out: FoundTarget[] = [];
  for (const src of sources) {
    let ctx: YearContext | null = null;
    let lastSubject = '';
    let previous = '';
    let previousEnd = '';
    for (const clause of clausesOf(src.text)) {
      const markers = scanYears(clause.text);
      const found = analyzeClause(clause.text, markers);
      let mi = 0;
      for (const t of found) {
        for (; mi < markers.length && markers[mi].start < t.at + (t.deferred ? 1 : 0); mi++) ctx = follow(ctx, markers[mi]);
        let subject = cleanSubject(t.subject);
        if (GENERIC_SUBJECT.test(subject)) subject = completeGeneric(subject, previous) ?? subject;
        else if (subject && lastSubject) subject = completeFromPrevious(subject, lastSubject);
        // `非化石能源消费比重：20%左右` — the subject is the clause before the colon.
        if (!subject && previousEnd === '：') subject = cleanSubject(previous);
        if (!subject) subject = lastSubject;
        if (!subject) continue;
        lastSubject = subject;
        const parts = t.distribute ? [splitSubject(subject, t.distribute.count)[t.distribute.index] ?? subject] : splitSubject(subject, null);
        for (const part of parts) {
          const target = build(t, part, ctx, src, clause.start);
          if (target) out.push(target);
        }
      }
      for (; mi < markers.length; mi++) ctx = follow(ctx, markers[mi]);
      previous = clause.text;
      previousEnd = clause.end;
    }
  }
  return out;
}
