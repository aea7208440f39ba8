import { MeteredOut } from '../../../../../src/contracts/metered.ts';
import { api } from '../../../app/api.ts';

/** 计量能耗 endpoint (src/server/monitoring/metered-routes.ts). */
export type { MeteredOut };
export type MeteredItem = MeteredOut['items'][number];
export type ComparisonRow = NonNullable<MeteredOut['comparison']>['rows'][number];

export const meteredApi = {
  get: (organisationId: number, year: number) => api.get(`/api/organisations/${organisationId}/metered-energy`, MeteredOut, { year }),
};
