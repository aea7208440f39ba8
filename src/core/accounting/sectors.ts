/** 终端消费 sectors of the 能源平衡表, and its 加工转换 processes. */
export const FINAL_SECTORS = ['agriculture', 'industry', 'construction', 'transport', 'commerce', 'otherServices', 'residentialUrban', 'residentialRural'] as const;
export type FinalSector = (typeof FINAL_SECTORS)[number];

export const SECTOR_LABELS: Record<FinalSector, { zh: string; en: string }> = {
  agriculture: { zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  industry: { zh: '工业', en: 'Industry' },
  construction: { zh: '建筑业', en: 'Construction' },
  transport: { zh: '交通运输、仓储和邮政业', en: 'Transport, storage and post' },
  commerce: { zh: '批发和零售业、住宿和餐饮业', en: 'Wholesale, retail, accommodation and catering' },
  otherServices: { zh: '其他', en: 'Other services' },
  residentialUrban: { zh: '城镇居民生活', en: 'Urban households' },
  residentialRural: { zh: '乡村居民生活', en: 'Rural households' },
};

export const PROCESSES = ['thermalPower', 'heatSupply', 'coalWashing', 'coking', 'refining', 'gasMaking', 'gasLiquefaction', 'briquetting', 'recovery'] as const;
export type Process = (typeof PROCESSES)[number];

export const PROCESS_LABELS: Record<Process, { zh: string; en: string }> = {
  thermalPower: { zh: '火力发电', en: 'Thermal power' },
  heatSupply: { zh: '供热', en: 'Heat supply' },
  coalWashing: { zh: '洗选煤', en: 'Coal washing' },
  coking: { zh: '炼焦', en: 'Coking' },
  refining: { zh: '炼油及煤制油', en: 'Oil refining and coal-to-liquids' },
  gasMaking: { zh: '制气', en: 'Gas making' },
  gasLiquefaction: { zh: '天然气液化', en: 'Natural gas liquefaction' },
  briquetting: { zh: '煤制品加工', en: 'Briquetting' },
  recovery: { zh: '回收能', en: 'Energy recovery' },
};

/** Transformation inputs that are burnt (their CO2 is counted where they are burnt); the others are converted into other fuels. */
export const COMBUSTION_PROCESSES: readonly Process[] = ['thermalPower', 'heatSupply'];

/** 一次能源生产…终端消费: the flows a balance row can carry. */
export const FLOWS = ['production', 'inflow', 'import', 'outflow', 'export', 'stockChange', 'transformationInput', 'transformationOutput', 'loss', 'final', 'finalNonEnergy'] as const;
export type Flow = (typeof FLOWS)[number];

export const FLOW_LABELS: Record<Flow, { zh: string; en: string }> = {
  production: { zh: '一次能源生产量', en: 'primary production' },
  inflow: { zh: '外地调入量', en: 'inflow from other regions' },
  import: { zh: '进口量', en: 'imports' },
  outflow: { zh: '本地调出量', en: 'outflow to other regions' },
  export: { zh: '出口量', en: 'exports' },
  stockChange: { zh: '库存增(−)减(+)量', en: 'stock change (draw +, build −)' },
  transformationInput: { zh: '加工转换投入量', en: 'transformation input' },
  transformationOutput: { zh: '加工转换产出量', en: 'transformation output' },
  loss: { zh: '损失量', en: 'losses' },
  final: { zh: '终端消费量', en: 'final consumption' },
  finalNonEnergy: { zh: '其中：用作原料、材料', en: 'of which non-energy use (feedstock)' },
};

/** Local electricity generation by source. */
export const GENERATION_SOURCES = ['coal', 'gas', 'oil', 'otherFossil', 'hydro', 'wind', 'solar', 'nuclear', 'biomass', 'geothermal', 'otherNonFossil'] as const;
export type GenerationSource = (typeof GENERATION_SOURCES)[number];
export const THERMAL_SOURCES: readonly GenerationSource[] = ['coal', 'gas', 'oil', 'otherFossil'];

export const GENERATION_LABELS: Record<GenerationSource, { zh: string; en: string }> = {
  coal: { zh: '燃煤发电', en: 'coal-fired' },
  gas: { zh: '燃气发电', en: 'gas-fired' },
  oil: { zh: '燃油发电', en: 'oil-fired' },
  otherFossil: { zh: '其他化石能源发电', en: 'other fossil' },
  hydro: { zh: '水电', en: 'hydro' },
  wind: { zh: '风电', en: 'wind' },
  solar: { zh: '太阳能发电', en: 'solar' },
  nuclear: { zh: '核电', en: 'nuclear' },
  biomass: { zh: '生物质发电', en: 'biomass' },
  geothermal: { zh: '地热发电', en: 'geothermal' },
  otherNonFossil: { zh: '其他非化石能源发电', en: 'other non-fossil' },
};
