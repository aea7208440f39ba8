import { useEffect, useRef, useState } from 'react';
import { ApiError, type Issue } from '../../app/api.ts';
import { scenariosApi } from './api.ts';
import { PREVIEW_DRAWS, type ChartReport, type ScenarioInput } from './types.ts';

/**
 * The live preview: every change of the draft, once it has been still for `delay` ms, goes to
 * POST /api/scenarios/preview (nothing is stored). Answers that arrive after a newer request are dropped.
 * A file the core refuses keeps the last good report and returns the core's issues, each naming its field.
 */
export interface PreviewState {
  report: ChartReport | null;
  /** the input the report was computed from */
  input: ScenarioInput | null;
  draws: number;
  seed: number;
  loading: boolean;
  issues: Issue[];
  /** a failure that is not about the input (network, server) */
  error: unknown;
}

export function usePreview(draft: ScenarioInput, delay = 350): PreviewState {
  const seed = draft.monteCarlo?.seed ?? 1;
  const [state, setState] = useState<PreviewState>({ report: null, input: null, draws: PREVIEW_DRAWS, seed, loading: true, issues: [], error: null });
  const seq = useRef(0);
  const first = useRef(true);

  useEffect(() => {
    const mine = ++seq.current;
    const wait = first.current ? 0 : delay;
    first.current = false;
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, loading: true }));
      scenariosApi.preview(draft, PREVIEW_DRAWS, seed).then(
        (report) => { if (mine === seq.current) setState({ report, input: draft, draws: PREVIEW_DRAWS, seed, loading: false, issues: [], error: null }); },
        (e: unknown) => {
          if (mine !== seq.current) return;
          const invalid = e instanceof ApiError && e.status === 400 && e.issues.some((i) => i.field);
          setState((s) => ({ ...s, loading: false, issues: invalid ? e.issues : [], error: invalid ? null : e }));
        },
      );
    }, wait);
    return () => clearTimeout(timer);
  }, [draft, seed, delay]);

  return state;
}
