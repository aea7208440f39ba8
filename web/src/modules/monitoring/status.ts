import type { PointOut } from '../../../../src/contracts/monitoring.ts';

/**
 * 在线/离线/停用 of a monitoring point, as the national online-monitoring systems show it: a point is offline
 * when nothing arrived for more than three upload intervals.
 */
export type PointStatus = 'online' | 'offline' | 'inactive';
export const POINT_STATUSES: readonly PointStatus[] = ['online', 'offline', 'inactive'];
export const OFFLINE_AFTER_INTERVALS = 3;

export function pointStatus(p: Pick<PointOut, 'active' | 'lastReadingAt' | 'intervalSeconds'>, now: number): PointStatus {
  if (!p.active) return 'inactive';
  if (!p.lastReadingAt) return 'offline';
  return now - Date.parse(p.lastReadingAt) > OFFLINE_AFTER_INTERVALS * p.intervalSeconds * 1000 ? 'offline' : 'online';
}

export const STATUS_COLORS: Record<PointStatus, string> = { online: 'success', offline: 'error', inactive: 'default' };
