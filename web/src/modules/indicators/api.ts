import { z } from 'zod';
import {
  IndicatorOut, IndicatorSeries, ObservationOut,
  type ObservationCreate,
} from '../../../../src/contracts/plans.ts';
import { api } from '../../app/api.ts';

/** The indicator and observation endpoints (src/server/plans). */
export const indicatorsApi = {
  catalogue: () => api.get('/api/indicators', z.array(IndicatorOut)),
  series: (code: string, region: string) => api.get(`/api/indicators/${encodeURIComponent(code)}/series`, IndicatorSeries, { region }),
  observations: (q: { region?: string; indicator?: string }) => api.get('/api/observations', z.array(ObservationOut), q),
  addObservation: (body: ObservationCreate) => api.post('/api/observations', ObservationOut, body),
  review: (id: number, status: 'approved' | 'rejected', note: string | null) =>
    api.patch(`/api/observations/${id}/review`, ObservationOut, { status, note }),
};
