import { Suspense, useEffect, useState } from 'react';
import { Alert, Button, Layout, Menu, Result, Spin } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from './auth.tsx';
import { useI18n } from './lang.tsx';
import { useRegion } from './region.tsx';
import { errorText } from './api.ts';
import { HeaderBar } from './HeaderBar.tsx';
import { MAIN_MODULES, SYSTEM_MODULES, menuItems } from './menu.tsx';

/** The logged-in frame: header, side menu, page content. Pages get the selected region from useRegion(). */
export function Shell() {
  const { t, lang } = useI18n();
  const auth = useAuth();
  const { index, error, reload } = useRegion();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const selectedKey = [...MAIN_MODULES, ...SYSTEM_MODULES].find((m) => pathname.startsWith(m.path))?.path ?? '';
  const [openKeys, setOpenKeys] = useState<string[]>(pathname.startsWith('/system') ? ['system'] : []);
  useEffect(() => { if (pathname.startsWith('/system')) setOpenKeys((k) => (k.includes('system') ? k : [...k, 'system'])); }, [pathname]);

  return (
    <Layout className="st-shell">
      <Layout.Header className="st-header-bar"><HeaderBar /></Layout.Header>
      <Layout>
        <Layout.Sider width={216} theme="light" collapsible collapsed={collapsed} onCollapse={setCollapsed} className="st-sider">
          <Menu
            data-testid="side-menu"
            mode="inline"
            selectedKeys={[selectedKey]}
            openKeys={collapsed ? undefined : openKeys}
            onOpenChange={(k) => setOpenKeys(k as string[])}
            items={menuItems(t, auth)}
            onClick={({ key }) => navigate(key)}
          />
        </Layout.Sider>
        <Layout.Content className="st-content">
          {error ? (
            <Alert type="error" showIcon title={errorText(error, lang)} action={<Button size="small" onClick={() => void reload()}>{t('common.retry')}</Button>} />
          ) : !index ? (
            <div className="st-center"><Spin size="large" /></div>
          ) : (
            <Suspense fallback={<div className="st-center"><Spin size="large" /></div>}>
              <Outlet />
            </Suspense>
          )}
          <div className="st-footer">{t('app.footer')}</div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** A page the user's roles may not open (the API would refuse its data anyway). */
export function Forbidden() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return <Result status="403" title="403" subTitle={t('errors.forbiddenPage')} extra={<Button type="primary" onClick={() => navigate('/dashboard')}>{t('errors.backHome')}</Button>} />;
}

export function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return <Result status="404" title="404" subTitle={t('errors.notFoundPage')} extra={<Button type="primary" onClick={() => navigate('/dashboard')}>{t('errors.backHome')}</Button>} />;
}
