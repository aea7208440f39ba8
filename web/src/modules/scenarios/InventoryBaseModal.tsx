import { useEffect, useState } from 'react';
import { Alert, Button, Collapse, Empty, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { INVENTORY_SECTORS } from '../../../../src/core/scenarios/inventory-sectors.ts';
import { errorText } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { scenariosApi, type FromInventory, type InventoryItem } from './api.ts';
import { fmt, fromPercent, toPercent } from './format.ts';
import { SkippedTargets } from './PlanTargetsPanel.tsx';
import type { ScenarioInput } from './types.ts';

/**
 * 从清单生成基年: choose a stored inventory of the region; the server builds the base year from it, keeps
 * the open file's scenarios (moved onto the new base year) and takes the region's plan targets. The
 * dialog shows the check against the inventory, the plan targets left out and why, the lineage of every
 * field; 载入编辑器 replaces the draft (saved only with 保存). Value-added shares are not in an inventory:
 * they are entered here (or kept from the open file when it uses the same sectors).
 */
interface Props { regionCode: string; draft: ScenarioInput; onClose(): void; onApply(input: ScenarioInput): void }

const VA = INVENTORY_SECTORS.filter((s) => s.driver === 'valueAdded');

export function InventoryBaseModal({ regionCode, draft, onClose, onApply }: Props) {
  const { t, lang, nameOf } = useI18n();
  const [items, setItems] = useState<InventoryItem[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [shares, setShares] = useState<Record<string, number | null>>(() => Object.fromEntries(VA.map((s) => {
    const v = draft.base.valueAddedShare?.[s.id];
    return [s.id, typeof v === 'number' ? toPercent(v) : null];
  })));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<FromInventory | null>(null);

  useEffect(() => {
    scenariosApi.inventories(regionCode).then((list) => {
      setItems(list);
      setChosen(list.slice().sort((a, b) => b.year - a.year || b.id - a.id)[0]?.id ?? null);
    }, setError);
  }, [regionCode]);

  const given = VA.filter((s) => shares[s.id] !== null);
  const sum = given.reduce((a, s) => a + (shares[s.id] ?? 0), 0);
  const generate = async () => {
    if (chosen === null) return;
    setBusy(true);
    setError(null);
    try {
      const valueAddedShare = given.length ? Object.fromEntries(given.map((s) => [s.id, fromPercent(shares[s.id] as number)])) : undefined;
      setResult(await scenariosApi.fromInventory({ inventoryId: chosen, template: draft, valueAddedShare }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const checks = result?.checks ?? [];
  const exact = checks.filter((c) => c.equal).length;
  return (
    <Modal
      open width={980} title={t('scenarios.inv.title')} onCancel={onClose} maskClosable={false} destroyOnHidden data-testid="inventory-modal"
      footer={(
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button loading={busy} disabled={chosen === null} onClick={() => void generate()} data-testid="inventory-generate">{t('scenarios.inv.generate')}</Button>
          <Button type="primary" disabled={!result} onClick={() => { if (result) onApply(result.input as ScenarioInput); }} data-testid="inventory-apply">{t('scenarios.inv.apply')}</Button>
        </Space>
      )}
    >
      <Typography.Paragraph type="secondary">{t('scenarios.inv.intro')}</Typography.Paragraph>
      {items && !items.length ? <Empty description={t('scenarios.inv.none')} /> : (
        <Space orientation="vertical" size={10} style={{ width: '100%' }}>
          <Space wrap>
            <span>{t('scenarios.inv.inventory')}</span>
            <Select<number>
              style={{ minWidth: 360 }} loading={!items} value={chosen ?? undefined} onChange={(v) => { setChosen(v); setResult(null); }} data-testid="inventory-select"
              options={(items ?? []).map((i) => ({ value: i.id, label: t('scenarios.inv.option', { id: i.id, year: i.year, set: `${i.factorSet.name} v${i.factorSet.version}`, source: i.sourceName ?? '—' }) }))}
            />
          </Space>
          <div>
            <Typography.Text strong>{t('scenarios.inv.shares')}</Typography.Text>
            <Typography.Text type="secondary" className="st-note"> {t('scenarios.inv.sharesHint')}</Typography.Text>
            <Space wrap size={12} style={{ marginTop: 6 }}>
              {VA.map((s) => (
                <Space key={s.id} size={4}>
                  <span className="st-muted">{nameOf(s)}</span>
                  <InputNumber size="small" min={0} max={100} style={{ width: 90 }} value={shares[s.id]} data-testid={`inventory-share-${s.id}`}
                    onChange={(v) => { setShares({ ...shares, [s.id]: v ?? null }); setResult(null); }} />
                  <span className="st-num-unit">%</span>
                </Space>
              ))}
              {given.length ? <Tag color={Math.abs(sum - 100) <= 1 ? 'green' : 'red'}>{t('scenarios.inv.sum', { sum: fmt(sum, lang, 1) })}</Tag> : null}
            </Space>
          </div>
        </Space>
      )}
      {error ? <Alert type="error" showIcon title={errorText(error, lang)} style={{ marginTop: 12 }} data-testid="inventory-error" /> : null}
      {result ? (
        <div style={{ marginTop: 12 }} data-testid="inventory-result">
          {result.warnings.length ? (
            <Alert type="warning" showIcon className="st-note-alert" title={t('scenarios.inv.warnings')}
              description={<ul className="st-issue-list">{result.warnings.map((w, k) => <li key={k}>{lang === 'zh' ? w.zh : w.en}</li>)}</ul>} />
          ) : null}
          <Typography.Text strong data-testid="inventory-check-summary">{t('scenarios.inv.checked', { exact, total: checks.length, year: result.inventory.year })}</Typography.Text>
          <Table
            size="small" rowKey="id" pagination={false} dataSource={checks} scroll={{ y: 240 }} style={{ marginTop: 6 }} data-testid="inventory-checks"
            columns={[
              { title: t('scenarios.inv.figure'), key: 'f', render: (_v, c) => nameOf({ name: c.zh, nameEn: c.en }) },
              { title: t('scenarios.inv.fromInventory'), key: 'i', width: 130, align: 'right', render: (_v, c) => `${fmt(c.inventory, lang, 4)}` },
              { title: t('scenarios.inv.baseYear'), key: 's', width: 130, align: 'right', render: (_v, c) => `${fmt(c.scenario, lang, 4)}` },
              { title: t('scenarios.inv.unit'), dataIndex: 'unit', width: 90 },
              { title: '', key: 'ok', width: 110, render: (_v, c) => (c.equal
                ? <Tag color="success" icon={<CheckCircleFilled />}>{t('scenarios.inv.equal')}</Tag>
                : <Tag color="warning" icon={<WarningFilled />}>{fmt(c.inventory ? (100 * c.difference) / c.inventory : 0, lang, 1)}%</Tag>) },
            ]}
          />
          <Typography.Paragraph type="secondary" className="st-note">{t('scenarios.inv.sectorNote')}</Typography.Paragraph>
          <Collapse size="small" items={[
            {
              key: 'plan', label: result.planTargets.fromPlans
                ? t('scenarios.plan.summary', { mapped: result.planTargets.mapped.length + (result.planTargets.peak ? 1 : 0), skipped: result.planTargets.skipped.length })
                : t('scenarios.plan.noPlans'),
              children: <SkippedTargets skipped={result.planTargets.skipped} peak={result.planTargets.peak} />,
            },
            {
              key: 'lineage', label: t('scenarios.inv.lineage', { count: result.lineage.length }),
              children: (
                <Table size="small" rowKey={(l) => l.field} pagination={false} dataSource={result.lineage} scroll={{ y: 300 }} data-testid="inventory-lineage"
                  columns={[
                    { title: t('scenarios.inv.field'), dataIndex: 'field', width: 260, render: (v: string) => <code>{v}</code> },
                    { title: t('scenarios.inv.value'), key: 'v', width: 130, align: 'right', render: (_v, l) => (l.value === null ? '—' : `${fmt(l.value, lang, 4)} ${l.unit}`) },
                    { title: t('scenarios.inv.source'), dataIndex: 'source', width: 90, render: (v: FromInventory['lineage'][number]['source']) => <Tag>{t(`scenarios.inv.sources.${v}`)}</Tag> },
                    { title: t('scenarios.inv.how'), key: 'h', render: (_v, l) => nameOf({ name: l.zh, nameEn: l.en }) },
                  ]} />
              ),
            },
          ]} />
        </div>
      ) : null}
    </Modal>
  );
}
