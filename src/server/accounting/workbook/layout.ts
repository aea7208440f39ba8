import {
  FINAL_SECTORS, FLOWS, FLOW_LABELS, FUELS, GENERATION_LABELS, GENERATION_SOURCES, PROCESSES, PROCESS_CATEGORIES, PROCESS_CATEGORY_LABELS,
  PROCESS_LABELS, SECTOR_LABELS,
} from '../../../core/accounting/index.ts';
import { GRID_SERIES } from '../../../core/factors/index.ts';
import { REGION_LEVELS, type RegionLevel } from '../../../core/regions/codes.ts';

/**
 * The Excel template of `shuangtan.regional-balance/1`: which sheet and column holds which field of the
 * interchange format. The writer and the reader both follow this table, so a filled template reads back to
 * exactly the balance it was written from. Officials read Chinese labels; the format keeps its ids.
 */
export const SHEET = {
  guide: '填表说明', info: '基本信息', balance: '能源平衡表', generation: '发电量', process: '工业过程', forest: '森林资源',
  economy: '经济社会', method: '核算方法', choices: '折标与参数', lists: '代码表',
} as const;

/** Export date stamped into every generated workbook, so the same balance always gives the same bytes. */
export const TEMPLATE_DATE = new Date('2025-01-01T00:00:00Z');
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Choice { id: string; zh: string }
const labelled = <T extends string>(ids: readonly T[], labels: Record<T, { zh: string }>): Choice[] => ids.map((id) => ({ id, zh: labels[id].zh }));
const plain = (xs: readonly string[]): Choice[] => xs.map((x) => ({ id: x, zh: x }));

const LEVEL_ZH: Record<RegionLevel, string> = { country: '国家', province: '省级', city: '地市级', county: '县级', zone: '园区/开发区', cross_region: '跨区域' };

/** Units offered in the drop-downs (any other unit of the right kind may be typed in). */
export const UNIT_CHOICES = [
  '万吨', '吨', '万立方米', '亿立方米', '立方米', '亿千瓦时', '万千瓦时', '千瓦时', '万百万千焦', '百万千焦', 'GJ', 'TJ',
  '万吨标准煤', '吨标准煤', '亿元', '万元', '万人', '人', '万公顷', '公顷', '%',
];

/** Every drop-down list: the words shown ↔ the format's ids. Each is one column of the 代码表 sheet. */
export const LISTS = {
  fuel: { header: '能源品种', items: plain(FUELS.map((f) => f.id)) },
  flow: { header: '项目', items: labelled(FLOWS, FLOW_LABELS) },
  process: { header: '加工转换环节', items: labelled(PROCESSES, PROCESS_LABELS) },
  sector: { header: '终端消费部门', items: labelled(FINAL_SECTORS, SECTOR_LABELS) },
  source: { header: '电源类型', items: labelled(GENERATION_SOURCES, GENERATION_LABELS) },
  unit: { header: '单位', items: plain(UNIT_CHOICES) },
  category: { header: '工业过程类别', items: labelled(PROCESS_CATEGORIES, PROCESS_CATEGORY_LABELS) },
  method: { header: '计算方法', items: [{ id: 'clinker', zh: '熟料成分法' }, { id: 'carbonate', zh: '碳酸盐法' }, { id: 'factor', zh: '因子库因子' }, { id: 'measured', zh: '实测因子' }] },
  molar: { header: '摩尔质量取值', items: [{ id: 'integer', zh: '整数摩尔质量（指南写法）' }, { id: 'precise', zh: '精确摩尔质量' }] },
  factorKind: { header: '因子种类', items: plain(['process.ef', 'process.carbonate']) },
  yesNo: { header: '是否', items: [{ id: 'true', zh: '是' }, { id: 'false', zh: '否' }] },
  conversion: { header: '电力折标方法', items: [{ id: 'calorific', zh: '当量值' }, { id: 'generation-coal', zh: '等价值' }] },
  approach: { header: '排放计算方法', items: [{ id: 'carbon-content', zh: '含碳量法' }, { id: 'ipcc', zh: 'IPCC缺省排放因子' }] },
  level: { header: '地区层级', items: REGION_LEVELS.map((l) => ({ id: l, zh: LEVEL_ZH[l] })) },
  gridSeries: { header: '电力排放因子系列', items: plain(Object.values(GRID_SERIES)) },
  gwp: { header: 'GWP版本', items: plain(['SAR', 'AR4', 'AR5', 'AR6', 'AR6-T7.15']) },
} satisfies Record<string, { header: string; items: Choice[] }>;
export type ListName = keyof typeof LISTS;

/** Lists whose cells may hold other values than the listed ones (a warning, not a refusal). */
export const OPEN_LISTS: ReadonlySet<ListName> = new Set(['unit', 'gridSeries', 'gwp']);

