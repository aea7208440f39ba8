/**
 * HJ 212 code tables as data (digest A.9): system codes ST (Table 5), command codes CN (Table 9, plus the
 * HJ/T 212-2005-only and the HJ 212-2025 additions), QnRtn (Table 7), ExeRtn (Table 6), data flags (Table 8).
 * `verified: false` marks entries the digest takes from secondary sources.
 */
import type { ProtocolVersion } from './flag.ts';

export interface Text {
  zh: string;
  en: string;
}

export interface SystemCode extends Text {
  st: string;
}

export const SYSTEM_CODES: readonly SystemCode[] = [
  { st: '21', zh: '地表水质量', en: 'surface water quality' },
  { st: '22', zh: '空气质量', en: 'air quality' },
  { st: '23', zh: '声环境质量', en: 'acoustic environment quality' },
  { st: '24', zh: '地下水质量', en: 'groundwater quality' },
  { st: '25', zh: '土壤质量', en: 'soil quality' },
  { st: '26', zh: '海水质量', en: 'seawater quality' },
  { st: '27', zh: '挥发性有机物', en: 'volatile organic compounds' },
  { st: '31', zh: '大气环境污染源', en: 'air pollution source (flue-gas and carbon CEMS)' },
  { st: '32', zh: '地表水体环境污染源', en: 'surface-water pollution source' },
  { st: '33', zh: '地下水体环境污染源', en: 'groundwater pollution source' },
  { st: '34', zh: '海洋环境污染源', en: 'marine pollution source' },
  { st: '35', zh: '土壤环境污染源', en: 'soil pollution source' },
  { st: '36', zh: '声环境污染源', en: 'noise source' },
  { st: '37', zh: '振动环境污染源', en: 'vibration source' },
  { st: '38', zh: '放射性环境污染源', en: 'radioactive source' },
  { st: '39', zh: '工地扬尘污染源', en: 'construction-site dust source' },
  { st: '41', zh: '电磁环境污染源', en: 'electromagnetic source' },
  { st: '51', zh: '烟气排放过程监控', en: 'flue-gas emission process monitoring' },
  { st: '52', zh: '污水排放过程监控', en: 'waste-water discharge process monitoring' },
  { st: '91', zh: '系统交互', en: 'system interaction (replies)' },
];

/**
 * What the platform does with a packet of this CN coming from a device:
 * - upload: data; answer 9014 when Flag bit A is set
 * - notify: answer 9013 when Flag bit A is set (1013 time calibration request)
 * - reply: 9011/9012/9013/9014; never answered (no 90xx answers a 90xx)
 * - heartbeat: 9015 (2025); never answered
 * - request: the device asks something of the platform (2025 key exchange); no automatic answer
 * - none: the device never sends this CN (platform-to-device command only)
 */
export type DeviceRole = 'upload' | 'notify' | 'reply' | 'heartbeat' | 'request' | 'none';

export interface CommandCode {
  cn: string;
  /** meaning when the platform sends it */
  host?: Text;
  /** meaning when the device sends it */
  device?: Text;
  deviceRole: DeviceRole;
  /** host→device commands are requests (9011, optional data, 9012) or notifies (9013); digest A.10.3 */
  hostKind?: 'request' | 'notify' | 'reply';
  /** CP fields the command carries */
  cp?: readonly string[];
  /** the edition whose code table lists it: 2017 = Table 9; 2005 = HJ/T 212-2005 only; 2025 = additions */
  source: ProtocolVersion;
  verified: boolean;
}

const V17: ProtocolVersion = '2017';
const V05: ProtocolVersion = '2005';
const V25: ProtocolVersion = '2025';
const t = (zh: string, en: string): Text => ({ zh, en });

function req(cn: string, host: Text, cp: string[] = [], device?: Text): CommandCode {
  return { cn, host, device, deviceRole: device ? 'upload' : 'none', hostKind: 'request', cp, source: V17, verified: true };
}

