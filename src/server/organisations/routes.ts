import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { IdParams } from '../../contracts/common.ts';
import { OrganisationCreate, OrganisationOut, OrganisationPatch, OrganisationQuery } from '../../contracts/organisations.ts';
import { createOrganisation, listOrganisations, updateOrganisation } from './service.ts';
import { loadOrganisation } from '../access/guard.ts';
import { toOrganisationOut } from './repo.ts';

export const organisationRoutes = [
  defineRoute({
    method: 'GET', url: '/api/organisations', tag: 'organisations', access: 'organisation.read',
    summary: 'Organisations visible to the caller (departments, enterprises, verifiers)', query: OrganisationQuery,
    response: z.array(OrganisationOut),
    handler: ({ ctx, principal, query }) => listOrganisations(ctx, principal, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/organisations/:id', tag: 'organisations', access: 'organisation.read',
    summary: 'One organisation', params: IdParams, response: OrganisationOut,
    handler: async ({ ctx, principal, params }) => toOrganisationOut(await loadOrganisation(ctx, ctx.db, principal, params.id, 'organisation.read')),
  }),
  defineRoute({
    method: 'POST', url: '/api/organisations', tag: 'organisations', access: 'organisation.write', status: 201,
    summary: 'Register an organisation (enterprises need a valid 统一社会信用代码)', body: OrganisationCreate, response: OrganisationOut,
    handler: ({ ctx, principal, body }) => createOrganisation(ctx, principal, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/organisations/:id', tag: 'organisations', access: 'organisation.write',
    summary: 'Change an organisation', params: IdParams, body: OrganisationPatch, response: OrganisationOut,
    handler: ({ ctx, principal, params, body }) => updateOrganisation(ctx, principal, params.id, body),
  }),
];
