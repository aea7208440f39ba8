/**
 * Assertions shared by the per-file plan tests (`plans.*.test.ts`, `corpus.*.test.ts`): load a plan of
 * assets/plans, find a target or a task, compare with expectations written by hand from the text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { PlanDraft, Qualifier, Strength, TargetDraft, TargetKind, TaskDraft } from '../types.ts';
import { parsePlan } from './parse-plan.ts';

/** Reads `assets/plans/<path>` and parses it. */
export function loadPlan(path: string): { text: string; plan: PlanDraft } {
  const text = readFileSync(new URL(`../../../../assets/plans/${path}`, import.meta.url), 'utf8');
  return { text, plan: parsePlan(text) };
}

export interface TargetExpectation {
  code: string | null;
  /** Substring of the indicator phrase, to tell apart targets of the same code. */
  phrase?: string;
  year: number | null;
  value: number | null;
  unit?: string | null;
  qualifier?: Qualifier;
  strength?: Strength;
  kind?: TargetKind;
  baselineYear?: number | null;
  main?: boolean;
  deferred?: boolean;
}

/** Finds the target matching code, year, value (and phrase) and checks the other expected fields. */
export function expectTarget(plan: PlanDraft, e: TargetExpectation, text?: string): TargetDraft {
  const found = plan.targets.filter((t) => t.indicatorCode === e.code && t.year === e.year && t.value === e.value &&
    (!e.phrase || t.indicatorPhrase.includes(e.phrase)));
  assert.ok(found.length >= 1, `target ${e.code} ${e.year} ${e.value} ${e.phrase ?? ''} not found; got ${plan.targets
    .filter((t) => t.indicatorCode === e.code).map((t) => `${t.year}:${t.value}`).join(', ')}`);
  const t = found[0];
  const label = `${e.code} ${e.year} ${e.value}`;
  if (e.unit !== undefined) assert.equal(t.unit, e.unit, `${label} unit`);
  if (e.qualifier) assert.equal(t.qualifier, e.qualifier, `${label} qualifier`);
  if (e.strength) assert.equal(t.strength, e.strength, `${label} strength`);
  if (e.kind) assert.equal(t.kind, e.kind, `${label} kind`);
  if (e.baselineYear !== undefined) assert.equal(t.baselineYear, e.baselineYear, `${label} baseline`);
  if (e.main !== undefined) assert.equal(t.main, e.main, `${label} main`);
  if (e.deferred !== undefined) assert.equal(t.deferredTo === 'higher_level', e.deferred, `${label} deferred`);
  if (text !== undefined) assert.equal(text.slice(t.span.start, t.span.end), t.quoteOriginal, `${label} span`);
  return t;
}

/** The task whose title starts with `title`. */
export function taskTitled(plan: PlanDraft, title: string): TaskDraft {
  const t = plan.tasks.find((x) => x.title.startsWith(title));
  assert.ok(t, `task «${title}» not found`);
  return t;
}

/** Checks the units of a task. */
export function expectUnits(plan: PlanDraft, title: string, units: Partial<Pick<TaskDraft, 'lead' | 'cooperating' | 'responsible' | 'supporting'>>): TaskDraft {
  const t = taskTitled(plan, title);
  for (const k of ['lead', 'cooperating', 'responsible', 'supporting'] as const) {
    if (units[k]) assert.deepEqual(t[k], units[k], `${title} ${k}`);
  }
  return t;
}

/** The main targets (主要目标), as `code:year:value` strings, for an exact comparison. */
export function mainTargets(plan: PlanDraft): string[] {
  return plan.targets.filter((t) => t.main).map((t) => `${t.indicatorCode}:${t.year}:${t.value}`);
}
