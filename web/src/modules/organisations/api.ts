import { z } from 'zod';
import { OrganisationOut, type OrganisationCreate, type OrganisationPatch } from '../../../../src/contracts/organisations.ts';
import { api } from '../../app/api.ts';

/** The organisations endpoints (src/server/organisations/routes.ts). */
export const organisationsApi = {
  list: (q: { region?: string; kind?: string; q?: string } = {}) => api.get('/api/organisations', z.array(OrganisationOut), q),
  create: (body: OrganisationCreate) => api.post('/api/organisations', OrganisationOut, body),
  update: (id: number, body: OrganisationPatch) => api.patch(`/api/organisations/${id}`, OrganisationOut, body),
};

export const orgTarget = (o: Pick<OrganisationOut, 'id' | 'regionId' | 'kind'>) => ({
  regionId: o.regionId,
  organisationId: o.id,
  confidential: o.kind === 'enterprise',
});
