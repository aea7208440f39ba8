/**
 * The CP vocabulary (HJ 212-2017 Table 4 and Appendix C; digest A.8): factor suffixes (`a05001-Rtd`) and the
 * non-factor keys (`DataTime`, `QnRtn`, …). Used to recognise keys, normalise their letter case and decide
 * which values are numbers. Unknown keys are accepted with a warning, never rejected.
 */
import type { Text } from './codes.ts';

/** Suffixes whose values are numbers (Rtd … Max, converted Zs* values, noise, run state/time, 2005 alarms). */
export const NUMERIC_SUFFIXES = [
  'Rtd', 'Min', 'Avg', 'Max', 'Cou', 'ZsRtd', 'ZsMin', 'ZsAvg', 'ZsMax',
  'Data', 'DayData', 'NightData', 'RS', 'RT', 'Ala', 'UpValue', 'LowValue',
] as const;
export type NumericSuffix = (typeof NUMERIC_SUFFIXES)[number];

/** Suffixes kept as text. */
export const TEXT_SUFFIXES = ['Flag', 'EFlag', 'SampleTime', 'Info', 'SN'] as const;
export type TextSuffix = (typeof TEXT_SUFFIXES)[number];
export type Suffix = NumericSuffix | TextSuffix;

export const SUFFIX_MEANINGS: Readonly<Record<Suffix, Text>> = {
  Rtd: { zh: '实时值', en: 'real-time value' },
  Min: { zh: '最小值', en: 'minimum over the period' },
  Avg: { zh: '平均值', en: 'average over the period' },
  Max: { zh: '最大值', en: 'maximum over the period' },
  Cou: { zh: '累计值（排放量）', en: 'cumulative over the period (emission amount)' },
  ZsRtd: { zh: '折算实时值', en: 'converted real-time value' },
  ZsMin: { zh: '折算最小值', en: 'converted minimum' },
  ZsAvg: { zh: '折算平均值', en: 'converted average' },
  ZsMax: { zh: '折算最大值', en: 'converted maximum' },
  Data: { zh: '噪声监测值', en: 'noise value' },
  DayData: { zh: '昼间噪声', en: 'daytime noise' },
  NightData: { zh: '夜间噪声', en: 'night-time noise' },
  RS: { zh: '污染治理设施运行状态', en: 'treatment facility run state' },
  RT: { zh: '污染治理设施一日内运行时间', en: 'treatment facility run hours in the day' },
  Ala: { zh: '报警值（2005）', en: 'alarm value (2005)' },
  UpValue: { zh: '报警上限（2005）', en: 'upper alarm threshold (2005)' },
  LowValue: { zh: '报警下限（2005）', en: 'lower alarm threshold (2005)' },
  Flag: { zh: '数据标记', en: 'data flag' },
  EFlag: { zh: '设备标记（厂家扩展）', en: 'equipment flag (vendor extension)' },
  SampleTime: { zh: '采样时间', en: 'sampling time' },
  Info: { zh: '现场机信息', en: 'field-unit information' },
  SN: { zh: '设备唯一标识', en: 'instrument id' },
};

const NUMERIC = new Set<string>(NUMERIC_SUFFIXES);
const SUFFIXES = new Set<string>([...NUMERIC_SUFFIXES, ...TEXT_SUFFIXES]);
const SUFFIX_BY_LOWER = new Map<string, Suffix>(
  [...NUMERIC_SUFFIXES, ...TEXT_SUFFIXES].map((s) => [s.toLowerCase(), s]),
);

export function isNumericSuffix(s: string): s is NumericSuffix {
  return NUMERIC.has(s);
}

/** The standard spelling of a suffix, matched case-insensitively (`-flag` is seen in the wild). */
export function canonicalSuffix(s: string): Suffix | undefined {
  // Standard spelling first: almost every key is, and lower-casing would allocate a string per item.
  return SUFFIXES.has(s) ? (s as Suffix) : SUFFIX_BY_LOWER.get(s.toLowerCase());
}

