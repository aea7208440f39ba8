import type { ReactNode } from 'react';
import {
  AimOutlined, AlertOutlined, ApartmentOutlined, AuditOutlined, BankOutlined, CalculatorOutlined, DashboardOutlined,
  ExperimentOutlined, FundProjectionScreenOutlined, GiftOutlined, GlobalOutlined, SettingOutlined, ShopOutlined, TeamOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { Action } from '../../../src/core/access/policy.ts';
import { zh } from '../i18n/zh.ts';

/**
 * The side menu, in the order carbon-peak office staff work through it. Each entry states what it needs
 * (admin only, or an action of the shared permission table); entries a user cannot use are not shown.
 */
type MenuKey = keyof typeof zh.menu;
export type PlaceholderModule = 'accounting' | 'monitoring' | 'scenarios' | 'projects' | 'enterprises' | 'inclusion';

export interface ModuleEntry {
  path: string;
  label: MenuKey;
  icon: ReactNode;
  adminOnly?: boolean;
  needs?: Action;
}

/** Modules that are built: 规划目标 and 指标预警 (src/server/plans). */
export const PLAN_MODULES: ModuleEntry[] = [
  { path: '/plans', label: 'plans', icon: <AimOutlined />, needs: 'plan.read' },
  { path: '/indicators', label: 'indicators', icon: <AlertOutlined />, needs: 'observation.read' },
  // 碳核算 (src/server/accounting): the factor library is read by every role; the API scopes inventories and reports.
  { path: '/accounting', label: 'accounting', icon: <CalculatorOutlined />, needs: 'factor.read' },
  // 情景分析 (src/server/scenarios): anyone logged in may explore; saving and running need scenario.write.
  { path: '/scenarios', label: 'scenarios', icon: <ExperimentOutlined />, needs: 'scenario.read' },
  // 在线监测 (src/server/monitoring): points and readings are enterprise data: the enterprise, its office and district.
  { path: '/monitoring', label: 'monitoring', icon: <ThunderboltOutlined />, needs: 'monitoring.read' },
];

export const PLACEHOLDER_MODULES: Array<ModuleEntry & { label: PlaceholderModule }> = [
  { path: '/projects', label: 'projects', icon: <FundProjectionScreenOutlined /> },
  { path: '/enterprises', label: 'enterprises', icon: <ShopOutlined /> },
  { path: '/inclusion', label: 'inclusion', icon: <GiftOutlined /> },
];

/** The menu keeps the product's order (capabilities 1–9) whichever list a module is in, built or not. */
const MENU_ORDER = ['/plans', '/indicators', '/accounting', '/monitoring', '/scenarios', '/projects', '/enterprises', '/inclusion', '/dashboard'];
const menuRank = (m: ModuleEntry) => { const i = MENU_ORDER.indexOf(m.path); return i < 0 ? MENU_ORDER.length : i; };

export const MAIN_MODULES: ModuleEntry[] = ([
  ...PLAN_MODULES,
  ...PLACEHOLDER_MODULES,
  { path: '/dashboard', label: 'dashboard', icon: <DashboardOutlined /> },
] satisfies ModuleEntry[]).sort((a, b) => menuRank(a) - menuRank(b));

export const SYSTEM_MODULES: ModuleEntry[] = [
  { path: '/system/users', label: 'users', icon: <TeamOutlined />, adminOnly: true },
  { path: '/system/organisations', label: 'organisations', icon: <BankOutlined />, needs: 'organisation.read' },
  { path: '/system/regions', label: 'regions', icon: <GlobalOutlined />, needs: 'region.read' },
  { path: '/system/audit', label: 'audit', icon: <AuditOutlined />, adminOnly: true },
];

export interface Access { isAdmin: boolean; may(a: Action): boolean }

export const allowed = (m: ModuleEntry, a: Access) => a.isAdmin || (!m.adminOnly && (!m.needs || a.may(m.needs)));

/**
 * Menu items for Ant Design's Menu. Administrators get the 系统管理 section; other users see the parts of it
 * they may read (organisations, regions) under 基础信息, without anything administrative.
 */
export function menuItems(t: TFunction, a: Access): NonNullable<MenuProps['items']> {
  const item = (m: ModuleEntry) => ({ key: m.path, icon: m.icon, label: t(`menu.${m.label}`) });
  const system = SYSTEM_MODULES.filter((m) => allowed(m, a)).map(item);
  return [
    ...MAIN_MODULES.filter((m) => allowed(m, a)).map(item),
    ...(system.length
      ? [{ key: 'system', icon: a.isAdmin ? <SettingOutlined /> : <ApartmentOutlined />, label: t(a.isAdmin ? 'menu.system' : 'menu.directory'), children: system }]
      : []),
  ];
}

/** The menu path of a location, for breadcrumbs: [group?, page]. */
export function menuPath(t: TFunction, pathname: string, isAdmin: boolean): string[] {
  const main = MAIN_MODULES.find((m) => pathname.startsWith(m.path));
  if (main) return [t(`menu.${main.label}`)];
  const sys = SYSTEM_MODULES.find((m) => pathname.startsWith(m.path));
  if (sys) return [t(isAdmin ? 'menu.system' : 'menu.directory'), t(`menu.${sys.label}`)];
  return [];
}
