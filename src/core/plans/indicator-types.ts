import type { TargetKind } from './types.ts';

export type Direction = 'higher_better' | 'lower_better';

/**
 * How the values of lower regions combine into the higher region's value:
 * - sum: add up (capacities, volumes, counts, tonnes);
 * - ratio_of_sums: add numerators and denominators separately, then divide (shares, coverage rates);
 * - intensity: Σ numerator / Σ GDP at comparable prices; the reduction rate is recomputed from the
 *   aggregated intensities, never averaged;
 * - energy_weighted_mean: mean weighted by the energy each unit uses (PUE, specific consumption);
 * - not_aggregable: a lower-level value says nothing about the higher level (e.g. a per-city rule).
 */
export type Aggregation = 'sum' | 'ratio_of_sums' | 'intensity' | 'energy_weighted_mean' | 'not_aggregable';

export type IndicatorCategory =
  | 'energy'
  | 'carbon'
  | 'power'
  | 'industry'
  | 'building'
  | 'transport'
  | 'circular'
  | 'sink'
  | 'agriculture'
  | 'digital';

export interface Indicator {
  code: string;
  zh: string;
  en: string;
  /** Canonical unit, as written in plans (`%`, `万千瓦`, `万立方米`, `` for a ratio such as PUE). */
  unit: string;
  direction: Direction;
  aggregation: Aggregation;
  /** Target kinds this indicator is stated with (the first is the usual one). */
  kinds: TargetKind[];
  /**
   * Phrases that name the indicator in plan texts (simplified). `…` stands for up to 16 arbitrary
   * characters, e.g. `装配式建筑占…比` matches `装配式建筑占同期新开工建筑面积比重`.
   */
  synonyms: string[];
  /** The observed data that compute it (names of series in the platform's data model). */
  computedFrom: string[];
  category: IndicatorCategory;
  /** For a reduction-rate indicator: the level indicator whose change it measures. */
  rateOf?: string;
}