export const COMMAND_CODES: readonly CommandCode[] = [
  req('1000', t('设置超时时间及重发次数', 'set timeout and retry count'), ['OverTime', 'ReCount']),
  req('1011', t('提取现场机时间', 'get field-unit time'), ['PolId'], t('上传现场机时间', 'upload field-unit time (SystemTime)')),
  req('1012', t('设置现场机时间', 'set field-unit time'), ['PolId', 'SystemTime']),
  { cn: '1013', device: t('现场机时间校准请求', 'field-unit time calibration request'), deviceRole: 'notify', cp: ['PolId'], source: V17, verified: true },
  req('1061', t('提取实时数据间隔', 'get real-time data interval'), [], t('上传实时数据间隔', 'upload real-time data interval (RtdInterval)')),
  req('1062', t('设置实时数据间隔', 'set real-time data interval'), ['RtdInterval']),
  req('1063', t('提取分钟数据间隔', 'get minute data interval'), [], t('上传分钟数据间隔', 'upload minute data interval (MinInterval)')),
  req('1064', t('设置分钟数据间隔', 'set minute data interval'), ['MinInterval']),
  req('1072', t('设置现场机访问密码', 'set field-unit password'), ['NewPW']),
  req('2011', t('取污染物实时数据', 'start real-time data'), [], t('上传污染物实时数据', 'upload real-time data')),
  { cn: '2012', host: t('停止察看污染物实时数据', 'stop real-time data'), deviceRole: 'none', hostKind: 'notify', source: V17, verified: true },
  req('2021', t('取设备运行状态数据', 'start equipment run-state data'), [], t('上传设备运行状态数据', 'upload equipment run state (SBx-RS)')),
  { cn: '2022', host: t('停止察看设备运行状态', 'stop equipment run-state data'), deviceRole: 'none', hostKind: 'notify', source: V17, verified: true },
  req('2031', t('取污染物日历史数据', 'get daily data'), ['BeginTime', 'EndTime'], t('上传污染物日历史数据', 'upload daily data')),
  req('2041', t('取设备运行时间日历史数据', 'get daily equipment run time'), ['BeginTime', 'EndTime'], t('上传设备运行时间日历史数据', 'upload daily equipment run time (SBx-RT)')),
  req('2051', t('取污染物分钟数据', 'get minute data'), ['BeginTime', 'EndTime'], t('上传污染物分钟数据', 'upload minute data')),
  req('2061', t('取污染物小时数据', 'get hourly data'), ['BeginTime', 'EndTime'], t('上传污染物小时数据', 'upload hourly data')),
  { cn: '2081', device: t('上传数采仪开机时间', 'upload data-logger restart time'), deviceRole: 'upload', cp: ['DataTime', 'RestartTime'], source: V17, verified: true },
  req('3011', t('零点校准量程校准', 'zero and span calibration'), ['PolId']),
  req('3012', t('即时采样', 'immediate sampling'), ['PolId']),
  req('3013', t('启动清洗/反吹', 'start cleaning / blow-back'), ['PolId']),
  req('3014', t('比对采样', 'comparison sampling'), ['PolId']),
  req('3015', t('超标留样', 'over-limit sample retention'), [], t('上传超标留样信息', 'upload retained-sample info (DataTime, VaseNo)')),
  req('3016', t('设置采样时间周期', 'set sampling period'), ['PolId', 'CstartTime', 'Ctime']),
  req('3017', t('提取采样时间周期', 'get sampling period'), ['PolId'], t('上传采样时间周期', 'upload sampling period')),
  req('3018', t('提取出样时间', 'get sample output time'), ['PolId'], t('上传出样时间', 'upload sample output time (Stime)')),
  req('3019', t('提取设备唯一标识', 'get instrument id'), ['PolId'], t('上传设备唯一标识', 'upload instrument id (xxxxxx-SN)')),
  req('3020', t('提取现场机信息', 'get field-unit information'), ['PolId', 'InfoId', 'BeginTime', 'EndTime'], t('上传现场机信息', 'upload field-unit information (logs, states, parameters)')),
  req('3021', t('设置现场机参数', 'set field-unit parameters'), ['PolId', 'InfoId']),
  { cn: '9011', device: t('请求应答', 'request reply'), deviceRole: 'reply', cp: ['QnRtn'], source: V17, verified: true },
  { cn: '9012', device: t('执行结果', 'execution result'), deviceRole: 'reply', cp: ['ExeRtn'], source: V17, verified: true },
  { cn: '9013', host: t('通知应答', 'notify acknowledgement'), device: t('通知应答', 'notify acknowledgement'), deviceRole: 'reply', hostKind: 'reply', source: V17, verified: true },
  { cn: '9014', host: t('数据应答', 'data acknowledgement'), device: t('数据应答', 'data acknowledgement'), deviceRole: 'reply', hostKind: 'reply', source: V17, verified: true },
  // HJ/T 212-2005 only (from public code quoting the 2005 appendix; partly verified)
  { ...req('1021', t('提取污染物报警门限值', 'get alarm thresholds'), [], t('上传污染物报警门限值', 'upload alarm thresholds (LowValue, UpValue)')), source: V05, verified: false },
  { ...req('1022', t('设置污染物报警门限值', 'set alarm thresholds'), ['LowValue', 'UpValue']), source: V05, verified: false },
  { ...req('1031', t('提取上位机地址', 'get host address'), [], t('上传上位机地址', 'upload host address')), source: V05, verified: false },
  { ...req('1032', t('设置上位机地址', 'set host address')), source: V05, verified: false },
  { ...req('1041', t('提取数据上报时间', 'get report time'), [], t('上传数据上报时间', 'upload report time (ReportTime)')), source: V05, verified: false },
  { ...req('1042', t('设置数据上报时间', 'set report time'), ['ReportTime']), source: V05, verified: false },
  { ...req('2071', t('取污染物报警记录', 'get alarm records'), ['BeginTime', 'EndTime'], t('上传污染物报警记录', 'upload alarm records (xxx-Ala)')), source: V05, verified: false },
  { cn: '2072', device: t('上传报警事件', 'upload alarm event (AlarmTime, AlarmType, xxx-Ala)'), deviceRole: 'upload', source: V05, verified: false },
  // HJ 212-2025 additions (from the C# library caoyiliang/HJ212; unverified against the text)
  { cn: '1001', device: t('上传数采仪硬件序号', 'upload data-logger hardware ids'), deviceRole: 'upload', source: V25, verified: false },
  { cn: '1002', host: t('设置数采仪 MN', 'set data-logger MN'), deviceRole: 'none', hostKind: 'request', source: V25, verified: false },
  { cn: '1014', host: t('上位机下发新密钥', 'host sends new key'), device: t('现场机获取新密钥', 'field unit requests new key'), deviceRole: 'request', hostKind: 'request', source: V25, verified: false },
  { cn: '2013', device: t('上传原始监测数据', 'upload raw monitoring data'), deviceRole: 'upload', source: V25, verified: false },
  { cn: '2052', device: t('上传噪声单次测量数据', 'upload single noise measurement'), deviceRole: 'upload', source: V25, verified: false },
  { cn: '2062', device: t('上传自动标样核查校准数据', 'upload automatic standard-sample check data'), deviceRole: 'upload', source: V25, verified: false },
  { cn: '2111', device: t('上传炉膛温度5分钟均值', 'upload 5-minute furnace temperature'), deviceRole: 'upload', source: V25, verified: false },
  { cn: '3022', host: t('即时留样任务', 'immediate sample retention'), deviceRole: 'none', hostKind: 'request', source: V25, verified: false },
  { cn: '3024', host: t('启动标样核查', 'start standard-sample check'), deviceRole: 'none', hostKind: 'request', source: V25, verified: false },
  { cn: '9015', device: t('心跳包', 'heartbeat'), deviceRole: 'heartbeat', source: V25, verified: false },
];

