import { Alert, Button, Card, Collapse, Descriptions, Tag } from 'antd';
import { CheckCircleFilled, EditOutlined } from '@ant-design/icons';
import type { PlanDetail } from '../../../../src/contracts/plans.ts';
import { useI18n } from '../../app/lang.tsx';
import { useRegion } from '../../app/region.tsx';

/** The plan's particulars (文号, issuer, date, period, status, review), 编辑 when allowed, and the parser's notes on its text. */
export function PlanHeader({ plan, onEdit }: { plan: PlanDetail; onEdit?: () => void }) {
  const { t, lang, nameOf } = useI18n();
  const { index } = useRegion();
  const region = index?.byCode.get(plan.regionCode);
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 4 }} data-testid="plan-meta"
        styles={{ label: { width: lang === 'zh' ? 96 : 130, whiteSpace: 'nowrap' } }}
        extra={onEdit ? <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="plan-edit">{t('common.edit')}</Button> : undefined}>
        <Descriptions.Item label={t('plans.docNumber')}>{plan.docNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('plans.issuer')}>{plan.issuer ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('plans.issuedOn')}>{plan.issuedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('plans.period')}>{t('plans.periodValue', { start: plan.periodStart, end: plan.periodEnd })}</Descriptions.Item>
        <Descriptions.Item label={t('plans.region')}>{region ? nameOf(region) : plan.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('plans.status')}><Tag color={plan.status === 'issued' ? 'green' : 'orange'}>{t(`plans.statuses.${plan.status}`)}</Tag></Descriptions.Item>
        <Descriptions.Item label={t('plans.reviewed')}>
          {plan.reviewed ? <Tag color="success" icon={<CheckCircleFilled />}>{t('plans.reviewedYes')}</Tag> : <Tag>{t('plans.reviewedNo')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.sourceName')}>{plan.sourceName ?? '—'}</Descriptions.Item>
      </Descriptions>
      {plan.warnings.length ? (
        <Collapse size="small" ghost style={{ marginTop: 8 }} items={[{
          key: 'w',
          label: <Alert type="warning" showIcon banner title={t('plans.planWarnings', { count: plan.warnings.length })} style={{ padding: '0 8px', background: 'none' }} />,
          children: (
            <ul style={{ margin: 0, paddingLeft: 18, fontSize: 13 }} data-testid="plan-warnings">
              {plan.warnings.map((w, i) => (
                <li key={i}>
                  {w.line ? t('plans.labelled', { label: t('plans.line', { line: w.line }), value: lang === 'zh' ? w.zh : w.en }) : lang === 'zh' ? w.zh : w.en}
                  {w.excerpt ? <code style={{ marginLeft: 8, color: '#8c8c8c' }}>{w.excerpt}</code> : null}
                </li>
              ))}
            </ul>
          ),
        }]} />
      ) : null}
    </Card>
  );
}
