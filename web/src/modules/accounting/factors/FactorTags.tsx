import { Space, Tag, Tooltip, Typography } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/lang.tsx';
import type { FactorRow } from '../api.ts';

type Sources = Record<string, { title: string; issuer?: string; year?: string; url?: string }>;

const STATUS_COLORS: Record<FactorRow['status'], string> = {
  verified: 'green', 'single-source': 'orange', derived: 'blue', local: 'purple', measured: 'cyan',
};

/**
 * A record's status, and the 单一来源 / 有争议 marks in warning colours with the rule that goes with them:
 * such a value is used only when the calculation allows it explicitly (its factorPolicy).
 */
export function FactorStatus({ r }: { r: Pick<FactorRow, 'status' | 'disputed' | 'weak'> }) {
  const { t } = useI18n();
  return (
    <Space size={2} wrap>
      {r.status === 'single-source' ? null : <Tag color={STATUS_COLORS[r.status]}>{t(`accounting.factors.statuses.${r.status}`)}</Tag>}
      {r.status === 'single-source' ? (
        <Tooltip title={t('accounting.factors.weakTip')}>
          <Tag color="warning" icon={<ExclamationCircleOutlined />} data-testid="mark-single">{t('accounting.factors.singleSource')}</Tag>
        </Tooltip>
      ) : null}
      {r.disputed ? (
        <Tooltip title={t('accounting.factors.disputedTip')}>
          <Tag color="volcano" icon={<ExclamationCircleOutlined />} data-testid="mark-disputed">{t('accounting.factors.disputed')}</Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}

/** Source ids of a record, each with its title (when the set's catalogue is at hand) in a tooltip. */
export function FactorSources({ ids, sources }: { ids: readonly string[]; sources?: Sources }) {
  return (
    <Space size={2} wrap>
      {ids.map((id) => {
        const s = sources?.[id];
        const tip = s ? [s.title, s.issuer, s.year].filter(Boolean).join(' · ') : undefined;
        return (
          <Tooltip key={id} title={tip}>
            {s?.url && /^https?:/.test(s.url)
              ? <Typography.Link href={s.url} target="_blank" rel="noreferrer"><Tag>{id}</Tag></Typography.Link>
              : <Tag>{id}</Tag>}
          </Tooltip>
        );
      })}
    </Space>
  );
}

export const yearsText = (y: { from: number | null; to: number | null }, any: string) =>
  (y.from === null && y.to === null ? any : y.from === y.to ? String(y.from) : `${y.from ?? '…'}–${y.to ?? '…'}`);
