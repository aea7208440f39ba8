import { useCallback } from 'react';
import { can, type Action, type Grant, type Target } from '../../../src/core/access/policy.ts';
import { useAuth } from './auth.tsx';
import { useRegion } from './region.tsx';

/**
 * "May I do this to that?" with the server's own permission table and region tree, so buttons appear
 * exactly where the API would allow the action (the API still checks every request).
 */
export function usePermission() {
  const { user } = useAuth();
  const { index } = useRegion();
  return useCallback((action: Action, target: Target) => {
    if (!user || !index) return false;
    const grants: Grant[] = user.roles.map((g) => ({ role: g.role, regionId: g.regionId, organisationId: g.organisationId }));
    return can(grants, action, target, index.tree);
  }, [user, index]);
}
