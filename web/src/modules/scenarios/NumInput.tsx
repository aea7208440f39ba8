import { InputNumber, Select, Space } from 'antd';
import type { Issue } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { issueText } from './edit.ts';
import { clean, fromPercent, toPercent } from './format.ts';
import type { Dist, Num } from './types.ts';

/**
 * One number-or-distribution input of the scenario file (README: "Numbers or distributions"): a fixed
 * value, or a normal / triangular / uniform distribution with its parameters. Rates and shares are shown
 * in percent. The core's issues about this value are shown right under it.
 */
type Kind = 'fixed' | Dist['dist'];
const PARAMS: Record<Kind, readonly ('mean' | 'sd' | 'min' | 'mode' | 'max')[]> = {
  fixed: [], normal: ['mean', 'sd', 'min', 'max'], triangular: ['min', 'mode', 'max'], uniform: ['min', 'max'],
};

function kindOf(v: unknown): Kind {
  if (v && typeof v === 'object' && 'dist' in v) {
    const d = (v as { dist: unknown }).dist;
    if (d === 'normal' || d === 'triangular' || d === 'uniform') return d;
  }
  return 'fixed';
}

/** The central value a deterministic run uses (README: normal mean, triangular mode, uniform midpoint). */
function centralOf(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  const d = v as Partial<Record<string, number>> | null;
  if (!d || typeof d !== 'object') return undefined;
  const k = kindOf(v);
  if (k === 'normal') return d.mean;
  if (k === 'triangular') return d.mode;
  if (k === 'uniform' && d.min !== undefined && d.max !== undefined) return clean((d.min + d.max) / 2);
  return undefined;
}

/** Changing the kind keeps the central value and puts it in every parameter: the spread is the user's to set. */
function convert(v: unknown, kind: Kind): Num | undefined {
  const c = centralOf(v);
  if (kind === 'fixed') return c;
  if (c === undefined) return undefined;
  if (kind === 'normal') return { dist: 'normal', mean: c, sd: 0 };
  if (kind === 'triangular') return { dist: 'triangular', min: c, mode: c, max: c };
  return { dist: 'uniform', min: c, max: c };
}

export interface NumInputProps {
  value: unknown;
  onChange(v: Num | undefined): void;
  percent?: boolean;
  unit?: string;
  issues?: readonly Issue[];
  disabled?: boolean;
  testId?: string;
  width?: number;
}

export function NumInput({ value, onChange, percent, unit, issues = [], disabled, testId, width = 96 }: NumInputProps) {
  const { t, lang } = useI18n();
  const kind = kindOf(value);
  const show = (x: unknown) => (typeof x === 'number' ? (percent ? toPercent(x) : x) : null);
  const back = (x: number | null) => (x === null ? undefined : percent ? fromPercent(x) : x);
  const status = issues.length ? 'error' : undefined;
  const setParam = (p: string, x: number | null) => {
    const d = { ...(value as Record<string, unknown>) };
    const b = back(x);
    if (b === undefined) delete d[p]; else d[p] = b;
    onChange(d as unknown as Num);
  };
  return (
    <div className="st-num" data-testid={testId}>
      <Space size={4} wrap>
        <Select<Kind>
          size="small" value={kind} disabled={disabled} style={{ width: lang === 'zh' ? 66 : 104 }} popupMatchSelectWidth={false}
          onChange={(k) => onChange(convert(value, k))}
          options={(['fixed', 'normal', 'triangular', 'uniform'] as const).map((k) => ({ value: k, label: t(`scenarios.dist.${k}`) }))}
        />
        {kind === 'fixed' ? (
          <InputNumber
            size="small" value={show(value)} status={status} disabled={disabled} style={{ width }} data-testid={testId && `${testId}-value`}
            onChange={(x) => onChange(back(x))}
          />
        ) : PARAMS[kind].map((p) => (
          <InputNumber
            key={p} size="small" status={status} disabled={disabled} style={{ width: width + 14 }}
            prefix={<span className="st-num-param">{t(`scenarios.distParams.${p}`)}</span>}
            value={show((value as Record<string, unknown>)[p])}
            onChange={(x) => setParam(p, x)}
          />
        ))}
        {unit ? <span className="st-num-unit">{unit}</span> : null}
      </Space>
      {issues.map((i, k) => <div key={k} className="st-field-error" data-testid="field-error">{issueText(i, lang)}</div>)}
    </div>
  );
}
