import { Button, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import type { Issue } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { NumInput } from './NumInput.tsx';
import { AMOUNT, LeverTarget } from './LeverTarget.tsx';
import { getIn, inheritedLevers, issueText, issuesAt, leverOfType, setIn } from './edit.ts';
import { fromPercent, toPercent, type Namer } from './format.ts';
import { LEVER_TYPES, type LeverInput, type ScenarioInput } from './types.ts';

/**
 * The levers of one scenario as editable rows (type, what it applies to, amount, years, probability), and
 * below them the levers it inherits from its parents, read only, each of which may be disabled here.
 */
interface Props {
  file: ScenarioInput;
  index: number;
  names: Namer;
  issues: readonly Issue[];
  onChange(file: ScenarioInput): void;
}

export function LeverTable({ file, index, names, issues, onChange }: Props) {
  const { t, lang, nameOf } = useI18n();
  const scenario = file.scenarios[index];
  const levers = scenario.levers ?? [];
  const base = ['scenarios', index, 'levers'] as const;
  const setLever = (i: number, key: string, value: unknown) => onChange(setIn(file, [...base, i, key], value));
  const errs = (i: number, ...keys: string[]) => keys.flatMap((k) => issuesAt(issues, [...base, i, k]));
  const errText = (list: Issue[]) => list.map((x, k) => <div key={k} className="st-field-error" data-testid="field-error">{issueText(x, lang)}</div>);
  const disabled = new Set(scenario.disableLevers ?? []);
  const toggle = (id: string) => {
    const next = disabled.has(id) ? [...disabled].filter((x) => x !== id) : [...disabled, id];
    onChange(setIn(file, ['scenarios', index, 'disableLevers'], next.length ? next : undefined));
  };
  const inherited = inheritedLevers(file, index);

  return (
    <>
      <Table<LeverInput>
        data-testid="lever-table" rowKey="id" size="small" bordered pagination={false} dataSource={levers} scroll={{ x: lang === 'zh' ? 1120 : 1158 }}
        locale={{ emptyText: t('scenarios.noLevers') }}
        columns={[
          { title: t('scenarios.col.name'), key: 'name', width: 200, render: (_v, l, i) => (
            <>
              <Input.TextArea
                size="small" autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} value={(lang === 'en' ? l.nameEn ?? l.name : l.name) ?? ''}
                placeholder={l.id} status={errs(i, 'name', 'nameEn', 'id').length ? 'error' : undefined}
                onChange={(e) => setLever(i, lang === 'en' ? 'nameEn' : 'name', e.target.value || undefined)}
              />
              {errText(errs(i, 'name', 'nameEn', 'id'))}
            </>
          ) },
          { title: t('scenarios.col.type'), key: 'type', width: lang === 'zh' ? 112 : 136, render: (_v, l, i) => (
            <Select
              size="small" value={l.type} style={{ width: '100%' }} popupMatchSelectWidth={false}
              options={LEVER_TYPES.map((x) => ({ value: x, label: t(`scenarios.leverTypes.${x}`) }))}
              onChange={(x) => onChange(setIn(file, [...base, i], leverOfType(file, x, l)))}
            />
          ) },
          { title: t('scenarios.col.target'), key: 'target', width: 210, render: (_v, l, i) => (
            <LeverTarget lever={l} file={file} names={names} path={[...base, i]} issues={issues} set={(k, v) => setLever(i, k, v)} />
          ) },
          { title: t('scenarios.col.amount'), key: 'amount', width: 250, render: (_v, l, i) => {
            const a = AMOUNT[l.type];
            return (
              <NumInput
                value={getIn(l, [a.key])} percent={a.percent} unit={t(`scenarios.units.${a.unit}`)} testId={`lever-amount-${l.id}`}
                issues={errs(i, a.key)} onChange={(v) => setLever(i, a.key, v)}
              />
            );
          } },
          { title: t('scenarios.col.years'), key: 'years', width: 170, render: (_v, l, i) => (
            <>
              <Space size={2}>
                <InputNumber size="small" value={l.start} style={{ width: 70 }} status={errs(i, 'start').length ? 'error' : undefined}
                  onChange={(x) => setLever(i, 'start', x ?? undefined)} />
                <span>–</span>
                <InputNumber size="small" value={l.end} style={{ width: 70 }} status={errs(i, 'end').length ? 'error' : undefined}
                  onChange={(x) => setLever(i, 'end', x ?? undefined)} />
              </Space>
              {errText(errs(i, 'start', 'end'))}
            </>
          ) },
          { title: t('scenarios.col.probability'), key: 'probability', width: 124, render: (_v, l, i) => (
            <>
              <InputNumber
                size="small" style={{ width: 106 }} suffix="%" placeholder={t('scenarios.probabilityHint')} data-testid={`lever-probability-${l.id}`}
                value={l.probability === undefined ? null : toPercent(l.probability)} status={errs(i, 'probability').length ? 'error' : undefined}
                onChange={(x) => setLever(i, 'probability', x === null ? undefined : fromPercent(x))}
              />
              {errText(errs(i, 'probability'))}
            </>
          ) },
          { title: t('scenarios.col.actions'), key: 'actions', width: lang === 'zh' ? 56 : 70, align: 'center', fixed: 'right', render: (_v, l, i) => (
            <Popconfirm title={t('scenarios.removeLever')} onConfirm={() => onChange(setIn(file, [...base], levers.filter((_x, k) => k !== i)))}>
              <Tooltip title={t('scenarios.removeLever')}><Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('scenarios.removeLever')} /></Tooltip>
            </Popconfirm>
          ) },
        ]}
      />
      <Button
        size="small" type="dashed" icon={<PlusOutlined />} style={{ marginTop: 8 }} data-testid="lever-add"
        onClick={() => onChange(setIn(file, [...base], [...levers, leverOfType(file, 'intensity', {})]))}
      >{t('scenarios.addLever')}</Button>
      {inherited.length ? (
        <div className="st-inherited" data-testid="inherited-levers">
          <Typography.Text type="secondary">{t('scenarios.inheritedLevers')}</Typography.Text>
          <ul>
            {inherited.map(({ lever, from }) => (
              <li key={lever.id} className={disabled.has(lever.id) ? 'st-lever-off' : undefined}>
                <Tag>{t(`scenarios.leverTypes.${lever.type}`)}</Tag>
                <span className="st-lever-name">{nameOf({ name: lever.name ?? lever.id, nameEn: lever.nameEn })}</span>
                <Typography.Text type="secondary" className="st-lever-from">{t('scenarios.inheritedFrom', { name: nameOf(from) })}</Typography.Text>
                {disabled.has(lever.id) ? <Tag color="default">{t('scenarios.disabledTag')}</Tag> : null}
                <Button size="small" type="link" icon={disabled.has(lever.id) ? <UndoOutlined /> : <StopOutlined />} onClick={() => toggle(lever.id)}>
                  {t(disabled.has(lever.id) ? 'scenarios.enable' : 'scenarios.disable')}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
