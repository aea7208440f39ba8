import { defineRoute } from '../http/route.ts';
import { MeteredOut, MeteredParams, MeteredQuery } from '../../contracts/metered.ts';
import { meteredEnergy } from './metered.ts';

export const meteredRoutes = [
  defineRoute({
    method: 'GET', url: '/api/organisations/:id/metered-energy', tag: 'monitoring', access: 'monitoring.read',
    summary: "An enterprise's metered energy by month and item (kWh, t, m³, GJ) with tce and CO2 from the factor library, completeness of the days, and the comparison with its report of the year (deviation, flagged beyond 5 %)",
    params: MeteredParams, query: MeteredQuery, response: MeteredOut,
    handler: ({ ctx, principal, params, query }) => meteredEnergy(ctx, principal, params.id, query.year),
  }),
];
