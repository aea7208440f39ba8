/**
 * Chemistry, not factors: molar-mass ratios fixed by stoichiometry. (Factors — anything with a source and a
 * status — live in the factor set, never here.)
 */

/** C → CO2. Chinese guidelines use exactly 44/12 (reference §9: "Use 44/12 for compliance calculations"). */
export const CO2_PER_C = 44 / 12;

/**
 * CaO → CO2 and MgO → CO2 for the clinker method. The guidelines write the integer molar masses
 * (44/56 = 0.785714, 44/40 = 1.1); precise molar masses give 44.01/56.08 and 44.01/40.30 (reference §5).
 * A calculation states which one it used.
 */
export const CLINKER_MOLAR_RATIOS = {
  integer: { cao: 44 / 56, mgo: 44 / 40, zh: '整数摩尔质量 44/56、44/40（指南写法）', en: 'integer molar masses 44/56, 44/40 (as in the guidelines)' },
  precise: { cao: 44.01 / 56.08, mgo: 44.01 / 40.3, zh: '精确摩尔质量 44.01/56.08、44.01/40.30', en: 'precise molar masses 44.01/56.08, 44.01/40.30' },
} as const;

export type ClinkerRatios = keyof typeof CLINKER_MOLAR_RATIOS;

/**
 * Review thresholds (not factors): differences beyond these raise a quality flag for a reviewer, they never
 * change a number. ±5 % is the usual tolerance between the reference and sectoral approaches.
 */
export const REVIEW_THRESHOLDS = {
  /** |reference − sectoral| ÷ sectoral */
  referenceApproach: 0.05,
  /** a fuel's 平衡差额 relative to its gross flows */
  balanceDifference: 0.05,
} as const;

/** Version of the calculation rules; results carry it next to the factor set and the input hash. */
export const CALCULATOR_VERSION = 'shuangtan-accounting/1';
