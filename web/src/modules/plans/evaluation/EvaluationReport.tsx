import { useEffect, useMemo } from 'react';
import { Button, Result, Segmented, Space, Spin } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { useRegion } from '../../../app/region.tsx';
import { applyDocumentLang, type Lang } from '../../../i18n/index.ts';
import { useLoad } from '../../../shared/useLoad.ts';
import { indicatorsApi } from '../../indicators/api.ts';
import { evaluationApi } from './api.ts';
import { longDate } from './format.ts';
import { ReportOverall, ReportTargets } from './ReportTargets.tsx';
import { ReportConsistency, ReportTasks } from './ReportTasks.tsx';
import './report.css';

/**
 * The printable annual evaluation, `/plans/:id/evaluation/:year`, outside the shell: an A4 document laid
 * out as an evaluation report is (title, region and date line, 一 总体情况, 二 目标完成情况, 三 重点任务进展,
 * 四 上下级目标衔接), with a toolbar for going back, the language and printing that does not print.
 * The window title is the report's, so "save as PDF" proposes it as the file name.
 */
export default function EvaluationReport() {
  const { t, lang, setLang, nameOf } = useI18n();
  const navigate = useNavigate();
  const { index } = useRegion();
  const params = useParams();
  const planId = Number(params.id);
  const year = Number(params.year);
  const ev = useLoad(() => evaluationApi.get(planId, year), [planId, year]);
  const catalogue = useLoad(() => indicatorsApi.catalogue(), []);
  const byCode = useMemo(() => new Map((catalogue.data ?? []).map((i) => [i.code, i])), [catalogue.data]);
  const e = ev.data;
  const title = e ? t('evaluation.title', { title: e.plan.title, year: e.year }) : '';

  useEffect(() => {
    if (!title) return undefined;
    document.title = title;
    return () => applyDocumentLang(lang);
  }, [title, lang]);

  const back = () => navigate(Number.isInteger(year) ? `/plans/${planId}?year=${year}` : `/plans/${planId}`);
  const toolbar = (
    <div className="st-report-toolbar" data-testid="evaluation-toolbar">
      <Button icon={<ArrowLeftOutlined />} onClick={back} data-testid="evaluation-back">{t('evaluation.back')}</Button>
      <Space>
        <Segmented<Lang> size="small" value={lang} onChange={setLang} data-testid="lang-switch"
          options={[{ label: t('lang.zh'), value: 'zh' }, { label: t('lang.en'), value: 'en' }]} />
        <Button type="primary" icon={<PrinterOutlined />} disabled={!e} onClick={() => window.print()} data-testid="evaluation-print-now">{t('evaluation.print')}</Button>
      </Space>
    </div>
  );

  if (ev.error) {
    return (
      <div className="st-report-page">
        {toolbar}
        <Result status="warning" title={errorText(ev.error, lang)} />
      </div>
    );
  }
  if (!e) return <div className="st-report-page">{toolbar}<div className="st-center"><Spin size="large" /></div></div>;

  const region = nameOf(index?.byCode.get(e.plan.regionCode)) || e.plan.regionName;
  const date = longDate(e.generatedAt, lang);
  return (
    <div className="st-report-page">
      {toolbar}
      <article className="st-report" data-testid="evaluation-report" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <h1 data-testid="evaluation-title">{title}</h1>
        <p className="st-report-meta">
          <span>{t('evaluation.region', { region })}</span>
          {e.plan.docNumber ? <span>{t('evaluation.docNumber', { doc: e.plan.docNumber })}</span> : null}
          <span>{t('evaluation.period', { start: e.plan.periodStart, end: e.plan.periodEnd })}</span>
        </p>
        <p className="st-report-meta st-report-date">{t('evaluation.date', { date })}</p>
        <ReportOverall e={e} />
        <ReportTargets e={e} catalogue={byCode} />
        <ReportTasks e={e} />
        <ReportConsistency e={e} catalogue={byCode} />
        <p className="st-report-foot">{t('evaluation.generated', { date })}</p>
      </article>
    </div>
  );
}
