import { Button, Col, InputNumber, Row, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Issue } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { NumInput } from './NumInput.tsx';
import { driverSource, issueText, issuesAt, setIn } from './edit.ts';
import type { Path, ScenarioInput } from './types.ts';

/**
 * Base-year data (population, GDP, grid factor: numbers, not distributions — README "Limits") and the two
 * key drivers of a scenario, GDP growth and population, as the file writes them: growth by period, growth
 * at milestones, or levels at milestones. A driver inherited from a parent is shown read only until the
 * user chooses to change it in this scenario (which copies it here: the child's key replaces the parent's).
 */
interface Props {
  file: ScenarioInput;
  index: number;
  issues: readonly Issue[];
  onChange(file: ScenarioInput): void;
}

type Traj = { growth?: Record<string, unknown>; growthMilestones?: Record<string, unknown>; milestones?: Record<string, unknown> };
const KINDS = ['growth', 'growthMilestones', 'milestones'] as const;

function BaseField({ label, path, unit, file, issues, onChange, testId }: { label: string; path: Path; unit: string; file: ScenarioInput; issues: readonly Issue[]; onChange(f: ScenarioInput): void; testId: string }) {
  const { lang } = useI18n();
  const errs = issuesAt(issues, path);
  const value = path.reduce<unknown>((o, k) => (o as Record<string | number, unknown> | undefined)?.[k], file);
  return (
    <div className="st-base-field">
      <div className="st-base-label">{label}</div>
      <Space size={4}>
        <InputNumber size="small" style={{ width: 130 }} value={typeof value === 'number' ? value : null} status={errs.length ? 'error' : undefined}
          data-testid={testId} onChange={(x) => onChange(setIn(file, path, x ?? undefined))} />
        <span className="st-num-unit">{unit}</span>
      </Space>
      {errs.map((i, k) => <div key={k} className="st-field-error" data-testid="field-error">{issueText(i, lang)}</div>)}
    </div>
  );
}

function TrajectoryEditor({ file, index, which, issues, onChange }: Props & { which: 'gdp' | 'population' }) {
  const { t, lang, nameOf } = useI18n();
  const src = driverSource(file, index, which);
  const own = src?.scenario === index;
  const path: Path = ['scenarios', src?.scenario ?? index, 'drivers', which];
  const traj = (src?.value ?? {}) as Traj;
  const kind = KINDS.find((k) => traj[k] !== undefined);
  const level = kind === 'milestones';
  const unit = level ? t(which === 'gdp' ? 'scenarios.units.gdp' : 'scenarios.units.population') : t('scenarios.units.ratePerYear');
  const label = t(which === 'gdp' ? 'scenarios.gdpGrowth' : 'scenarios.populationGrowth');
  const own0 = issuesAt(issues, path).filter((i) => kind === undefined || !i.field?.startsWith(`${path.join('.')}.${kind}.`));
  return (
    <div className="st-traj" data-testid={`driver-${which}`}>
      <Space size={8} wrap className="st-traj-head">
        <Typography.Text strong>{label}</Typography.Text>
        {kind ? <Tag>{t(`scenarios.trajKinds.${kind}`)}</Tag> : <Typography.Text type="secondary">{t('scenarios.notSet')}</Typography.Text>}
        {src && !own ? (
          <>
            <Typography.Text type="secondary">{t('scenarios.inheritedFrom', { name: nameOf(file.scenarios[src.scenario]) })}</Typography.Text>
            <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onChange(setIn(file, ['scenarios', index, 'drivers', which], structuredClone(src.value)))}>
              {t('scenarios.override')}
            </Button>
          </>
        ) : null}
      </Space>
      {kind ? Object.entries(traj[kind] ?? {}).map(([key, v]) => (
        <div key={key} className="st-traj-row">
          <span className="st-traj-key">{key}</span>
          <NumInput
            value={v} percent={!level} unit={unit} disabled={!own} testId={`driver-${which}-${key}`}
            issues={issuesAt(issues, [...path, kind, key])}
            onChange={(x) => onChange(setIn(file, [...path, kind, key], x))}
          />
        </div>
      )) : null}
      {own0.map((i, k) => <div key={k} className="st-field-error" data-testid="field-error">{lang === 'zh' ? i.zh : i.en}</div>)}
    </div>
  );
}

export function DriversPanel(props: Props) {
  const { t } = useI18n();
  const { file } = props;
  return (
    <div data-testid="drivers-panel">
      <Space size={24} wrap className="st-base-row">
        <div className="st-base-field"><div className="st-base-label">{t('scenarios.baseYear')}</div><b>{file.baseYear}</b></div>
        <div className="st-base-field"><div className="st-base-label">{t('scenarios.endYear')}</div><b>{file.endYear}</b></div>
        <BaseField {...props} label={t('scenarios.basePopulation')} path={['base', 'population']} unit={t('scenarios.units.population')} testId="base-population" />
        <BaseField {...props} label={t('scenarios.baseGdp')} path={['base', 'gdp']} unit={t('scenarios.units.gdp')} testId="base-gdp" />
        <BaseField {...props} label={t('scenarios.baseGridFactor')} path={['base', 'gridFactor']} unit="tCO₂/MWh" testId="base-grid-factor" />
      </Space>
      <Row gutter={24}>
        <Col xs={24} xl={16}><TrajectoryEditor {...props} which="gdp" /></Col>
        <Col xs={24} xl={8}><TrajectoryEditor {...props} which="population" /></Col>
      </Row>
    </div>
  );
}
