import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { z } from 'zod';
import { RegionOut } from '../../../src/contracts/regions.ts';
import { api } from './api.ts';
import { useAuth } from './auth.tsx';
import { indexRegions, type RegionIndex } from '../shared/regions.ts';

/**
 * The regions the API returns and the one selected in the header. The choice is remembered per user in
 * localStorage; the first visit starts at the user's own region (first role with a region), else the first
 * top-level region.
 */
interface RegionValue {
  index: RegionIndex | null;
  loading: boolean;
  error: unknown;
  selected: RegionOut | null;
  select(code: string): void;
  reload(): Promise<void>;
}

const RegionContext = createContext<RegionValue | null>(null);
const key = (username: string) => `shuangtan.region.${username}`;

function readStored(username: string): string | null {
  try { return localStorage.getItem(key(username)); } catch { return null; }
}

export function RegionProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const [index, setIndex] = useState<RegionIndex | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [code, setCode] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const list = await api.get('/api/regions', z.array(RegionOut));
      setIndex(indexRegions(list));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    setIndex(null);
    setCode(null);
    if (user) void reload();
  }, [user?.id, reload]); // eslint-disable-line react-hooks/exhaustive-deps

  // Once regions are known: the stored choice if it still exists, else the default.
  useEffect(() => {
    if (!index || !user) return;
    if (code && index.byCode.has(code)) return;
    const stored = readStored(user.username);
    const own = user.roles.find((g) => g.regionCode && index.byCode.has(g.regionCode))?.regionCode;
    setCode(stored && index.byCode.has(stored) ? stored : own ?? index.roots[0]?.code ?? null);
  }, [index, user, code]);

  const select = useCallback((c: string) => {
    setCode(c);
    if (user) {
      try { localStorage.setItem(key(user.username), c); } catch { /* not persisted */ }
    }
  }, [user]);

  const value = useMemo<RegionValue>(() => ({
    index, loading, error, reload, select,
    selected: (code && index?.byCode.get(code)) || null,
  }), [index, loading, error, reload, select, code]);
  return <RegionContext.Provider value={value}>{children}</RegionContext.Provider>;
}

export function useRegion(): RegionValue {
  const v = useContext(RegionContext);
  if (!v) throw new Error('useRegion outside RegionProvider');
  return v;
}
