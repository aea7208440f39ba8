import type { Role } from '../core/access/policy.ts';

/** One demo user per role, scoped like real users of the seed regions would be. */
export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  region?: string;
  /** name of the organisation (for department, enterprise and verifier users) */
  org?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'luzhou.office', displayName: '泸州市双碳办', role: 'office', region: '510500' },
  { username: 'luzhou.fgw', displayName: '泸州市发展改革委', role: 'department', org: '泸州市发展和改革委员会' },
  { username: 'jiangyang.district', displayName: '江阳区双碳办', role: 'district', region: '510502' },
  { username: 'luzhou.cement', displayName: '江南水泥能源管理员', role: 'enterprise', org: '泸州江南水泥有限公司（演示）' },
  { username: 'luzhou.brewery', displayName: '龙马酿酒能源管理员', role: 'enterprise', org: '泸州龙马酿酒有限公司（演示）' },
  { username: 'sichuan.verifier', displayName: '川渝碳核查', role: 'verifier', region: '510000', org: '川渝碳核查技术服务有限公司（演示）' },
  { username: 'luzhou.viewer', displayName: '泸州市领导（只读）', role: 'viewer', region: '510500' },
  { username: 'wansheng.office', displayName: '万盛经开区双碳办', role: 'office', region: '500110-WSJK' },
  { username: 'yueyang.office', displayName: '岳阳经开区双碳办', role: 'office', region: '430600-YYJK' },
  { username: 'ningxia.office', displayName: '宁夏自治区双碳办', role: 'office', region: '640000' },
  { username: 'chengyu.office', displayName: '成渝联合办公室', role: 'office', region: 'X-CHENGYU' },
];
