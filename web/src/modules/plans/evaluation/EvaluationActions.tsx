import { useState } from 'react';
import { App as AntApp, Button, Select, Space, Typography } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { PlanDetail } from '../../../../../src/contracts/plans.ts';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { defaultYear, evaluationApi } from './api.ts';

/**
 * 年度评估 on the plan page: the year (any year of the plan period; by default the last complete one),
 * 导出Excel and 打印版. The chosen year stays in the address (?year=), so coming back from the printable
 * page keeps it.
 */
export function EvaluationActions({ plan }: { plan: Pick<PlanDetail, 'id' | 'periodStart' | 'periodEnd'> }) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= plan.periodStart && asked <= plan.periodEnd ? asked : defaultYear(plan);
  const years = Array.from({ length: plan.periodEnd - plan.periodStart + 1 }, (_, i) => plan.periodStart + i);

  const pick = (y: number) => setParams((p) => { const next = new URLSearchParams(p); next.set('year', String(y)); return next; }, { replace: true });
  const download = async () => {
    setBusy(true);
    try {
      message.success(t('evaluation.downloaded', { name: await evaluationApi.downloadWorkbook(plan.id, year) }));
    } catch (e) {
      message.error(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space size={8} wrap data-testid="evaluation-actions">
      <Typography.Text strong>{t('evaluation.action')}</Typography.Text>
      <Select<number> value={year} onChange={pick} style={{ width: lang === 'zh' ? 104 : 92 }} aria-label={t('evaluation.year')} data-testid="evaluation-year"
        options={years.map((y) => ({ value: y, label: t('evaluation.yearOption', { year: y }) }))} />
      <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void download()} data-testid="evaluation-xlsx">{t('evaluation.exportExcel')}</Button>
      <Button icon={<PrinterOutlined />} onClick={() => navigate(`/plans/${plan.id}/evaluation/${year}`)} data-testid="evaluation-print">{t('evaluation.printable')}</Button>
    </Space>
  );
}
