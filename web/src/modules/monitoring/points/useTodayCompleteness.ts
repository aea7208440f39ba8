import { useEffect, useState } from 'react';
import { monitoringApi, type QualityOut } from '../api.ts';
import { cstDay, dayElapsed } from '../time.ts';

export interface TodayPart { factor: string; kind: string; received: number; expectedSoFar: number; completeness: number }
export interface TodayCompleteness { value: number | null; parts: TodayPart[] }

/**
 * Today's completeness so far. The API counts a day against all its expected uploads, so at noon a perfect
 * point has 50 %; for today the expectation is scaled to the part of the CST day that has passed.
 * The point's figure is its worst factor, as the 90 % rule applies to each.
 */
export function todaySoFar(q: QualityOut, now: number): TodayCompleteness {
  const share = dayElapsed(now);
  const parts = q.days.map((d) => {
    const expectedSoFar = Math.max(1, Math.floor(d.expected * share));
    return { factor: d.factor, kind: d.kind, received: d.received, expectedSoFar, completeness: Math.min(1, d.received / expectedSoFar) };
  });
  return { value: parts.length ? Math.min(...parts.map((p) => p.completeness)) : null, parts };
}

/** Today's completeness of the points shown (one request per point: only the rows on screen ask). */
export function useTodayCompleteness(mns: readonly string[], tick: number | null): Map<string, TodayCompleteness | 'error'> {
  const [map, setMap] = useState(new Map<string, TodayCompleteness | 'error'>());
  const key = mns.join(',');
  useEffect(() => {
    if (!key) return undefined;
    let alive = true;
    const now = Date.now();
    const day = cstDay(now);
    void Promise.all(key.split(',').map(async (mn) => {
      try {
        return [mn, todaySoFar(await monitoringApi.quality(mn, day, day), now)] as const;
      } catch {
        return [mn, 'error' as const] as const;
      }
    })).then((entries) => { if (alive) setMap(new Map<string, TodayCompleteness | 'error'>(entries)); });
    return () => { alive = false; };
  }, [key, tick]);
  return map;
}
