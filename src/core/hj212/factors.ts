/**
 * Factor codes relevant to carbon and energy monitoring, as data (HJ 212-2017 Appendix B Table B.2, based on
 * HJ 524-2009; process codes Table B.7; field-unit codes Table B.10; digest A.11).
 *
 * Units are the standard's defaults, not facts about a device: CO2 analysers usually report % by volume,
 * while the table says mg/m³. Store the unit per device channel (configuration); never infer it from the code.
 */
import type { Text } from './codes.ts';

export interface FactorCode extends Text {
  /** HJ 212-2017 code */
  code: string;
  /** HJ/T 212-2005 ("原") code, where the table gives one */
  code2005?: string;
  /** unit of Rtd/Min/Avg/Max */
  unit: string;
  /** unit of Cou (the emission amount), where the table gives one */
  couUnit?: string;
  /** the standard's default data type; a display width only, never enforced (note under Table 4) */
  defaultType?: string;
  note?: string;
}

const f = (code: string, code2005: string | undefined, zh: string, en: string, unit: string, couUnit?: string, defaultType?: string, note?: string): FactorCode => {
  const out: FactorCode = { code, zh, en, unit };
  if (code2005) out.code2005 = code2005;
  if (couUnit) out.couUnit = couUnit;
  if (defaultType) out.defaultType = defaultType;
  if (note) out.note = note;
  return out;
};

export const CARBON_FACTOR_CODES: readonly FactorCode[] = [
  f('a05001', '30', '二氧化碳', 'carbon dioxide (CO2)', 'mg/m³', 'kg', 'N3.3', 'CO2 CEMS usually report % vol; 1 % vol ≈ 19 647 mg/m³ at standard conditions (M = 44.01 g/mol)'),
  f('a05002', undefined, '甲烷', 'methane (CH4)', 'ng/m³', 'g', 'N4.1', 'unit as printed in the standard (sic)'),
  f('a00000', 'B02', '废气', 'flue-gas flow', 'm³/s', 'm³', 'N6.1', 'Cou is the volume over the period'),
  f('a19001', 'S01', '氧气含量', 'oxygen (O2)', '%', undefined, 'N3.1'),
  f('a01011', 'S02', '烟气流速', 'flue-gas velocity', 'm/s', undefined, 'N5.2'),
  f('a01012', 'S03', '烟气温度', 'flue-gas temperature', '°C', undefined, 'N3.1'),
  f('a01017', 'S04', '烟气动压', 'flue-gas dynamic pressure', 'kPa', undefined, 'N5.3'),
  f('a01014', 'S05', '烟气湿度', 'flue-gas moisture (Xsw)', '%', undefined, 'N3.1'),
  f('a01015', 'S06', '制冷温度', 'cooler temperature', '°C', undefined, 'N3.1'),
  f('a01016', 'S07', '烟道截面积', 'duct cross-section area', 'm²', undefined, 'N4.2'),
  f('a01013', 'S08', '烟气压力', 'flue-gas static pressure', 'kPa', undefined, 'N5.3', 'can be negative'),
  f('a01001', undefined, '温度', 'ambient temperature', '°C', undefined, 'N3.1'),
  f('a01002', undefined, '湿度', 'ambient humidity', '%', undefined, 'N3.1'),
  f('a01006', undefined, '气压', 'ambient pressure', 'kPa', undefined, 'N5.3'),
  f('a01007', undefined, '风速', 'wind speed', 'm/s'),
  f('a01008', undefined, '风向', 'wind direction', '°'),
  f('a21005', '04', '一氧化碳', 'carbon monoxide (CO)', 'mg/m³', 'kg', 'N3.3'),
  f('a21002', '03', '氮氧化物', 'nitrogen oxides (NOx)', 'mg/m³', 'kg', 'N5.1'),
  f('a21026', '02', '二氧化硫', 'sulphur dioxide (SO2)', 'mg/m³', 'kg', 'N5.2'),
  f('a34013', '01', '烟尘', 'dust', 'mg/m³', 'kg', 'N4'),
  f('a24088', undefined, '非甲烷总烃', 'non-methane hydrocarbons (NMHC)', 'mg/m³', 'kg', 'N7.3'),
  f('w00000', 'B01', '污水', 'waste-water flow', 'L/s', 'm³', 'N5.2'),
  f('i33400', undefined, '生产负荷', 'production load (from DCS)', '%'),
  f('i23001', undefined, '本地大气压力', 'local atmospheric pressure', 'kPa'),
];

/** Table B.7 process (工况) codes: prefix + device number 01–99, e.g. g12101 = inlet O2 of device 01. */
export interface ProcessFactorPattern extends Text {
  prefix: string;
  position: 'inlet' | 'outlet';
  unit: string;
}

const p = (prefix: string, position: 'inlet' | 'outlet', zh: string, en: string, unit: string): ProcessFactorPattern =>
  ({ prefix, position, zh, en, unit });

export const PROCESS_FACTOR_PATTERNS: readonly ProcessFactorPattern[] = [
  p('g121', 'inlet', '入口氧气含量', 'inlet O2', '%'),
  p('g122', 'inlet', '入口烟气流量', 'inlet flue-gas flow', 'm³/h'),
  p('g123', 'inlet', '入口烟气温度', 'inlet flue-gas temperature', '°C'),
  p('g125', 'inlet', '入口烟气压力', 'inlet flue-gas pressure', 'kPa'),
  p('g126', 'inlet', '入口烟气湿度', 'inlet flue-gas humidity', '%'),
  p('g129', 'outlet', '出口氧气含量', 'outlet O2', '%'),
  p('g130', 'outlet', '出口烟气流量', 'outlet flue-gas flow', 'm³/h'),
  p('g131', 'outlet', '出口烟气温度', 'outlet flue-gas temperature', '°C'),
  p('g133', 'outlet', '出口烟气压力', 'outlet flue-gas pressure', 'kPa'),
  p('g134', 'outlet', '出口烟气湿度', 'outlet flue-gas humidity', '%'),
];

const BY_CODE = new Map<string, FactorCode>();
for (const c of CARBON_FACTOR_CODES) {
  BY_CODE.set(c.code, c);
  if (c.code2005) BY_CODE.set(c.code2005, c);
}

export interface FactorLookup {
  factor: FactorCode | ProcessFactorPattern;
  /** true when `code` is the HJ/T 212-2005 code (2005 air codes such as `01` only mean this under ST=31) */
  legacy: boolean;
  /** device number of a process code (`g12101` → 1) */
  device?: number;
}

/** Looks a factor up by its 2017 code, its 2005 code or a Table B.7 process code. Unknown codes are normal. */
export function lookupFactor(code: string): FactorLookup | undefined {
  const hit = BY_CODE.get(code);
  if (hit) return { factor: hit, legacy: hit.code !== code };
  const m = /^(g1\d\d)(\d\d)$/.exec(code);
  const pattern = m ? PROCESS_FACTOR_PATTERNS.find((x) => x.prefix === m[1]) : undefined;
  if (!m || !pattern || m[2] === '00') return undefined;
  return { factor: pattern, legacy: false, device: Number(m[2]) };
}