const BY_CN = new Map(COMMAND_CODES.map((c) => [c.cn, c]));
const BY_ST = new Map(SYSTEM_CODES.map((s) => [s.st, s]));

export function commandCode(cn: string): CommandCode | undefined {
  return BY_CN.get(cn);
}

export function systemCode(st: string): SystemCode | undefined {
  return BY_ST.get(st);
}

/** Table 7: the device's answer to a request (9011). Only 1 means it will execute. */
export const QN_RTN: Readonly<Record<number, Text>> = {
  1: t('准备执行请求', 'ready to execute'),
  2: t('请求被拒绝', 'request rejected'),
  3: t('PW 错误', 'PW error'),
  4: t('MN 错误', 'MN error'),
  5: t('ST 错误', 'ST error'),
  6: t('Flag 错误', 'Flag error'),
  7: t('QN 错误', 'QN error'),
  8: t('CN 错误', 'CN error'),
  9: t('CRC 校验错误', 'CRC error'),
  100: t('未知错误', 'unknown error'),
};

/** Table 6: the outcome of an executed request (9012). */
export const EXE_RTN: Readonly<Record<number, Text>> = {
  1: t('执行成功', 'success'),
  2: t('执行失败，但不知道原因', 'failed, reason unknown'),
  3: t('命令请求条件错误', 'request condition error'),
  4: t('通讯超时', 'communication timeout'),
  5: t('系统繁忙不能执行', 'system busy'),
  6: t('系统故障', 'system fault'),
  100: t('没有数据', 'no data'),
};

/** Table 8: the per-factor data flag. An open set: vendors and provinces add letters (digest A.9). */
export const DATA_FLAGS: Readonly<Record<string, Text>> = {
  N: t('在线监控（监测）仪器仪表工作正常', 'normal'),
  F: t('在线监控（监测）仪器仪表停运', 'instrument stopped'),
  M: t('在线监控（监测）仪器仪表处于维护期间产生的数据', 'maintenance'),
  S: t('手工输入的设定值', 'manually entered value'),
  D: t('在线监控（监测）仪器仪表故障', 'instrument fault'),
  C: t('在线监控（监测）仪器仪表处于校准状态', 'calibration'),
  T: t('在线监控（监测）仪器仪表采样数值超过测量上限', 'over the upper measuring limit'),
  B: t('在线监控（监测）仪器仪表与数采仪通讯异常', 'instrument-logger communication fault'),
};
