import { z } from 'zod';
import {
  EventOut, PointOut, QualityOut, ReadingsOut, type PointCreate, type PointUpdate,
} from '../../../../src/contracts/monitoring.ts';
import { OrganisationOut } from '../../../../src/contracts/organisations.ts';
import { api } from '../../app/api.ts';

/** 在线监测 endpoints (src/server/monitoring/routes.ts), each answer checked against its contract. */
export type { PointOut, ReadingsOut, QualityOut };
export type Interval = ReadingsOut['interval'];
export type EventRow = z.output<typeof EventOut>;

const path = (mn: string) => `/api/points/${encodeURIComponent(mn)}`;

export const monitoringApi = {
  points: () => api.get('/api/points', z.array(PointOut)),
  point: (mn: string) => api.get(path(mn), PointOut),
  create: (body: PointCreate) => api.post('/api/points', PointOut, body),
  update: (mn: string, body: PointUpdate) => api.patch(path(mn), PointOut, body),
  readings: (mn: string, q: { from: string; to: string; interval: Interval; factor?: string }) => api.get(`${path(mn)}/readings`, ReadingsOut, q),
  quality: (mn: string, from: string, to: string) => api.get(`${path(mn)}/quality`, QualityOut, { from, to }),
  events: (mn: string) => api.get(`${path(mn)}/events`, z.array(EventOut)),
  /** Enterprises a point may be registered for (the API lists what the caller may read). */
  enterprises: () => api.get('/api/organisations', z.array(OrganisationOut), { kind: 'enterprise' }),
};
