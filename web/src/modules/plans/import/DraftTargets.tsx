import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import type { IndicatorOut } from '../../../../../src/contracts/plans.ts';
import { useI18n } from '../../../app/lang.tsx';
import { indicatorNameOf, targetPhrase } from '../labels.ts';
import type { Decision, ImportTarget } from './review.ts';

/**
 * The draft targets with the reviewer's decision on each: 接受 / 修改 / 驳回 (and 撤销). Errors the
 * schema or the server report on a target (`targets.3.year`) are shown under it.
 */
const STATUS_COLORS = { draft: 'orange', accepted: 'green', edited: 'blue', rejected: 'default' } as const;

export function DraftTargets(props: {
  rows: ImportTarget[];
  catalogue?: Map<string, IndicatorOut>;
  errors: Map<number, string[]>;
  onLocate(i: number): void;
  onDecide(i: number, d: Decision): void;
  onEdit(i: number): void;
}) {
  const { t, lang } = useI18n();
  const rows = props.rows.map((r, i) => ({ ...r, i }));
  return (
    <Table
      data-testid="draft-targets"
      rowKey="i"
      size="small"
      bordered
      dataSource={rows}
      pagination={false}
      scroll={{ x: 620, y: 560 }}
      rowClassName={(r) => (r.reviewStatus === 'rejected' ? 'st-review-row-rejected' : '')}
      columns={[
        { title: t('common.index'), key: 'n', width: 48, align: 'center', render: (_v, r) => r.i + 1 },
        {
          title: t('plans.indicator'), key: 'indicator', minWidth: 150,
          render: (_v, r) => (
            <>
              <Space size={4} wrap>
                <Button type="link" className="st-target-link" onClick={() => props.onLocate(r.i)} disabled={!r.span}>
                  {indicatorNameOf({ indicatorCode: r.indicatorCode ?? null, indicatorName: r.indicatorName }, props.catalogue, lang)}
                </Button>
                {r.main ? <Tag color="geekblue">{t('planImport.main')}</Tag> : null}
                {!r.indicatorCode ? <Tooltip title={t('plans.unlinked')}><Tag>{r.phrase || '—'}</Tag></Tooltip> : null}
              </Space>
              {props.errors.get(r.i)?.map((m) => <Typography.Text key={m} type="danger" style={{ display: 'block', fontSize: 12 }}>{m}</Typography.Text>)}
            </>
          ),
        },
        { title: t('plans.year'), dataIndex: 'year', width: 72, align: 'center', render: (v: number | null) => v ?? '—' },
        { title: t('plans.value'), key: 'value', width: 150, render: (_v, r) => targetPhrase(t, lang, { ...r, valueMax: r.valueMax ?? null }) },
        {
          title: t('plans.reviewStatus'), key: 'actions', width: lang === 'zh' ? 224 : 270,
          render: (_v, r) => (r.reviewStatus === 'draft' ? (
            <Space size={0} wrap>
              <Button type="link" size="small" icon={<CheckOutlined />} onClick={() => props.onDecide(r.i, 'accepted')} data-testid="draft-accept">{t('planImport.accept')}</Button>
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => props.onEdit(r.i)} data-testid="draft-edit">{t('planImport.edit')}</Button>
              <Button type="link" size="small" danger icon={<CloseOutlined />} onClick={() => props.onDecide(r.i, 'rejected')} data-testid="draft-reject">{t('planImport.reject')}</Button>
            </Space>
          ) : (
            <Space size={0} wrap>
              <Tag color={STATUS_COLORS[r.reviewStatus]} style={{ marginInlineEnd: 4 }} data-testid="draft-status">{t(`plans.reviewStatuses.${r.reviewStatus}`)}</Tag>
              {r.reviewStatus !== 'rejected' ? <Button type="link" size="small" icon={<EditOutlined />} onClick={() => props.onEdit(r.i)}>{t('planImport.edit')}</Button> : null}
              <Button type="link" size="small" icon={<UndoOutlined />} onClick={() => props.onDecide(r.i, 'draft')}>{t('planImport.undo')}</Button>
            </Space>
          )),
        },
      ]}
    />
  );
}
