import type { Finding, Sample, SeriesRef } from './types.ts';
import { cstDay, cstText, num } from './time.ts';
import { relativeDeviation } from './types.ts';

/** A factor's registered plausible range (either bound may be absent). */
export interface Limits {
  min: number | null;
  max: number | null;
}

export type RangeCode = 'below_range' | 'above_range' | 'negative_value';

/**
 * The one range check (ingestion flags with it, the evaluator alarms with it): below the minimum, above the
 * maximum, or — where no minimum is registered, for any factor — negative. Bounds are inclusive.
 */
export function rangeCheck(value: number, limits: Limits | undefined): { code: RangeCode; bound: number } | null {
  if (limits?.min != null && value < limits.min) return { code: 'below_range', bound: limits.min };
  if (limits?.max != null && value > limits.max) return { code: 'above_range', bound: limits.max };
  if (value < 0 && limits?.min == null) return { code: 'negative_value', bound: 0 };
  return null;
}

const WORDS: Record<RangeCode, { zh: string; en: string }> = {
  below_range: { zh: '低于下限', en: 'below the minimum' },
  above_range: { zh: '高于上限', en: 'above the maximum' },
  negative_value: { zh: '为负值', en: 'negative' },
};

/** Readings outside the range, one finding each. */
export function rangeFindings(series: readonly Sample[], o: SeriesRef & { limits?: Limits }): Finding[] {
  const unit = o.unit ?? '';
  const out: Finding[] = [];
  for (const { time, value } of series) {
    const bad = rangeCheck(value, o.limits);
    if (!bad) continue;
    const w = WORDS[bad.code];
    const bound = bad.code === 'negative_value' ? '' : `（${bad.code === 'below_range' ? '下限' : '上限'} ${num(bad.bound)}）`;
    const boundEn = bad.code === 'negative_value' ? '' : ` (${bad.code === 'below_range' ? 'minimum' : 'maximum'} ${num(bad.bound)})`;
    out.push({
      rule: bad.code, factor: o.factor, kind: o.kind, from: time, to: time, period: cstDay(time), severity: 'warning',
      value, expected: bad.bound, deviation: relativeDeviation(value, bad.bound), unit,
      zh: `${o.factor}（${o.kind}）${cstText(time)} 读数 ${num(value)} ${unit}${w.zh}${bound}`,
      en: `${o.factor} (${o.kind}) at ${cstText(time)} CST: ${num(value)} ${unit} is ${w.en}${boundEn}`,
    });
  }
  return out;
}
