import { Divider, Space, Tabs, Tag, Typography } from 'antd';
import type { Issue } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { DriversPanel } from './DriversPanel.tsx';
import { LeverTable } from './LeverTable.tsx';
import { fmt, pct, type Namer } from './format.ts';
import type { ChartReport, ScenarioInput } from './types.ts';

/**
 * The lever editor: the file's scenarios as tabs, each with its own levers, the levers it inherits, and
 * the key drivers; the active scenario's peak and P(peak by 2030) from the shown result next to the tabs,
 * so every edit shows its effect where it was made.
 */
interface Props {
  file: ScenarioInput;
  active: string;
  onActive(id: string): void;
  issues: readonly Issue[];
  names: Namer;
  report: ChartReport | null;
  onChange(file: ScenarioInput): void;
}

function Summary({ report, id }: { report: ChartReport | null; id: string }) {
  const { t, lang } = useI18n();
  const row = report?.comparison.find((c) => c.id === id);
  if (!row || !report) return null;
  const value = `${fmt(row.peakValue, lang, 0)}${lang === 'zh' ? '' : ' '}${t('scenarios.units.co2')}`;
  return (
    <Space size={12} className="st-summary" data-testid="scenario-summary">
      <span data-testid="summary-peak">{row.peakYear !== null ? t('scenarios.summary', { year: row.peakYear, value }) : t('scenarios.summaryNoPeak', { year: report.endYear })}</span>
      {row.probabilityPeakBy2030 !== undefined ? <span>{t('scenarios.summaryP2030', { p: pct(row.probabilityPeakBy2030, lang, 1) })}</span> : null}
    </Space>
  );
}

export function ScenarioEditor({ file, active, onActive, issues, names, report, onChange }: Props) {
  const { t, nameOf } = useI18n();
  return (
    <Tabs
      data-testid="scenario-tabs" activeKey={active} onChange={onActive}
      tabBarExtraContent={<Summary report={report} id={active} />}
      items={file.scenarios.map((s, index) => {
        const parent = s.extends ? file.scenarios.find((p) => p.id === s.extends) : undefined;
        const hasIssues = issues.some((i) => i.field?.startsWith(`scenarios.${index}.`));
        return {
          key: s.id,
          label: <span>{nameOf(s)}{hasIssues ? <span className="st-tab-error"> ●</span> : null}</span>,
          children: (
            <>
              {s.description || parent ? (
                <Space size={8} wrap className="st-scenario-desc">
                  {parent ? <Tag color="blue">{t('scenarios.extends', { name: nameOf(parent) })}</Tag> : null}
                  {s.description ? <Typography.Text type="secondary">{s.description}</Typography.Text> : null}
                </Space>
              ) : null}
              <Divider titlePlacement="start" plain className="st-divider">{t('scenarios.levers')}</Divider>
              <LeverTable file={file} index={index} names={names} issues={issues} onChange={onChange} />
              <Divider titlePlacement="start" plain className="st-divider">{t('scenarios.drivers')}</Divider>
              <DriversPanel file={file} index={index} issues={issues} onChange={onChange} />
            </>
          ),
        };
      })}
    />
  );
}
