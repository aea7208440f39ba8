import type { Finding, Sample, SeriesRef } from './types.ts';
import { cstDay, cstText, num } from './time.ts';
import { relativeDeviation } from './types.ts';

/**
 * Spikes by the Hampel identifier: a reading is a spike when it lies further from the median of the readings
 * around it (a centred window of 2·halfWindow + 1) than k robust standard deviations (1.4826 × MAD, the
 * median absolute deviation scaled to σ for normal noise), and further than the minimum step.
 *
 * - halfWindow 5 (11 uploads): a burst of up to 5 wrong uploads cannot move the median (breakdown 50 %), and
 *   the window is short enough to follow load changes. A centred median does not flag a change of level
 *   (a kiln starting, a shift change): on either side of the step the majority of the window agrees.
 * - k 5: for normal noise a reading passes 5σ with probability 5.7·10⁻⁷, about one false alarm per series
 *   in 3½ years of minute data; the usual cleaning choice k = 3 (0.27 %) would raise about 4 a day per
 *   minute series, too many for an alarm list people must acknowledge.
 * - minimum step: flat or quantised series have MAD 0, where any change would be infinitely many σ. A spike
 *   must also exceed max(minStep, minRelative × |median|): minStep in the factor's unit (the caller derives
 *   it from the factor's registered range), minRelative 20 % of the local level.
 * - at least 5 readings in the window (series ends, sparse days): with fewer there is no majority to trust.
 */
export const SPIKE = { halfWindow: 5, k: 5, minRelative: 0.2, minPoints: 5 } as const;
/** MAD → σ for normally distributed noise (1 / Φ⁻¹(3/4)). */
export const MAD_TO_SIGMA = 1.4826;

export interface SpikeOptions extends SeriesRef {
  /** absolute minimum step in the factor's unit (default 0) */
  minStep?: number;
  halfWindow?: number;
  k?: number;
  minRelative?: number;
  /**
   * Neighbours further than this from the reading are not in its window (default: no limit). The evaluator
   * passes its look-back, so that a reading is judged the same whatever window it is evaluated in.
   */
  maxSpanMs?: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Readings of a series (in time order) that are spikes. */
export function spikeFindings(series: readonly Sample[], o: SpikeOptions): Finding[] {
  const h = o.halfWindow ?? SPIKE.halfWindow;
  const k = o.k ?? SPIKE.k;
  const minRelative = o.minRelative ?? SPIKE.minRelative;
  const minStep = o.minStep ?? 0;
  const unit = o.unit ?? '';
  const out: Finding[] = [];
  const span = o.maxSpanMs ?? Infinity;
  for (let i = 0; i < series.length; i++) {
    const { time, value } = series[i];
    const window = series.slice(Math.max(0, i - h), i + h + 1).filter((s) => Math.abs(s.time - time) <= span).map((s) => s.value);
    if (window.length < SPIKE.minPoints) continue;
    const med = median(window);
    const mad = median(window.map((v) => Math.abs(v - med)));
    const threshold = Math.max(k * MAD_TO_SIGMA * mad, minStep, minRelative * Math.abs(med));
    if (!(Math.abs(value - med) > threshold)) continue;
    const sigmas = mad > 0 ? ` (${num(Math.abs(value - med) / (MAD_TO_SIGMA * mad))} σ)` : '';
    out.push({
      rule: 'spike', factor: o.factor, kind: o.kind, from: time, to: time, period: cstDay(time), severity: 'warning',
      value, expected: med, deviation: relativeDeviation(value, med), unit,
      zh: `${o.factor}（${o.kind}）${cstText(time)} 突变：${num(value)} ${unit}，前后读数中位数 ${num(med)} ${unit}${sigmas}`,
      en: `${o.factor} (${o.kind}) spike at ${cstText(time)} CST: ${num(value)} ${unit} against a local median of ${num(med)} ${unit}${sigmas}`,
    });
  }
  return out;
}
