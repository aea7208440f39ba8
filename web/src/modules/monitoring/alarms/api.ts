import {
  AlarmOut, AlarmPage, AlarmSummary, EvaluationOut, type AlarmListQuery, type AlarmStatus, type AlarmSummaryQuery, type EvaluateBody,
} from '../../../../../src/contracts/alarms.ts';
import { api } from '../../../app/api.ts';

/** 报警 endpoints (src/server/monitoring/alarms.ts), each answer checked against its contract. */
export type { AlarmOut, AlarmPage, AlarmStatus, AlarmSummary };
export type AlarmFilter = Partial<Pick<AlarmListQuery, 'status' | 'rule' | 'organisationId' | 'regionCode' | 'mn' | 'from' | 'to' | 'limit' | 'offset'>>;
export type SummaryFilter = Partial<Pick<AlarmSummaryQuery, 'organisationId' | 'regionCode' | 'from' | 'to'>>;

export const alarmsApi = {
  list: (q: AlarmFilter) => api.get('/api/alarms', AlarmPage, q),
  summary: (q: SummaryFilter = {}) => api.get('/api/alarms/summary', AlarmSummary, q),
  acknowledge: (id: number, note?: string) => api.post(`/api/alarms/${id}/acknowledge`, AlarmOut, { note }),
  close: (id: number, note?: string) => api.post(`/api/alarms/${id}/close`, AlarmOut, { note }),
  evaluate: (body: EvaluateBody) => api.post('/api/monitoring/quality/evaluate', EvaluationOut, body),
};

/** The most alarms one list request brings (the API's own cap). */
export const ALARM_LIST_LIMIT = 500;
