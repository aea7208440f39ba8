import type { ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';
import { useLocation } from 'react-router-dom';
import { useAuth } from '../app/auth.tsx';
import { useI18n } from '../app/lang.tsx';
import { useRegion } from '../app/region.tsx';
import { menuPath } from '../app/menu.tsx';

/** The title strip every page starts with: region and menu path, the page title, optional actions. */
export function PageHeader({ title, extra, regional = true }: { title: string; extra?: ReactNode; regional?: boolean }) {
  const { t, nameOf } = useI18n();
  const { pathname } = useLocation();
  const { isAdmin } = useAuth();
  const { selected } = useRegion();
  const path = [...(regional && selected ? [nameOf(selected)] : []), ...menuPath(t, pathname, isAdmin)];
  return (
    <div className="st-page-header">
      <Breadcrumb items={path.map((p, i) => ({ key: i, title: p }))} />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: '6px 0 0' }} data-testid="page-title">{title}</Typography.Title>
        {extra}
      </Flex>
    </div>
  );
}