/** Non-factor CP keys: 2017 Table 4 and Appendix C, plus 2005 keys seen in replies and alarms. */
export const CP_KEYS: Readonly<Record<string, Text>> = {
  DataTime: { zh: '数据时间（N14）', en: 'data time (N14)' },
  SystemTime: { zh: '系统时间（N14）', en: 'system time (N14)' },
  RestartTime: { zh: '数采仪开机时间（N14）', en: 'data-logger restart time (N14)' },
  BeginTime: { zh: '起始时间（N14）', en: 'begin time (N14)' },
  EndTime: { zh: '截止时间（N14）', en: 'end time (N14)' },
  QnRtn: { zh: '请求回应代码', en: 'request reply code' },
  ExeRtn: { zh: '执行结果回应代码', en: 'execution result code' },
  RtdInterval: { zh: '实时采样数据上报间隔（秒）', en: 'real-time interval (s)' },
  MinInterval: { zh: '分钟数据上报间隔（分钟）', en: 'minute-data interval (min)' },
  PolId: { zh: '污染因子编码', en: 'factor code' },
  NewPW: { zh: '新密码', en: 'new password' },
  OverTime: { zh: '超时时间（秒）', en: 'timeout (s)' },
  ReCount: { zh: '重发次数', en: 'retry count' },
  VaseNo: { zh: '留样瓶编号', en: 'sample bottle number' },
  CstartTime: { zh: '采样开始时间（hhmmss）', en: 'sampling start time (hhmmss)' },
  Ctime: { zh: '采样周期（小时）', en: 'sampling period (h)' },
  CTime: { zh: '采样周期（小时）', en: 'sampling period (h)' },
  Stime: { zh: '出样时间（分钟）', en: 'sample output time (min)' },
  InfoId: { zh: '现场机信息编码', en: 'field-unit information code' },
  QN: { zh: '被应答的请求编码（2005 应答）', en: 'answered request id (2005 replies)' },
  CN: { zh: '被应答的命令编码（2005 应答）', en: 'answered command code (2005 replies)' },
  ReportTime: { zh: '数据上报时间（2005）', en: 'report time (2005)' },
  AlarmTime: { zh: '报警时间（2005）', en: 'alarm time (2005)' },
  AlarmType: { zh: '报警类型（2005）', en: 'alarm type (2005)' },
};

/** Keys whose values are N14 times. */
export const TIME_KEYS: ReadonlySet<string> = new Set(['DataTime', 'SystemTime', 'RestartTime', 'BeginTime', 'EndTime', 'AlarmTime']);

const CP_KEY_BY_LOWER = new Map<string, string>();
for (const k of Object.keys(CP_KEYS)) if (!CP_KEY_BY_LOWER.has(k.toLowerCase())) CP_KEY_BY_LOWER.set(k.toLowerCase(), k);

/** The standard spelling of a non-factor CP key: exact match first, then case-insensitive. */
export function canonicalCpKey(k: string): string | undefined {
  return Object.hasOwn(CP_KEYS, k) ? k : CP_KEY_BY_LOWER.get(k.toLowerCase());
}

/** Data-segment header keys in their standard order (Table 3). */
export const HEADER_KEYS = ['QN', 'ST', 'CN', 'PW', 'MN', 'Flag', 'PNUM', 'PNO'] as const;
export type HeaderKey = (typeof HEADER_KEYS)[number];
const HEADER_BY_LOWER = new Map<string, HeaderKey>(HEADER_KEYS.map((k) => [k.toLowerCase(), k]));

const HEADER_SET = new Set<string>(HEADER_KEYS);

export function canonicalHeaderKey(k: string): HeaderKey | undefined {
  return HEADER_SET.has(k) ? (k as HeaderKey) : HEADER_BY_LOWER.get(k.toLowerCase());
}
