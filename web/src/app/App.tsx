import { lazy, Suspense, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth.tsx';
import { LangProvider, useLang } from './lang.tsx';
import { RegionProvider } from './region.tsx';
import { LoginPage } from './LoginPage.tsx';
import { Forbidden, NotFound, Shell } from './Shell.tsx';
import { PLACEHOLDER_MODULES } from './menu.tsx';
import { theme } from './theme.ts';

const DashboardPage = lazy(() => import('../modules/dashboard/DashboardPage.tsx'));
const OrganisationsPage = lazy(() => import('../modules/organisations/OrganisationsPage.tsx'));
const RegionsPage = lazy(() => import('../modules/regions/RegionsPage.tsx'));
const UsersPage = lazy(() => import('../modules/users/UsersPage.tsx'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage.tsx'));
const PlansPage = lazy(() => import('../modules/plans/PlansPage.tsx'));
const PlanPage = lazy(() => import('../modules/plans/PlanPage.tsx'));
const PlanImportPage = lazy(() => import('../modules/plans/import/PlanImportPage.tsx'));
const EvaluationReport = lazy(() => import('../modules/plans/evaluation/EvaluationReport.tsx'));
const IndicatorsPage = lazy(() => import('../modules/indicators/IndicatorsPage.tsx'));
const AccountingPage = lazy(() => import('../modules/accounting/AccountingPage.tsx'));
const ScenariosPage = lazy(() => import('../modules/scenarios/ScenariosPage.tsx'));
const MonitoringPage = lazy(() => import('../modules/monitoring/MonitoringPage.tsx'));
const PointPage = lazy(() => import('../modules/monitoring/PointPage.tsx'));
const ModulePlaceholder = lazy(() => import('../modules/placeholders/ModulePlaceholder.tsx'));

function RequireLogin({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <div className="st-center st-fullscreen"><Spin size="large" /></div>;
  if (status === 'anonymous') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

function AdminOnly({ children }: { children: ReactNode }) {
  return useAuth().isAdmin ? <>{children}</> : <Forbidden />;
}

function LoginRoute() {
  const { status } = useAuth();
  if (status === 'loading') return <div className="st-center st-fullscreen"><Spin size="large" /></div>;
  return status === 'authenticated' ? <Navigate to="/dashboard" replace /> : <LoginPage />;
}

function Routed() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme}>
      <AntApp>
        <Routes>
          <Route path="/login" element={<LoginRoute />} />
          {/* Printable documents: logged in, without the shell's header and menu. */}
          <Route path="/plans/:id/evaluation/:year" element={(
            <RequireLogin>
              <RegionProvider>
                <Suspense fallback={<div className="st-center st-fullscreen"><Spin size="large" /></div>}><EvaluationReport /></Suspense>
              </RegionProvider>
            </RequireLogin>
          )} />
          <Route element={<RequireLogin><RegionProvider><Shell /></RegionProvider></RequireLogin>}>
            <Route index element={<Navigate to="/dashboard" replace />} />
            <Route path="dashboard" element={<DashboardPage />} />
            <Route path="plans" element={<PlansPage />} />
            <Route path="plans/import" element={<PlanImportPage />} />
            <Route path="plans/:id" element={<PlanPage />} />
            <Route path="indicators" element={<IndicatorsPage />} />
            <Route path="accounting" element={<AccountingPage />} />
            <Route path="scenarios" element={<ScenariosPage />} />
            <Route path="monitoring" element={<MonitoringPage />} />
            <Route path="monitoring/points/:mn" element={<PointPage />} />
            {PLACEHOLDER_MODULES.map((m) => (
              <Route key={m.path} path={m.path.slice(1)} element={<ModulePlaceholder module={m.label} />} />
            ))}
            <Route path="system/organisations" element={<OrganisationsPage />} />
            <Route path="system/regions" element={<RegionsPage />} />
            <Route path="system/users" element={<AdminOnly><UsersPage /></AdminOnly>} />
            <Route path="system/audit" element={<AdminOnly><AuditPage /></AdminOnly>} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <LangProvider>
        <AuthProvider>
          <Routed />
        </AuthProvider>
      </LangProvider>
    </BrowserRouter>
  );
}
