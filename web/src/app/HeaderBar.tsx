import { DownOutlined, EnvironmentOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App as AntApp, Dropdown, Flex, Segmented, Space, Tag, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { useAuth } from './auth.tsx';
import { useI18n } from './lang.tsx';
import { useRegion } from './region.tsx';
import { errorText } from './api.ts';
import { regionTreeData } from '../shared/regions.ts';
import { roleLabel } from '../shared/labels.ts';
import type { Lang } from '../i18n/index.ts';

/** Top bar: product name, the region switcher, language switch, and the user menu. */
export function HeaderBar() {
  const { t, lang, setLang, nameOf, dateTime } = useI18n();
  const { user, logout } = useAuth();
  const { index, selected, select } = useRegion();
  const { message } = AntApp.useApp();

  const treeData = useMemo(() => (index ? regionTreeData(index, (r) => `${nameOf(r)}`) : []), [index, nameOf]);

  const roleLines = (user?.roles ?? []).map((g) => {
    const region = g.regionCode ? index?.byCode.get(g.regionCode) : undefined;
    const scope = [region ? nameOf(region) : g.regionName, g.organisationName].filter(Boolean).join(' / ');
    return { key: String(g.id), label: `${roleLabel(t, g.role)}${scope ? ` · ${scope}` : ''}` };
  });

  const onLogout = async () => {
    try {
      await logout();
      message.success(t('header.loggedOut'));
    } catch (e) {
      message.error(errorText(e, lang));
    }
  };

  return (
    <Flex className="st-header" align="center" justify="space-between" gap={16}>
      <Flex align="center" gap={12} className="st-brand">
        <img src="/favicon.svg" alt="" width={30} height={30} />
        <div>
          <div className="st-brand-name" data-testid="brand">
            {t('app.name')} <span className="st-brand-latin">{t('app.nameLatin')}</span>
          </div>
          <div className="st-brand-sub">{t('app.subtitle')}</div>
        </div>
      </Flex>
      <Flex align="center" gap={16} wrap>
        <Space size={6} className="st-header-region" data-testid="header-region">
          <EnvironmentOutlined />
          <span className="st-header-label">{t('header.region')}</span>
          <TreeSelect
            data-testid="region-switcher"
            style={{ minWidth: 220 }}
            value={selected?.code}
            treeData={treeData}
            placeholder={t('header.regionPlaceholder')}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={selected ? [selected.code] : []}
            popupMatchSelectWidth={300}
            onChange={(code: string) => code && select(code)}
          />
        </Space>
        <Segmented<Lang>
          data-testid="lang-switch"
          size="small"
          value={lang}
          onChange={setLang}
          options={[{ label: t('lang.zh'), value: 'zh' }, { label: t('lang.en'), value: 'en' }]}
        />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'who', type: 'group', label: t('header.roles'), children: roleLines.length ? roleLines.map((r) => ({ ...r, disabled: true })) : [{ key: 'none', label: t('header.noRoles'), disabled: true }] },
              ...(user?.lastLoginAt ? [{ key: 'last', disabled: true, label: t('header.lastLogin', { time: dateTime(user.lastLoginAt) }) }] : []),
              { type: 'divider' as const },
              { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('header.logout')}</span>, onClick: () => void onLogout() },
            ],
          }}
        >
          <a className="st-user" data-testid="user-menu" onClick={(e) => e.preventDefault()}>
            <Space size={6}>
              <UserOutlined />
              <Typography.Text className="st-user-name">{user?.displayName}</Typography.Text>
              {user?.roles[0] ? <Tag className="st-user-role">{roleLabel(t, user.roles[0].role)}</Tag> : null}
              <DownOutlined style={{ fontSize: 10 }} />
            </Space>
          </a>
        </Dropdown>
      </Flex>
    </Flex>
  );
}
