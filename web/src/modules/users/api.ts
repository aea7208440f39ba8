import { z } from 'zod';
import { UserOut } from '../../../../src/contracts/auth.ts';
import type { UserCreate, UserPatch } from '../../../../src/contracts/users.ts';
import { api } from '../../app/api.ts';

/** The user endpoints (admin; src/server/users/routes.ts). */
export const usersApi = {
  list: () => api.get('/api/users', z.array(UserOut)),
  create: (body: UserCreate) => api.post('/api/users', UserOut, body),
  update: (id: number, body: UserPatch) => api.patch(`/api/users/${id}`, UserOut, body),
};
