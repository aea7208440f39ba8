import type { RegionLevel } from '../core/regions/codes.ts';

export interface DemoRegion {
  code: string;
  name: string;
  nameEn: string;
  level: RegionLevel;
  parent?: string;
  members?: string[];
}

/**
 * The five seed regions with their parents and relevant children. GB/T 2260 codes where they exist;
 * development zones and the 成渝 cross-region area carry local codes (see core/regions/codes.ts).
 */
export const DEMO_REGIONS: DemoRegion[] = [
  { code: '500000', name: '重庆市', nameEn: 'Chongqing', level: 'province' },
  { code: '500110', name: '綦江区', nameEn: 'Qijiang District', level: 'county', parent: '500000' },
  { code: '500110-WSJK', name: '万盛经济技术开发区', nameEn: 'Wansheng Economic and Technological Development Zone', level: 'zone', parent: '500110' },
  { code: '510000', name: '四川省', nameEn: 'Sichuan Province', level: 'province' },
  { code: '510100', name: '成都市', nameEn: 'Chengdu', level: 'city', parent: '510000' },
  { code: '510500', name: '泸州市', nameEn: 'Luzhou', level: 'city', parent: '510000' },
  { code: '510502', name: '江阳区', nameEn: 'Jiangyang District', level: 'county', parent: '510500' },
  { code: '510503', name: '纳溪区', nameEn: 'Naxi District', level: 'county', parent: '510500' },
  { code: '510504', name: '龙马潭区', nameEn: 'Longmatan District', level: 'county', parent: '510500' },
  { code: '510521', name: '泸县', nameEn: 'Lu County', level: 'county', parent: '510500' },
  { code: '510522', name: '合江县', nameEn: 'Hejiang County', level: 'county', parent: '510500' },
  { code: '510524', name: '叙永县', nameEn: 'Xuyong County', level: 'county', parent: '510500' },
  { code: '510525', name: '古蔺县', nameEn: 'Gulin County', level: 'county', parent: '510500' },
  { code: '430000', name: '湖南省', nameEn: 'Hunan Province', level: 'province' },
  { code: '430600', name: '岳阳市', nameEn: 'Yueyang', level: 'city', parent: '430000' },
  { code: '430600-YYJK', name: '岳阳经济技术开发区', nameEn: 'Yueyang Economic and Technological Development Zone', level: 'zone', parent: '430600' },
  { code: '640000', name: '宁夏回族自治区', nameEn: 'Ningxia Hui Autonomous Region', level: 'province' },
  { code: '640100', name: '银川市', nameEn: 'Yinchuan', level: 'city', parent: '640000' },
  { code: '640200', name: '石嘴山市', nameEn: 'Shizuishan', level: 'city', parent: '640000' },
  { code: '640300', name: '吴忠市', nameEn: 'Wuzhong', level: 'city', parent: '640000' },
  { code: '640400', name: '固原市', nameEn: 'Guyuan', level: 'city', parent: '640000' },
  { code: '640500', name: '中卫市', nameEn: 'Zhongwei', level: 'city', parent: '640000' },
  { code: '640000-NDJD', name: '宁东能源化工基地', nameEn: 'Ningdong Energy and Chemical Industry Base', level: 'zone', parent: '640000' },
  { code: 'X-CHENGYU', name: '成渝地区双城经济圈', nameEn: 'Chengdu–Chongqing Economic Circle', level: 'cross_region', members: ['500000', '510000'] },
];
