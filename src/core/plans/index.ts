/**
 * Plans: the plan model, the indicator catalogue, the plan-text import and progress against targets.
 */
export type {
  ActionDraft, OutlineEntry, ParseWarning, PlanDraft, PlanStatus, Qualifier, Span, Strength, TargetDraft, TargetKind, TaskDraft,
  TaskUnits, UnitNotation, WarningCode, YearSource,
} from './types.ts';
export type { Aggregation, Direction, Indicator, IndicatorCategory } from './indicator-types.ts';
export { INDICATORS, cleanIndicatorPhrase, getIndicator, matchIndicator } from './indicators.ts';
export type { IndicatorMatch, MatchOptions } from './indicators.ts';
export { convertValue, parseMeasureUnit, readMeasureUnit } from './measures.ts';
export type { Dimension, MeasureUnit } from './measures.ts';
export { parsePlan } from './parse/parse-plan.ts';
export { normalizePlanText } from './parse/normalize.ts';
export type { NormalizedText } from './parse/normalize.ts';
export { parseUnits, readLeadRule } from './parse/responsibility.ts';
export type { LeadRule, ParsedUnits } from './parse/responsibility.ts';
export { summarizePlan } from './parse/summary.ts';
export type { PlanSummary } from './parse/summary.ts';
export { annualReductionRate, assessProgress, expectedAt, pathOf } from './progress.ts';
export type { AssessOptions, Observation, PathTarget, ProgressAssessment, WarningLevel } from './progress.ts';
