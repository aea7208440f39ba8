/**
 * Government bodies named as 牵头/配合/责任单位 in the five seed plans (short names as the plans write them),
 * plus a carbon-peak office per seed region. 泸州's plan names no units; its bodies are the city's standard
 * departments. Enterprises and the verifier are fictional demo entities, marked （演示）.
 */
export interface DemoOrg {
  region: string;
  kind: 'office' | 'department' | 'enterprise' | 'verifier';
  name: string;
  shortName?: string;
  nameEn?: string;
  industryCode?: string;
  keyEnergyUser?: boolean;
  keyEmitter?: boolean;
}

const depts = (region: string, prefix: string, shorts: string[]): DemoOrg[] =>
  shorts.map((s) => ({ region, kind: 'department', name: prefix + s, shortName: s }));

export const DEMO_ORGS: DemoOrg[] = [
  // 万盛经开区 (wansheng-chongqing-2023.txt)
  { region: '500110-WSJK', kind: 'office', name: '万盛经开区碳达峰碳中和工作领导小组办公室', shortName: '区碳达峰碳中和工作领导小组办公室', nameEn: 'Wansheng ETDZ Carbon Peak and Neutrality Office' },
  ...depts('500110-WSJK', '万盛经开区', ['发展改革局', '经济信息局', '生态环境局', '住房城乡建设局', '交通局', '规划自然资源局', '科技局', '农林局', '商务局', '城管局', '财政局', '市场监管局', '机关事务中心', '统计局', '党工委组织部', '文化旅游局', '水利局', '教育局', '税务局', '党工委督查办', '管委会督查办', '公安分局', '人力社保局', '国资管理中心', '党工委党校', '平山园区管委会']),
  // 岳阳经开区 (yueyang-etdz-2023.txt)
  { region: '430600-YYJK', kind: 'office', name: '岳阳经开区碳达峰碳中和工作领导小组办公室', shortName: '区碳达峰碳中和工作领导小组办公室', nameEn: 'Yueyang ETDZ Carbon Peak and Neutrality Office' },
  ...depts('430600-YYJK', '岳阳经开区', ['区产业发展局', '区开发建设局', '区生态环境分局', '区城管局', '区自然资源局', '区机关事务管理中心', '区市场监管局', '金凤桥管理处', '木里港管理处', '区教育体育局', '区农村工作部', '区人才服务中心', '区经济合作局', '区应急管理局', '区劳动和社会保障局', '区卫健局', '交警白石岭大队']),
  // 宁夏 (ningxia-draft-2022.txt)
  { region: '640000', kind: 'office', name: '宁夏回族自治区碳达峰碳中和工作领导小组办公室', shortName: '自治区碳达峰碳中和工作领导小组办公室', nameEn: 'Ningxia Carbon Peak and Neutrality Office' },
  ...depts('640000', '自治区', ['发展改革委', '工业和信息化厅', '生态环境厅', '财政厅', '住房城乡建设厅', '市场监管厅', '农业农村厅', '自然资源厅', '交通运输厅', '科技厅', '林草局', '商务厅', '水利厅', '机关事务管理局', '国资委', '教育厅', '公安厅', '人力资源社会保障厅', '文化和旅游厅', '统计局', '司法厅', '地方金融监管局', '公共资源交易管理局', '党委宣传部', '党委组织部', '文明办', '妇联', '党校']),
  ...['宁夏邮政管理局', '宁夏银保监局', '宁夏证监局', '宁夏通信管理局', '宁夏税务局', '人民银行银川中心支行'].map((n): DemoOrg => ({ region: '640000', kind: 'department', name: n, shortName: n })),
  { region: '640000-NDJD', kind: 'department', name: '宁东能源化工基地管理委员会', shortName: '宁东管委会' },
  // 成渝 joint plan (chengdu-chongqing-joint-2022.txt): units of both provinces, under their own province
  { region: 'X-CHENGYU', kind: 'office', name: '推动成渝地区双城经济圈建设联合办公室', nameEn: 'Joint Office for the Chengdu–Chongqing Economic Circle' },
  ...depts('500000', '重庆市', ['发展改革委', '经济信息委', '生态环境局', '能源局', '规划自然资源局', '水利局', '林业局', '市场监管局', '商务委', '交通局', '财政局', '科技局', '住房城乡建委', '机关事务局', '农业农村委', '委网信办', '大数据发展局', '通信管理局', '政府口岸物流办', '公安局', '城市管理局', '税务局', '金融监管局', '人力社保局', '教委', '邮政管理局', '文化旅游委']),
  ...['重庆银保监局', '重庆证监局', '人行重庆营管部'].map((n): DemoOrg => ({ region: '500000', kind: 'department', name: n, shortName: n })),
  ...['四川银保监局', '四川证监局', '人行成都分行'].map((n): DemoOrg => ({ region: '510000', kind: 'department', name: n, shortName: n })),
  ...depts('510000', '四川省', ['发展改革委', '经济和信息化厅', '生态环境厅', '能源局', '自然资源厅', '交通运输厅', '水利厅', '林草局', '市场监管局', '商务厅', '财政厅', '科技厅', '住房城乡建设厅', '机关事务管理局', '粮食和储备局', '农业农村厅', '委网信办', '大数据中心', '通信管理局', '政府口岸物流办', '公安厅', '税务局', '地方金融监管局', '人力资源社会保障厅', '教育厅', '邮政管理局', '文化和旅游厅']),
  // 泸州 (luzhou-2024.txt names no units)
  { region: '510500', kind: 'office', name: '泸州市碳达峰碳中和工作领导小组办公室', shortName: '市碳达峰碳中和工作领导小组办公室', nameEn: 'Luzhou Carbon Peak and Neutrality Office' },
  ...depts('510500', '泸州市', ['发展和改革委员会', '经济和信息化局', '生态环境局', '住房和城乡建设局', '交通运输局', '自然资源和规划局', '统计局', '科学技术局', '财政局', '市场监督管理局', '机关事务管理局', '农业农村局', '林业和竹业局', '商务局', '大数据中心']),
  ...[['510502', '江阳区'], ['510503', '纳溪区'], ['510504', '龙马潭区'], ['510521', '泸县'], ['510522', '合江县'], ['510524', '叙永县'], ['510525', '古蔺县']]
    .map(([region, n]): DemoOrg => ({ region, kind: 'office', name: `${n}碳达峰碳中和工作领导小组办公室` })),
  // Fictional demo enterprises and a verifier
  { region: '510502', kind: 'enterprise', name: '泸州江南水泥有限公司（演示）', industryCode: 'C3011', keyEnergyUser: true, keyEmitter: true },
  { region: '510504', kind: 'enterprise', name: '泸州龙马酿酒有限公司（演示）', industryCode: 'C1512', keyEnergyUser: true },
  { region: '510503', kind: 'enterprise', name: '纳溪化工有限公司（演示）', industryCode: 'C2619', keyEnergyUser: true, keyEmitter: true },
  { region: '510521', kind: 'enterprise', name: '泸县川南热电有限公司（演示）', industryCode: 'D4411', keyEnergyUser: true, keyEmitter: true },
  { region: '510502', kind: 'enterprise', name: '泸州云谷数据中心有限公司（演示）', industryCode: 'I6450', keyEnergyUser: true },
  { region: '500110-WSJK', kind: 'enterprise', name: '万盛浮法玻璃有限公司（演示）', industryCode: 'C3041', keyEnergyUser: true, keyEmitter: true },
  { region: '430600-YYJK', kind: 'enterprise', name: '岳阳经开电子材料有限公司（演示）', industryCode: 'C3985', keyEnergyUser: true },
  { region: '640000-NDJD', kind: 'enterprise', name: '宁东煤化工有限公司（演示）', industryCode: 'C2523', keyEnergyUser: true, keyEmitter: true },
  { region: '510000', kind: 'verifier', name: '川渝碳核查技术服务有限公司（演示）', industryCode: 'M7452' },
];
