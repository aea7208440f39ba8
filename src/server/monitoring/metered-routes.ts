import { defineRoute } from '../http/route.ts';
import { MeteredOut, MeteredParams, MeteredQuery, RegionMeteredOut, RegionMeteredParams } from '../../contracts/metered.ts';
import { meteredEnergy } from './metered.ts';
import { regionMeteredEnergy } from './metered-region.ts';

export const meteredRoutes = [
  defineRoute({
    method: 'GET', url: '/api/organisations/:id/metered-energy', tag: 'monitoring', access: 'monitoring.read',
    summary: "An enterprise's metered energy by month and item (kWh, t, m³, GJ) with tce and CO2 from the factor library, completeness of the days, and the comparison with its report of the year (deviation, flagged beyond 5 %)",
    params: MeteredParams, query: MeteredQuery, response: MeteredOut,
    handler: ({ ctx, principal, params, query }) => meteredEnergy(ctx, principal, params.id, query.year),
  }),
  defineRoute({
    method: 'GET', url: '/api/regions/:code/metered-energy', tag: 'monitoring', access: 'monitoring.read',
    summary: "A region's metered energy: every enterprise of the region and the regions below it that has monitoring points, by its own metered calculation, summed per month and item (tce, CO2, CEMS CO2 apart), with coverage, incomplete data flagged and each enterprise's deviation from its report (office and district of the region)",
    params: RegionMeteredParams, query: MeteredQuery, response: RegionMeteredOut,
    handler: ({ ctx, principal, params, query }) => regionMeteredEnergy(ctx, principal, params.code, query.year),
  }),
];
