import { Card, Result, Tag, Typography } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/lang.tsx';
import type { PlaceholderModule } from '../../app/menu.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';

/**
 * A module that is not built yet: says what it will hold (from the product brief) and shows no data at all —
 * an empty page is honest, an invented chart is not.
 */
export default function ModulePlaceholder({ module }: { module: PlaceholderModule }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t(`menu.${module}`)} />
      <Card className="st-placeholder" data-testid="module-placeholder">
        <Result
          icon={<ToolOutlined style={{ color: '#8fa3ad' }} />}
          title={<span>{t(`menu.${module}`)} <Tag color="default">{t('placeholder.status')}</Tag></span>}
          subTitle={t('placeholder.notice')}
        >
          <Typography.Paragraph className="st-placeholder-text">{t(`placeholder.${module}`)}</Typography.Paragraph>
        </Result>
      </Card>
    </>
  );
}
