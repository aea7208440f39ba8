import { Fragment } from 'react';
import { useI18n } from '../../../app/lang.tsx';
import { useRegion } from '../../../app/region.tsx';
import type { IndicatorOut } from '../../../../../src/contracts/plans.ts';
import { indicatorNameOf } from '../labels.ts';
import type { ConsistencyFinding, Evaluation } from './api.ts';
import { englishUnits } from './format.ts';

/** 三、重点任务进展 (tasks grouped by action, one table) and 四、上下级目标衔接 (findings, flagged rows shaded). */
const TASK_COLS = ['no', 'task', 'lead', 'cooperating', 'deadline', 'status', 'overdue'] as const;

export function ReportTasks({ e }: { e: Evaluation }) {
  const { t, lang } = useI18n();
  const list = (names: string[]) => (names.length ? names.join(lang === 'zh' ? '、' : ', ') : '—');
  let n = 0;
  return (
    <section className="st-report-section st-report-break" data-testid="evaluation-tasks">
      <h2>{t('evaluation.sections.tasks')}</h2>
      <p>{t('evaluation.tasksIntro')}</p>
      {e.actions.some((a) => a.tasks.length) ? (
        <table className="st-report-table">
          <colgroup>
            {[6, 34, 17, 17, 10, 9, 7].map((w, i) => <col key={i} style={{ width: `${w}%` }} />)}
          </colgroup>
          <thead>
            <tr>{TASK_COLS.map((k) => <th key={k}>{t(`evaluation.cols.${k}`)}</th>)}</tr>
          </thead>
          <tbody>
            {e.actions.filter((a) => a.tasks.length).map((a) => (
              <Fragment key={a.id ?? 'other'}>
                <tr className="st-report-group">
                  <td colSpan={TASK_COLS.length}>{a.id === null ? t('evaluation.otherTasks') : `${a.number}${lang === 'zh' ? '' : ' '}${a.title}`}</td>
                </tr>
                {a.tasks.map((x) => (
                  <tr key={x.id} data-testid="evaluation-task">
                    <td className="st-c">{++n}</td>
                    <td>{x.number ? `${x.number}${lang === 'zh' ? '' : ' '}` : ''}{x.title}</td>
                    <td>{list(x.lead)}</td>
                    <td>{list(x.cooperating)}</td>
                    <td className="st-c">{x.deadline ?? '—'}</td>
                    <td className="st-c">{t(`evaluation.taskStatuses.${x.status}`)}</td>
                    <td className={`st-c${x.overdue ? ' st-overdue' : ''}`}>{x.overdue ? t('evaluation.overdueYes') : t('evaluation.overdueNo')}</td>
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      ) : <p>{t('evaluation.noTasks')}</p>}
    </section>
  );
}

const FINDING_COLS = ['no', 'indicator', 'year', 'higher', 'lower', 'conclusion', 'note'] as const;

export function ReportConsistency({ e, catalogue }: { e: Evaluation; catalogue: Map<string, IndicatorOut> | undefined }) {
  const { t, lang, nameOf } = useI18n();
  const { index } = useRegion();
  const c = e.consistency;
  const words = (x: { targetZh: string; targetEn: string }) => (lang === 'zh' ? x.targetZh : englishUnits(t, x.targetEn));
  const lower = (f: ConsistencyFinding) => (f.lower
    ? `${words(f.lower)}${f.lower.year !== null && f.lower.year !== f.year ? t('evaluation.atYear', { year: f.lower.year }) : ''}`
    : t('evaluation.notSet'));
  const region = c ? nameOf(index?.byCode.get(c.higherPlan.regionCode)) || c.higherPlan.regionName : '';
  return (
    <section className="st-report-section" data-testid="evaluation-consistency">
      <h2>{t('evaluation.sections.consistency')}</h2>
      {!c ? <p data-testid="evaluation-no-higher">{t('evaluation.noHigher')}</p>
        : !c.findings.length ? <p>{t('evaluation.consistencyNone', { title: c.higherPlan.title, region })}</p>
        : (
          <>
            <p>{t('evaluation.consistencyIntro', { title: c.higherPlan.title, region, total: c.findings.length, flags: e.counts.consistencyFlags })}</p>
            <table className="st-report-table">
              <colgroup>
                {[6, 15, 7, 17, 17, 14, 24].map((w, i) => <col key={i} style={{ width: `${w}%` }} />)}
              </colgroup>
              <thead>
                <tr>{FINDING_COLS.map((k) => <th key={k}>{t(`evaluation.cols.${k}`)}</th>)}</tr>
              </thead>
              <tbody>
                {c.findings.map((f, i) => (
                  <tr key={`${f.indicatorCode}-${f.year}-${i}`} className={f.flagged ? 'st-flagged' : undefined} data-testid={f.flagged ? 'finding-flagged' : 'finding'}>
                    <td className="st-c">{i + 1}</td>
                    <td>{indicatorNameOf(f, catalogue, lang)}</td>
                    <td className="st-c">{f.year}</td>
                    <td>{words(f.higher)}</td>
                    <td>{lower(f)}</td>
                    <td className="st-c">{t(`evaluation.consistencyStatuses.${f.status}`)}</td>
                    <td className="st-report-note">{lang === 'zh' ? f.reasonZh : f.reasonEn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
    </section>
  );
}
