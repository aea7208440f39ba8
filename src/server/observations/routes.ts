import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { IdParams } from '../../contracts/common.ts';
import { IndicatorSeries, ObservationCreate, ObservationOut, ObservationQuery, ObservationReview } from '../../contracts/plans.ts';
import { enterObservation, indicatorSeries, listObservations, reviewObservation } from './service.ts';

export const observationRoutes = [
  defineRoute({
    method: 'GET', url: '/api/observations', tag: 'indicators', access: 'observation.read', summary: 'Indicator values by region and year',
    query: ObservationQuery, response: z.array(ObservationOut), handler: ({ ctx, query }) => listObservations(ctx.db, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/observations', tag: 'indicators', access: 'observation.write', status: 201,
    summary: 'Enter an indicator value (submitted for review, or a draft)', body: ObservationCreate, response: ObservationOut,
    handler: ({ ctx, principal, body }) => enterObservation(ctx, principal, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/observations/:id/review', tag: 'indicators', access: 'observation.review',
    summary: 'Approve or reject a submitted value (office)', params: IdParams, body: ObservationReview, response: ObservationOut,
    handler: ({ ctx, principal, params, body }) => reviewObservation(ctx, principal, params.id, body.status, body.note),
  }),
  defineRoute({
    method: 'GET', url: '/api/indicators/:code/series', tag: 'indicators', access: 'observation.read',
    summary: "An indicator's observed values in a region against the expected path of each target",
    params: z.object({ code: z.string().min(1).max(64) }), query: z.object({ region: z.string().min(1).max(32) }), response: IndicatorSeries,
    handler: ({ ctx, params, query }) => indicatorSeries(ctx.db, params.code, query.region),
  }),
];
