import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { AimOutlined, EditOutlined, LineChartOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { IndicatorOut, TargetOut } from '../../../../src/contracts/plans.ts';
import { useI18n } from '../../app/lang.tsx';
import { trackedCode } from '../indicators/assess.ts';
import { indicatorNameOf, targetPhrase, withUnit } from './labels.ts';
import { WarningLight } from './WarningLight.tsx';

/**
 * The targets of a plan as a table: indicator, year, value with its qualifier as the plan words it,
 * commitment (力争/确保), kind, base, binding or indicative, warning light. Clicking the indicator finds
 * the target's quote in the source text; rows expand to the quote and its section.
 */
export function TargetsTable(props: {
  targets: TargetOut[];
  catalogue?: Map<string, IndicatorOut>;
  regionCode: string;
  full?: boolean;
  onLocate(t: TargetOut): void;
  onEdit?(t: TargetOut): void;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const { catalogue, full } = props;
  // Progress is measured on the indicator that follows the target (a reduction rate on the level it reduces).
  const progressUnit = (x: TargetOut) => (x.indicatorCode ? catalogue?.get(trackedCode(x.indicatorCode))?.unit ?? null : null);
  const fmt = (x: TargetOut) => (v: number) => withUnit(t, lang, Number(v.toPrecision(4)), progressUnit(x));
  const zhUi = lang === 'zh';
  // Column widths; the table scrolls sideways only when the page is narrower than their sum.
  const W = {
    expand: 48, index: 56, indicator: zhUi ? 200 : 180, year: 84, value: 150, strength: zhUi ? 72 : 110, kind: 84, base: 80, binding: 80,
    warning: zhUi ? 110 : 124, review: full ? 90 : 0, actions: props.onEdit ? (zhUi ? 140 : 150) : 90,
  };
  const scrollX = Object.values(W).reduce((a, b) => a + b, 0);

  return (
    <Table<TargetOut>
      data-testid={props.testId}
      rowKey="id"
      size="middle"
      bordered
      dataSource={props.targets}
      pagination={full ? { pageSize: 20, showTotal: (total) => t('common.total', { total }) } : false}
      scroll={{ x: scrollX }}
      rowClassName={(x) => (x.reviewStatus === 'rejected' ? 'st-review-row-rejected' : '')}
      expandable={{
        expandedRowRender: (x) => (
          <div className="st-quote-cell">
            <div>{t('plans.labelled', { label: t('plans.quote'), value: x.quoteOriginal || x.quote })}</div>
            {x.section ? <div>{t('plans.labelled', { label: t('plans.section'), value: x.section })}</div> : null}
          </div>
        ),
      }}
      columns={[
        { title: t('common.index'), key: 'index', width: W.index, align: 'center', render: (_v, _r, i) => i + 1 },
        {
          title: t('plans.indicator'), key: 'indicator', width: W.indicator,
          render: (_v, x) => (
            <Space size={4} wrap>
              <Button type="link" className="st-target-link" onClick={() => props.onLocate(x)} data-testid="target-link">
                {indicatorNameOf(x, catalogue, lang)}
              </Button>
              {!x.indicatorCode ? <Tooltip title={t('plans.unlinked')}><Tag>{x.phrase || '—'}</Tag></Tooltip> : null}
            </Space>
          ),
        },
        { title: t('plans.year'), dataIndex: 'year', width: W.year, align: 'center', render: (v: number | null) => v ?? '—' },
        { title: t('plans.value'), key: 'value', width: W.value, render: (_v, x) => <Typography.Text strong>{targetPhrase(t, lang, x)}</Typography.Text> },
        { title: t('plans.strength'), dataIndex: 'strength', width: W.strength, align: 'center',
          render: (s: TargetOut['strength']) => (s === 'plain' ? '—' : <Tag color={s === 'ensure' ? 'red' : 'gold'}>{t(`plans.strengths.${s}`)}</Tag>) },
        { title: t('plans.kind'), dataIndex: 'kind', width: W.kind, align: 'center', render: (k: TargetOut['kind']) => t(`plans.kinds.${k}`) },
        { title: t('plans.baseline'), key: 'baseline', width: W.base, align: 'center',
          render: (_v, x) => (x.baselineYear == null ? '—' : (
            <span>{x.baselineYear}{x.baselineValue != null ? ` · ${withUnit(t, lang, x.baselineValue, x.kind === 'reduction' || x.kind === 'increase' ? null : x.unit)}` : ''}</span>
          )) },
        { title: t('plans.binding'), dataIndex: 'binding', width: W.binding, align: 'center',
          render: (b: boolean) => <Tag color={b ? 'geekblue' : 'default'}>{t(b ? 'plans.bindingYes' : 'plans.bindingNo')}</Tag> },
        { title: t('plans.warning'), key: 'warning', width: W.warning, render: (_v, x) => <WarningLight progress={x.progress} fmt={fmt(x)} /> },
        ...(full ? [{ title: t('plans.reviewStatus'), dataIndex: 'reviewStatus', width: W.review, align: 'center' as const,
          render: (s: TargetOut['reviewStatus']) => <Tag color={s === 'rejected' ? 'default' : s === 'draft' ? 'orange' : 'green'}>{t(`plans.reviewStatuses.${s}`)}</Tag> }] : []),
        {
          title: t('common.actions'), key: 'actions', width: W.actions, fixed: 'right',
          render: (_v, x) => (
            <Space size={0}>
              <Tooltip title={t('plans.locate')}><Button type="link" size="small" icon={<AimOutlined />} disabled={!x.span} onClick={() => props.onLocate(x)} /></Tooltip>
              {x.indicatorCode ? (
                <Tooltip title={t('plans.viewTrend')}>
                  <Link to={`/indicators?indicator=${encodeURIComponent(x.indicatorCode)}&region=${encodeURIComponent(props.regionCode)}`}><Button type="link" size="small" icon={<LineChartOutlined />} /></Link>
                </Tooltip>
              ) : null}
              {props.onEdit ? <Button type="link" size="small" icon={<EditOutlined />} onClick={() => props.onEdit!(x)}>{t('common.edit')}</Button> : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
