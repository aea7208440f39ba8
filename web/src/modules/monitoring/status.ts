import type { PointOut } from '../../../../src/contracts/monitoring.ts';

/**
 * 在线/离线/停用 of a monitoring point, as the national online-monitoring systems show it: a point is offline
 * when nothing arrived for more than three upload intervals.
 */
export type PointStatus = 'online' | 'offline' | 'inactive';
export const POINT_STATUSES: readonly PointStatus[] = ['online', 'offline', 'inactive'];
export const OFFLINE_AFTER_INTERVALS = 3;

/**
 * The API gives `lastReadingAt` as the start of the hour bucket of the latest reading (it reads the hourly
 * rollup, src/server/monitoring/points.ts), so the latest reading itself may be up to this much later.
 * A point is only called offline when even the latest possible reading is too old.
 */
export const LAST_READING_PRECISION_MS = 3600_000;

export function pointStatus(p: Pick<PointOut, 'active' | 'lastReadingAt' | 'intervalSeconds'>, now: number): PointStatus {
  if (!p.active) return 'inactive';
  if (!p.lastReadingAt) return 'offline';
  const latest = Date.parse(p.lastReadingAt) + LAST_READING_PRECISION_MS;
  return now - latest > OFFLINE_AFTER_INTERVALS * p.intervalSeconds * 1000 ? 'offline' : 'online';
}

export const STATUS_COLORS: Record<PointStatus, string> = { online: 'success', offline: 'error', inactive: 'default' };
