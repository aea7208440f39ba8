import { Segmented, Select, Space } from 'antd';
import { useI18n } from '../../../app/lang.tsx';
import { formatPeriod, HALVES, isHalf, parsePeriod, QUARTERS, withKind, type PeriodKind, type PeriodPart } from './period.ts';

/** 报送期: year, half-year or quarter; the years span the plan's period up to next year. */
export function PeriodPicker({ value, onChange, from, to }: { value: string; onChange(p: string): void; from: number; to: number }) {
  const { t } = useI18n();
  const v = parsePeriod(value);
  const last = Math.max(from, Math.min(to, new Date().getFullYear() + 1));
  const years = Array.from({ length: last - from + 1 }, (_x, i) => last - i);
  if (!years.includes(v.year)) years.unshift(v.year);
  const partLabel = (p: PeriodPart) => (isHalf(p) ? t(`reports.halves.${p}`) : t(`reports.quarters.${p}`));
  const parts: readonly PeriodPart[] = v.kind === 'half' ? HALVES : QUARTERS;
  return (
    <Space wrap data-testid="period-picker">
      <span>{t('reports.period')}</span>
      <Segmented<PeriodKind> value={v.kind} onChange={(k) => onChange(formatPeriod(withKind(v, k)))} data-testid="period-kind"
        options={(['year', 'half', 'quarter'] as const).map((k) => ({ value: k, label: t(`reports.periodKinds.${k}`) }))} />
      <Select size="middle" value={v.year} style={{ width: 100 }} data-testid="period-year" onChange={(y) => onChange(formatPeriod({ ...v, year: y }))}
        options={years.map((y) => ({ value: y, label: String(y) }))} />
      {v.kind !== 'year' ? (
        <Select size="middle" value={v.part} style={{ width: 120 }} data-testid="period-part" onChange={(p) => onChange(formatPeriod({ ...v, part: p }))}
          options={parts.map((p) => ({ value: p, label: partLabel(p) }))} />
      ) : null}
    </Space>
  );
}
