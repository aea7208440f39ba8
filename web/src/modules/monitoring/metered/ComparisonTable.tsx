import { Empty, Table, Tag, Tooltip } from 'antd';
import { useI18n } from '../../../app/lang.tsx';
import { pretty } from '../../accounting/format.ts';
import { num, pct } from '../labels.ts';
import type { ComparisonRow, MeteredOut } from './api.ts';

const FLAG_COLORS: Record<ComparisonRow['flag'], string> = { ok: 'success', deviation: 'error', incomplete: 'warning', not_reported: 'default', not_computed: 'default' };

/** 计量与报送对比: per item and measure, metered against the enterprise's report, the deviation and its flag. */
export function ComparisonTable({ comparison }: { comparison: MeteredOut['comparison'] }) {
  const { t, lang } = useI18n();
  if (!comparison) return <Empty description={t('monitoring.metered.noReport')} data-testid="metered-no-report" />;
  const amount = (a: { value: number; unit: string } | null) => (a ? <span className="st-num">{num(a.value, lang)} {pretty(a.unit, lang)}</span> : '—');
  return (
    <>
      <Table<ComparisonRow>
        rowKey={(r) => `${r.item}|${r.measure}`} size="small" bordered pagination={false} dataSource={comparison.rows} data-testid="metered-comparison"
        columns={[
          { title: t('monitoring.metered.item'), key: 'item', render: (_v, r) => r.label[lang] },
          { title: t('monitoring.metered.measure'), dataIndex: 'measure', width: 110, render: (v: ComparisonRow['measure']) => t(`monitoring.metered.measures.${v}`) },
          { title: t('monitoring.metered.metered'), key: 'metered', width: 170, align: 'right', render: (_v, r) => amount(r.metered) },
          { title: t('monitoring.metered.reported'), key: 'reported', width: 170, align: 'right', render: (_v, r) => amount(r.reported) },
          { title: t('monitoring.metered.deviation'), dataIndex: 'deviation', width: 100, align: 'right',
            render: (v: number | null) => (v === null ? '—' : <span className={`st-num ${Math.abs(v) > comparison.threshold ? 'st-mon-bad' : ''}`}>{v > 0 ? '+' : ''}{pct(v, lang)}</span>) },
          { title: t('monitoring.metered.flag'), dataIndex: 'flag', width: 110, align: 'center',
            render: (v: ComparisonRow['flag'], r) => {
              const tag = <Tag color={FLAG_COLORS[v]} data-testid="metered-flag">{t(`monitoring.metered.flags.${v}`)}</Tag>;
              return r.note ? <Tooltip title={r.note[lang]}>{tag}</Tooltip> : tag;
            } },
        ]}
      />
      <div className="st-mon-muted" style={{ marginTop: 8 }}>
        {comparison.rule[lang]}{comparison.reportStatus === 'draft' ? ` ${t('monitoring.metered.draftReport')}` : ''}
      </div>
    </>
  );
}
