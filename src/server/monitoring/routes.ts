import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { Ok } from '../../contracts/common.ts';
import {
  EventOut, MnParams, PointCreate, PointListQuery, PointOut, PointUpdate, QualityOut, QualityQuery, ReadingsOut, ReadingsQuery,
} from '../../contracts/monitoring.ts';
import { createPoint, deletePoint, getPoint, listPoints, updatePoint } from './points.ts';
import { pointEvents, pointQuality, pointReadings } from './readings.ts';

const TAG = 'monitoring';

export const monitoringRoutes = [
  defineRoute({
    method: 'GET', url: '/api/points', tag: TAG, access: 'monitoring.read', summary: 'Monitoring points the caller may see (an enterprise: its own)',
    query: PointListQuery, response: z.array(PointOut), handler: ({ ctx, principal, query }) => listPoints(ctx, principal, query.organisationId),
  }),
  defineRoute({
    method: 'POST', url: '/api/points', tag: TAG, access: 'monitoring.write', status: 201,
    summary: 'Register a monitoring point (HJ 212 MN, PW, factors with units and meter constants) of an enterprise',
    body: PointCreate, response: PointOut, handler: ({ ctx, principal, body }) => createPoint(ctx, principal, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/points/:mn', tag: TAG, access: 'monitoring.read', summary: 'One monitoring point (never its password)',
    params: MnParams, response: PointOut, handler: ({ ctx, principal, params }) => getPoint(ctx, principal, params.mn),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/points/:mn', tag: TAG, access: 'monitoring.write', summary: 'Change a point (password, factors, interval, active …)',
    params: MnParams, body: PointUpdate, response: PointOut, handler: ({ ctx, principal, params, body }) => updatePoint(ctx, principal, params.mn, body),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/points/:mn', tag: TAG, access: 'monitoring.write', summary: 'Delete a point that never delivered data (otherwise deactivate it)',
    params: MnParams, response: Ok, handler: ({ ctx, principal, params }) => deletePoint(ctx, principal, params.mn),
  }),
  defineRoute({
    method: 'GET', url: '/api/points/:mn/readings', tag: TAG, access: 'monitoring.read',
    summary: 'Series of a point: raw readings, or hourly/daily/monthly rollups (day and month in China Standard Time)',
    params: MnParams, query: ReadingsQuery, response: ReadingsOut, handler: ({ ctx, principal, params, query }) => pointReadings(ctx, principal, params.mn, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/points/:mn/quality', tag: TAG, access: 'monitoring.read',
    summary: 'Completeness per day and factor against the expected uploads (the 90 % rule)',
    params: MnParams, query: QualityQuery, response: QualityOut, handler: ({ ctx, principal, params, query }) => pointQuality(ctx, principal, params.mn, query.from, query.to),
  }),
  defineRoute({
    method: 'GET', url: '/api/points/:mn/events', tag: TAG, access: 'monitoring.read',
    summary: 'What ingestion noticed for a point: refused connections, content warnings (latest 200)',
    params: MnParams, response: z.array(EventOut), handler: ({ ctx, principal, params }) => pointEvents(ctx, principal, params.mn),
  }),
];
