import type { AnyRoute } from './http/route.ts';
import { authRoutes } from './auth/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { regionRoutes } from './regions/routes.ts';
import { organisationRoutes } from './organisations/routes.ts';
import { userRoutes } from './users/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { planItemRoutes } from './plans/item-routes.ts';
import { observationRoutes } from './observations/routes.ts';
import { evaluationRoutes } from './evaluation/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { scenarioRoutes } from './scenarios/routes.ts';
import { accountingRoutes } from './accounting/routes.ts';
import { monitoringRoutes } from './monitoring/routes.ts';
import { alarmRoutes } from './monitoring/alarm-routes.ts';
import { keyRoutes } from './monitoring/key-routes.ts';
import { ingestRoutes } from './monitoring/ingest-routes.ts';
import { meteredRoutes } from './monitoring/metered-routes.ts';

/** Every API route of the platform; each capability contributes its list. */
export const allRoutes: AnyRoute[] = [
  ...healthRoutes,
  ...authRoutes,
  ...regionRoutes,
  ...organisationRoutes,
  ...userRoutes,
  ...auditRoutes,
  ...planRoutes,
  ...planItemRoutes,
  ...observationRoutes,
  ...evaluationRoutes,
  ...reportRoutes,
  ...accountingRoutes,
  ...scenarioRoutes,
  ...monitoringRoutes,
  ...alarmRoutes,
  ...keyRoutes,
  ...ingestRoutes,
  ...meteredRoutes,
];
