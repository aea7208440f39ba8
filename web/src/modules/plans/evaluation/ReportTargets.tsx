import type { IndicatorOut } from '../../../../../src/contracts/plans.ts';
import { useI18n } from '../../../app/lang.tsx';
import { indicatorNameOf } from '../labels.ts';
import type { Evaluation, EvaluationTarget } from './api.ts';
import { englishUnits, num, signed, unitNote } from './format.ts';
import { LevelChart } from './LevelChart.tsx';

/** 一、总体情况 (the counts in words and a chart) and 二、目标完成情况 (one row per target). */
export function ReportOverall({ e }: { e: Evaluation }) {
  const { t } = useI18n();
  const c = e.counts;
  const h = e.consistency?.higherPlan;
  return (
    <section className="st-report-section" data-testid="evaluation-overall">
      <h2>{t('evaluation.sections.overall')}</h2>
      <div className="st-report-overall">
        <div className="st-report-text">
          <p>{t('evaluation.overallTargets', { title: e.plan.title, year: e.year, ...c.targets })}</p>
          <p>{t('evaluation.overallTasks', { ...c.tasks, inProgress: c.tasks.in_progress, notStarted: c.tasks.not_started })}</p>
          <p>{h ? t('evaluation.overallConsistency', { title: h.title, flags: c.consistencyFlags }) : t('evaluation.overallNoHigher')}</p>
        </div>
        <LevelChart counts={{ red: c.targets.red, yellow: c.targets.yellow, green: c.targets.green, none: c.targets.unassessed }} />
      </div>
    </section>
  );
}

const TARGET_COLS = ['no', 'indicator', 'target', 'base', 'expected', 'observed', 'gap', 'level', 'note'] as const;

export function ReportTargets({ e, catalogue }: { e: Evaluation; catalogue: Map<string, IndicatorOut> | undefined }) {
  const { t, lang } = useI18n();
  const row = (x: EvaluationTarget, i: number) => {
    const level = x.progress?.level ?? 'none';
    const at = (y: number | null | undefined, other: number | null | undefined) => (y != null && y !== other ? t('evaluation.atYear', { year: y }) : '');
    const words = lang === 'zh' ? x.targetZh : englishUnits(t, x.targetEn);
    return (
      <tr key={x.id} data-testid="evaluation-target">
        <td className="st-c">{i + 1}</td>
        <td>{indicatorNameOf(x, catalogue, lang)}<span className="st-report-sub">{unitNote(t, lang, x.valueUnit)}</span></td>
        <td>{x.year != null && !x.deferred ? t('evaluation.targetValue', { year: x.year, target: words }) : words}</td>
        <td className="st-c">{x.baselineYear ?? '—'}<br />{num(x.baselineValue, lang)}</td>
        <td className="st-r">{num(x.expected, lang)}<span className="st-report-sub">{at(x.expectedYear, e.year)}</span></td>
        <td className="st-r">
          {num(x.observed?.value, lang)}
          <span className="st-report-sub">{at(x.observed?.year, x.expectedYear)}</span>
          {x.observed?.status === 'submitted' ? <span className="st-report-sub st-report-pending">{t('evaluation.pending')}</span> : null}
        </td>
        <td className="st-r">{signed(x.progress?.gap, lang)}</td>
        <td className={`st-c st-level st-level-${level}`} data-testid={`level-cell-${level}`}>
          {level === 'none' ? t('evaluation.levelShort.none') : <><b>{t(`evaluation.levelColour.${level}`)}</b><br />{t(`evaluation.levelShort.${level}`)}</>}
        </td>
        <td className="st-report-note">{lang === 'zh' ? x.noteZh : x.noteEn}</td>
      </tr>
    );
  };
  // Main targets come first (the server's order); each group under its own heading row, numbered on.
  const main = e.targets.filter((x) => x.main);
  const other = e.targets.filter((x) => !x.main);
  const group = (key: 'main' | 'other', list: EvaluationTarget[], from: number) => (list.length ? [
    <tr key={key} className="st-report-group"><td colSpan={TARGET_COLS.length}>{t(`evaluation.groups.${key}`)}</td></tr>,
    ...list.map((x, i) => row(x, from + i)),
  ] : []);
  return (
    <section className="st-report-section" data-testid="evaluation-targets">
      <h2>{t('evaluation.sections.targets')}</h2>
      <p>{t('evaluation.targetsIntro', { year: e.year })}</p>
      {e.targets.length ? (
        <table className="st-report-table">
          <colgroup>
            {[6, 16, 14, 9, 10, 9, 8, 9, 19].map((w, i) => <col key={i} style={{ width: `${w}%` }} />)}
          </colgroup>
          <thead>
            <tr>{TARGET_COLS.map((k) => <th key={k}>{t(`evaluation.cols.${k}`)}</th>)}</tr>
          </thead>
          <tbody>{[...group('main', main, 0), ...group('other', other, main.length)]}</tbody>
        </table>
      ) : <p>{t('evaluation.noTargets')}</p>}
    </section>
  );
}
