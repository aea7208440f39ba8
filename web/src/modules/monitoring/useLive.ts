import { useCallback, useEffect, useRef, useState } from 'react';

/** How often live views reload (the brief of the monitoring UI: every 30–60 s). */
export const LIVE_PERIOD_MS = 30_000;

/**
 * Loads data and reloads it every `periodMs` while the page is visible, without the loading state of the
 * first load (a live table does not flash). `refreshedAt` is when the data shown arrived.
 */
export function useLive<T>(load: () => Promise<T>, deps: readonly unknown[], periodMs = LIVE_PERIOD_MS) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [refreshedAt, setRefreshedAt] = useState<number | null>(null);
  const seq = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const out = await run();
      if (mine === seq.current) { setData(out); setError(null); setRefreshedAt(Date.now()); }
    } catch (e) {
      if (mine === seq.current) setError(e);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [run]);

  useEffect(() => {
    setLoading(true);
    void refresh();
    const id = window.setInterval(() => { if (document.visibilityState === 'visible') void refresh(); }, periodMs);
    return () => window.clearInterval(id);
  }, [refresh, periodMs]);

  return { data, loading, error, refreshedAt, refresh };
}
