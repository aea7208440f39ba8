import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * The page's state lives in the address (?tab=&set=&inventory=&base=&report=) so that a link, the back
 * button and a reload all land on the same view. Changes replace the entry, except where `push` is asked.
 */
export function usePageParams() {
  const [params, setParams] = useSearchParams();
  const get = useCallback((k: string) => params.get(k) ?? undefined, [params]);
  const num = useCallback((k: string) => {
    const v = Number(params.get(k));
    return params.get(k) !== null && Number.isInteger(v) ? v : undefined;
  }, [params]);
  const set = useCallback((changes: Record<string, string | number | undefined>, push = false) => {
    setParams((p) => {
      const n = new URLSearchParams(p);
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined || v === '') n.delete(k);
        else n.set(k, String(v));
      }
      return n;
    }, { replace: !push });
  }, [setParams]);
  return { get, num, set };
}
