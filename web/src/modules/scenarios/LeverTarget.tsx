import { InputNumber, Select, Space } from 'antd';
import type { Issue } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { issueText, issuesAt } from './edit.ts';
import type { Namer } from './format.ts';
import type { LeverInput, LeverType, Path, ScenarioInput } from './types.ts';

/**
 * What a lever applies to, by type (README "Levers"): the sector and fuels of a fuel switch, the sector of
 * an efficiency gain, the sectors of a structure shift, the technology of new capacity, the process of a
 * process or capture lever. Grid and sink levers apply to the whole region.
 */
type Amount = { key: 'perYear' | 'add' | 'share'; percent: boolean; unit: 'shiftPerYear' | 'ratePerYear' | 'share' | 'capacity' | 'co2' };
export const AMOUNT: Record<LeverType, Amount> = {
  fuelShift: { key: 'perYear', percent: true, unit: 'shiftPerYear' },
  structureShift: { key: 'perYear', percent: true, unit: 'shiftPerYear' },
  intensity: { key: 'perYear', percent: true, unit: 'ratePerYear' },
  gridFactor: { key: 'perYear', percent: true, unit: 'ratePerYear' },
  process: { key: 'perYear', percent: true, unit: 'ratePerYear' },
  capture: { key: 'share', percent: true, unit: 'share' },
  capacity: { key: 'add', percent: false, unit: 'capacity' },
  sink: { key: 'add', percent: false, unit: 'co2' },
};

interface Props {
  lever: LeverInput;
  file: ScenarioInput;
  names: Namer;
  path: Path;
  issues: readonly Issue[];
  set(key: string, value: unknown): void;
  disabled?: boolean;
}

type Weights = string | Record<string, number>;
const ids = (to: Weights) => (typeof to === 'string' ? [to] : Object.keys(to));

/** One target or several with relative weights ({gas: 0.4, electricity: 0.6}). */
function ToPicker({ value, options, onChange, disabled }: { value: Weights; options: { value: string; label: string }[]; onChange(v: Weights): void; disabled?: boolean }) {
  const { lang } = useI18n();
  const chosen = ids(value);
  const weights = typeof value === 'string' ? { [value]: 1 } : value;
  return (
    <Space size={2} wrap>
      <Select
        size="small" mode="multiple" value={chosen} options={options} style={{ minWidth: 110 }} disabled={disabled} popupMatchSelectWidth={false}
        onChange={(v: string[]) => onChange(v.length === 1 ? v[0] : Object.fromEntries(v.map((id) => [id, weights[id] ?? 1])))}
      />
      {typeof value === 'object' && chosen.length > 1 ? chosen.map((id) => (
        <InputNumber
          key={id} size="small" min={0} style={{ width: lang === 'zh' ? 92 : 118 }} disabled={disabled} value={weights[id]}
          prefix={<span className="st-num-param">{options.find((o) => o.value === id)?.label.slice(0, lang === 'zh' ? 3 : 8) ?? id}</span>}
          onChange={(x) => onChange({ ...weights, [id]: x ?? 0 })}
        />
      )) : null}
    </Space>
  );
}

export function LeverTarget({ lever, file, names, path, issues, set, disabled }: Props) {
  const { t, lang } = useI18n();
  const sectors = [{ value: '*', label: t('scenarios.allSectors') }, ...file.sectors.map((s) => ({ value: s.id, label: names.sector(s.id) }))];
  const vaSectors = file.sectors.filter((s) => s.driver === 'valueAdded').map((s) => ({ value: s.id, label: names.sector(s.id) }));
  const fuels = file.fuels.map((f) => ({ value: f.id, label: names.fuel(f.id) }));
  const techs = (file.base.generation ?? []).map((g) => ({ value: g.id, label: names.tech(g.id) }));
  const processes = (file.base.processes ?? []).map((p) => ({ value: p.id, label: names.process(p.id) }));
  const errs = (...keys: string[]) => keys.flatMap((k) => issuesAt(issues, [...path, k]));
  const pick = (key: string, value: string, options: { value: string; label: string }[], width = 150) => (
    <Select size="small" value={value} options={options} style={{ width }} disabled={disabled} popupMatchSelectWidth={false}
      status={errs(key).length ? 'error' : undefined} onChange={(v: string) => set(key, v)} />
  );
  let body;
  switch (lever.type) {
    case 'fuelShift':
      body = (
        <Space orientation="vertical" size={2}>
          {pick('sector', lever.sector, sectors)}
          <Space size={4} wrap>
            <span className="st-muted">{t('scenarios.from')}</span>
            <Select size="small" mode="multiple" value={lever.from} options={fuels} style={{ minWidth: 110 }} disabled={disabled} popupMatchSelectWidth={false}
              onChange={(v: string[]) => set('from', v)} />
            <span className="st-muted">{t('scenarios.to')}</span>
            <ToPicker value={lever.to} options={fuels} disabled={disabled} onChange={(v) => set('to', v)} />
          </Space>
        </Space>
      );
      break;
    case 'intensity': body = pick('sector', lever.sector, sectors); break;
    case 'structureShift':
      body = (
        <Space size={4} wrap>
          <span className="st-muted">{t('scenarios.from')}</span>{pick('from', lever.from, vaSectors, 130)}
          <span className="st-muted">{t('scenarios.to')}</span>
          <ToPicker value={lever.to} options={vaSectors} disabled={disabled} onChange={(v) => set('to', v)} />
        </Space>
      );
      break;
    case 'capacity': body = pick('tech', lever.tech, techs); break;
    case 'process': case 'capture': body = pick('process', lever.process, processes); break;
    default: body = <span className="st-muted">—</span>;
  }
  const shown = errs('sector', 'from', 'to', 'tech', 'process');
  return (
    <div>
      {body}
      {shown.map((i, k) => <div key={k} className="st-field-error" data-testid="field-error">{issueText(i, lang)}</div>)}
    </div>
  );
}