/** The id of a shown word (or of the id itself, any case); undefined when it is not in the list. */
export function choiceId(list: ListName, text: string): string | undefined {
  const t = text.trim().toLowerCase();
  return LISTS[list].items.find((c) => c.zh.toLowerCase() === t || c.id.toLowerCase() === t)?.id;
}
export const choiceZh = (list: ListName, id: string): string => LISTS[list].items.find((c) => c.id === id)?.zh ?? id;

/** A column of a table sheet: `field` is the dotted path inside one line of the format. */
export interface Col { field: string; header: string; width: number; list?: ListName; type?: 'number' | 'text'; percent?: boolean }

export const BALANCE_COLS: Col[] = [
  { field: 'no', header: '序号', width: 6 },
  { field: 'flow', header: '项目', width: 24, list: 'flow' },
  { field: 'fuel', header: '能源品种', width: 14, list: 'fuel' },
  { field: 'process', header: '加工转换环节', width: 16, list: 'process' },
  { field: 'sector', header: '终端消费部门', width: 28, list: 'sector' },
  { field: 'subsector', header: '细分行业代码', width: 14 },
  { field: 'amount.value', header: '数量', width: 14, type: 'number' },
  { field: 'amount.unit', header: '单位', width: 12, list: 'unit' },
  { field: 'ref', header: '数据出处', width: 18 },
  { field: 'note', header: '备注', width: 28 },
];

export const GENERATION_COLS: Col[] = [
  { field: 'no', header: '序号', width: 6 },
  { field: 'source', header: '电源类型', width: 18, list: 'source' },
  { field: 'amount.value', header: '发电量', width: 14, type: 'number' },
  { field: 'amount.unit', header: '单位', width: 12, list: 'unit' },
  { field: 'ref', header: '数据出处', width: 18 },
  { field: 'note', header: '备注', width: 28 },
];

export const PROCESS_COLS: Col[] = [
  { field: 'no', header: '序号', width: 6 },
  { field: 'name', header: '名称', width: 26 },
  { field: 'category', header: '类别', width: 20, list: 'category' },
  { field: 'activity.value', header: '活动水平', width: 12, type: 'number' },
  { field: 'activity.unit', header: '单位', width: 10, list: 'unit' },
  { field: 'method.type', header: '计算方法', width: 14, list: 'method' },
  { field: 'method.composition.cao.value', header: '熟料CaO含量(%)', width: 12, type: 'number', percent: true },
  { field: 'method.composition.mgo.value', header: '熟料MgO含量(%)', width: 12, type: 'number', percent: true },
  { field: 'method.composition.caoNonCarbonate.value', header: '非碳酸盐CaO(%)', width: 12, type: 'number', percent: true },
  { field: 'method.composition.mgoNonCarbonate.value', header: '非碳酸盐MgO(%)', width: 12, type: 'number', percent: true },
  { field: 'method.molarRatios', header: '摩尔质量取值', width: 18, list: 'molar' },
  { field: 'method.carbonate', header: '碳酸盐', width: 12 },
  { field: 'method.purity.value', header: '纯度(%)', width: 10, type: 'number', percent: true },
  { field: 'method.calcination.value', header: '煅烧比例(%)', width: 10, type: 'number', percent: true },
  { field: 'method.series', header: '碳酸盐因子系列', width: 14 },
  { field: 'method.factor.key', header: '因子键名', width: 30 },
  { field: 'method.factor.kind', header: '因子种类', width: 16, list: 'factorKind' },
  { field: 'method.factor.series', header: '因子系列', width: 12 },
  { field: 'method.factor.value', header: '实测排放因子', width: 12, type: 'number' },
  { field: 'method.factor.unit', header: '实测因子单位', width: 12 },
  { field: 'method.source', header: '实测因子来源', width: 24 },
  { field: 'gas', header: '温室气体', width: 10 },
  { field: 'industry', header: '行业代码', width: 10 },
  { field: 'ref', header: '数据出处', width: 18 },
  { field: 'note', header: '备注', width: 28 },
];

export const FOREST_COLS: Col[] = [
  { field: 'no', header: '序号', width: 6 },
  { field: 'name', header: '林分名称', width: 16 },
  { field: 'species', header: '树种（参数键名）', width: 16 },
  { field: 'area.value', header: '面积', width: 10, type: 'number' },
  { field: 'area.unit', header: '面积单位', width: 10, list: 'unit' },
  { field: 'volumeStart.value', header: '年初蓄积量', width: 12, type: 'number' },
  { field: 'volumeEnd.value', header: '年末蓄积量', width: 12, type: 'number' },
  { field: 'growth.value', header: '生长量', width: 10, type: 'number' },
  { field: 'harvest.value', header: '采伐量', width: 10, type: 'number' },
  { field: 'mortality.value', header: '枯损量', width: 10, type: 'number' },
  { field: 'volumeUnit', header: '蓄积量单位', width: 12, list: 'unit' },
  { field: 'parameterSeries', header: '参数系列', width: 14 },
  { field: 'ref', header: '数据出处', width: 18 },
];
export const VOLUME_FIELDS = ['volumeStart', 'volumeEnd', 'growth', 'harvest', 'mortality'] as const;

