import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { IdParams } from '../../contracts/common.ts';
import { UserOut } from '../../contracts/auth.ts';
import { UserCreate, UserPatch } from '../../contracts/users.ts';
import { createUser, getUser, listUsers, updateUser } from './service.ts';

const actor = (p: { userId: number; username: string }) => ({ userId: p.userId, username: p.username });

export const userRoutes = [
  defineRoute({
    method: 'GET', url: '/api/users', tag: 'users', access: 'user.manage', summary: 'All users with their roles (admin)',
    response: z.array(UserOut), handler: ({ ctx }) => listUsers(ctx.db, ctx.now()),
  }),
  defineRoute({
    method: 'GET', url: '/api/users/:id', tag: 'users', access: 'user.manage', summary: 'One user (admin)',
    params: IdParams, response: UserOut, handler: ({ ctx, params }) => getUser(ctx.db, params.id, ctx.now()),
  }),
  defineRoute({
    method: 'POST', url: '/api/users', tag: 'users', access: 'user.manage', status: 201,
    summary: 'Create a user with roles scoped to regions/organisations (admin)', body: UserCreate, response: UserOut,
    handler: ({ ctx, principal, body }) => createUser(ctx, actor(principal), body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/users/:id', tag: 'users', access: 'user.manage',
    summary: 'Change name, password, active flag, roles; unlock (admin)', params: IdParams, body: UserPatch, response: UserOut,
    handler: ({ ctx, principal, params, body }) => updateUser(ctx, actor(principal), params.id, body),
  }),
];
