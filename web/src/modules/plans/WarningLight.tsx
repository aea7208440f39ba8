import { Badge, Tooltip } from 'antd';
import type { ProgressOut } from '../../../../src/contracts/plans.ts';
import { useI18n } from '../../app/lang.tsx';
import { WARNING_COLORS } from './labels.ts';

/** A warning light (红/黄/绿) with the assessment as its tooltip; grey with the reason when not assessed. */
export function WarningLight({ progress, fmt }: { progress: ProgressOut | null; fmt(v: number): string }) {
  const { t, lang } = useI18n();
  if (!progress) {
    return <Tooltip title={t('plans.noProgress')}><Badge color={WARNING_COLORS.none} text={t('plans.levels.none')} /></Tooltip>;
  }
  const tip = t('plans.progressTip', {
    year: progress.year, expected: fmt(progress.expected), observed: fmt(progress.observed),
    reason: lang === 'zh' ? progress.reasonZh : progress.reasonEn,
  });
  return (
    <Tooltip title={tip}>
      <Badge color={WARNING_COLORS[progress.level]} text={t(`plans.levels.${progress.level}`)} data-testid={`warning-${progress.level}`} />
    </Tooltip>
  );
}