export const CHOICE_COLS: Col[] = [
  { field: 'fuel', header: '能源品种', width: 14, list: 'fuel' },
  { field: 'coal.key', header: '折标系数键名', width: 18 },
  { field: 'coal.series', header: '折标系数系列', width: 22 },
  { field: 'coal.fromNcv', header: '按低位发热量折标', width: 16, list: 'yesNo' },
  { field: 'param.key', header: '排放参数键名', width: 16 },
  { field: 'param.series', header: '排放参数系列', width: 16 },
  { field: 'param.approach', header: '排放计算方法', width: 18, list: 'approach' },
];

/** A row of a key–value sheet (项目 | 填写值 | 单位 | 说明): `path` in the balance; `unit` = a quantity with this default unit. */
export interface KvRow { path: string; label: string; hint: string; type?: 'number' | 'int' | 'text'; list?: ListName; unit?: string }

export const INFO_ROWS: KvRow[] = [
  { path: 'region.code', label: '地区代码', hint: 'GB/T 2260 六位代码；开发区等用“上级代码-字母”的本地代码，如 430000-DEMO' },
  { path: 'region.name', label: '地区名称', hint: '' },
  { path: 'region.level', label: '地区层级', hint: '可选', list: 'level' },
  { path: 'region.province', label: '所属省份', hint: '可选' },
  { path: 'region.gridRegion', label: '所属电网区域', hint: '可选，如 华中、西南' },
  { path: 'year', label: '核算年份', hint: '如 2023', type: 'int' },
  { path: 'description', label: '说明', hint: '可选' },
  { path: 'electricityImportNonFossilShare.share', label: '调入电力中非化石能源比例', hint: '电力净调入时必填（不作假设）', type: 'number', unit: '%' },
  { path: 'electricityImportNonFossilShare.source', label: '调入电力非化石比例来源', hint: '如 省电力公司提供的调入电量电源构成' },
  { path: 'forest.source', label: '森林资源数据来源', hint: '可选' },
];

export const ECONOMY_ROWS: KvRow[] = [
  { path: 'economy.gdpCurrent', label: '地区生产总值（当年价）', hint: '', type: 'number', unit: '亿元' },
  { path: 'economy.gdpComparable.amount', label: '地区生产总值（可比价）', hint: '按可比价基年价格计算', type: 'number', unit: '亿元' },
  { path: 'economy.gdpComparable.priceBaseYear', label: '可比价基年', hint: '如 2020', type: 'int' },
  { path: 'economy.population', label: '常住人口', hint: '', type: 'number', unit: '万人' },
  { path: 'economy.source', label: '数据来源', hint: '如 统计年鉴' },
];

export const METHOD_ROWS: KvRow[] = [
  { path: 'method.electricityConversion', label: '电力折标方法', hint: '当量值（0.1229 kgce/kWh）或等价值（需本地因子）', list: 'conversion' },
  { path: 'method.electricityFactor.series', label: '电力排放因子系列', hint: 'mee-nbs.*（生态环境部、国家统计局）与 mee-ets.national（碳市场报告口径）不得混用', list: 'gridSeries' },
  { path: 'method.electricityFactor.key', label: '电力排放因子地区', hint: '全国、电网区域（如 华中）或省份' },
  { path: 'method.electricityFactor.year', label: '电力排放因子年份', hint: '仅当与核算年份不同时填写，并说明理由', type: 'int' },
  { path: 'method.electricityFactor.yearReason', label: '因子年份理由', hint: '' },
  { path: 'method.heatFactor.key', label: '热力排放因子键名', hint: '缺省 外购热力（0.11 tCO2/GJ）' },
  { path: 'method.heatFactor.series', label: '热力排放因子系列', hint: '' },
  { path: 'method.gwpSet', label: 'GWP版本', hint: '仅非CO2气体需要', list: 'gwp' },
  { path: 'method.forest.carbonFraction.key', label: '森林碳含量键名', hint: '如 缺省' },
  { path: 'method.forest.carbonFraction.series', label: '森林碳含量系列', hint: 'IPCC 2006（0.47）或 cn-common（0.5），均为有争议值' },
  { path: 'method.forest.parameterSeries', label: '树种参数系列', hint: '本地因子的系列名' },
  { path: 'method.factorPolicy.allow.single-source', label: '允许使用单一来源因子', hint: '是：所用单一来源因子列入质量提示', list: 'yesNo' },
  { path: 'method.factorPolicy.allow.disputed', label: '允许使用有争议因子', hint: '是：所用有争议因子列入质量提示', list: 'yesNo' },
  { path: 'method.factorPolicy.allowRefs', label: '允许使用的具体因子', hint: '因子编号，多个用分号或换行分隔' },
];
