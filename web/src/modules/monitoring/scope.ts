import { useCallback } from 'react';
import type { PointOut } from '../../../../src/contracts/monitoring.ts';
import { useAuth } from '../../app/auth.tsx';
import { usePermission } from '../../app/permissions.ts';
import { useRegion } from '../../app/region.tsx';

/**
 * Whose monitoring data a page shows. An enterprise user sees its own points wherever the header points (the
 * API returns only those); everyone else sees the region chosen in the header and everything below it.
 * `mayWrite` asks the shared permission table the same question the API will (monitoring.write).
 */
export function useMonitoringScope() {
  const { user } = useAuth();
  const { selected, index } = useRegion();
  const permitted = usePermission();
  const ownOnly = !!user && user.roles.length > 0 && user.roles.every((r) => r.role === 'enterprise');
  const region = ownOnly ? null : selected;
  const inScope = useCallback((regionCode: string) => {
    if (!region || !index) return true;
    const r = index.byCode.get(regionCode);
    return !!r && index.within(r.id, region);
  }, [region, index]);
  const mayWrite = useCallback((p: Pick<PointOut, 'regionCode' | 'organisationId'>) => {
    const regionId = index?.byCode.get(p.regionCode)?.id;
    return regionId !== undefined && permitted('monitoring.write', { regionId, organisationId: p.organisationId, confidential: true });
  }, [index, permitted]);
  return { ownOnly, region, inScope, mayWrite };
}
