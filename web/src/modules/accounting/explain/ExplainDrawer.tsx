import { useMemo, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Empty, Space, Spin, Table, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { FactorUse } from '../../../../../src/core/accounting/factor-context.ts';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { accountingApi, type FactorRow, type LineageNode } from '../api.ts';
import { exact, pretty, show, shortHash } from '../format.ts';
import { kindLabel } from '../labels.ts';
import { FactorSources, FactorStatus, yearsText } from '../factors/FactorTags.tsx';
import { lineText, localSheet, type Sheet } from './sheet.ts';

/**
 * The calculation sheet behind one number: the figure with its formula, every step it was built from
 * (click a step to open its own sheet; 返回 goes back), the input lines it read and the factor records it
 * used, with versions, status and sources. Stored inventories are explained by the API (input lines and
 * records resolved in the stored input and set); other lineages (reduction rates, enterprise reports) from
 * the result at hand, their factors from the result's own list of factors used.
 */
export type ExplainTarget =
  | { kind: 'inventory'; id: number; figure: string }
  | {
    kind: 'local'; lineage: Record<string, LineageNode>; figure: string; title: string;
    factors?: readonly FactorUse[]; factorSetId?: number; resolve?: (path: string) => unknown;
  };

type FactorLine = Pick<FactorRow, 'ref' | 'kind' | 'key' | 'series' | 'value' | 'unit' | 'status' | 'disputed' | 'confirmations'> & {
  sources: readonly string[]; years?: FactorRow['years']; weak: boolean; version: number | null;
};

const versionOf = (ref: string) => { const m = /@(\d+)$/.exec(ref); return m ? Number(m[1]) : null; };

export function ExplainDrawer({ target, onClose }: { target: ExplainTarget; onClose(): void }) {
  const { t, lang } = useI18n();
  const [stack, setStack] = useState<string[]>([target.figure]);
  const current = stack[stack.length - 1];
  const remote = useLoad(() => (target.kind === 'inventory' ? accountingApi.explain(target.id, current) : Promise.resolve(null)), [target, current]);
  const setId = target.kind === 'inventory' ? remote.data?.factorSet.id : target.factorSetId;
  const catalogue = useLoad(() => (setId === undefined ? Promise.resolve(undefined) : accountingApi.factorSources(setId)), [setId]);

  const sheet: Sheet | null = useMemo(() => {
    if (target.kind === 'local') return localSheet(target.lineage, current, target.resolve);
    const r = remote.data;
    return r ? { figure: r.figure, nodes: r.nodes, inputs: r.inputs, factorRefs: r.factors.map((f) => f.ref) } : null;
  }, [target, current, remote.data]);
  const factors: FactorLine[] = useMemo(() => {
    if (target.kind === 'inventory') return (remote.data?.factors ?? []).map((f) => ({ ...f, version: f.version }));
    const byRef = new Map((target.factors ?? []).map((f) => [f.ref, f]));
    return (sheet?.factorRefs ?? []).map((ref) => {
      const f = byRef.get(ref);
      return f ? { ...f, weak: f.status === 'single-source' || f.disputed, version: versionOf(ref) }
        : { ref, kind: '', key: ref, series: '', value: NaN, unit: '', status: 'verified' as const, disputed: false, confirmations: 0, sources: [], weak: false, version: versionOf(ref) };
    });
  }, [target, remote.data, sheet]);
  const drill = (id: string) => { if (id !== current) setStack((s) => [...s, id]); };
  const title = target.kind === 'local' ? target.title : t('accounting.explain.title');
  const f = sheet?.figure;

  return (
    <Drawer open size={960} title={title} onClose={onClose} destroyOnHidden data-testid="explain-drawer"
      extra={stack.length > 1 ? <Button icon={<ArrowLeftOutlined />} onClick={() => setStack((s) => s.slice(0, -1))} data-testid="explain-back">{t('accounting.explain.back')}</Button> : null}>
      {remote.error ? <Alert type="error" showIcon title={errorText(remote.error, lang)} /> : null}
      {remote.loading && !sheet ? <div className="st-center"><Spin /></div> : null}
      {!f && !remote.loading && !remote.error ? <Empty description={t('accounting.explain.missing', { figure: current })} /> : null}
      {f ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={1} data-testid="explain-figure" items={[
            { key: 'label', label: t('accounting.explain.figure'), children: <strong>{f.label[lang]}</strong> },
            { key: 'value', label: t('accounting.explain.value'), children: <span className="st-acc-explain-value">{show(f.value, f.unit, lang)}<Typography.Text type="secondary">（{exact(f.value, f.unit, lang)}）</Typography.Text></span> },
            { key: 'formula', label: t('accounting.explain.formula'), children: f.formula ? <Typography.Text code>{f.formula}</Typography.Text> : '—' },
            { key: 'id', label: t('accounting.explain.node'), children: <Typography.Text code>{f.id}</Typography.Text> },
            ...(f.notes.length ? [{ key: 'notes', label: t('accounting.explain.notes'), children: f.notes.join('；') }] : []),
            ...(remote.data && target.kind === 'inventory' ? [{ key: 'set', label: t('accounting.inventory.factorSet'),
              children: `${remote.data.factorSet.name} v${remote.data.factorSet.version}（${shortHash(remote.data.factorSet.fingerprint)}）` }] : []),
          ]} />
          <section>
            <Typography.Title level={5}>{t('accounting.explain.steps', { count: sheet.nodes.length })}</Typography.Title>
            <Table<LineageNode> rowKey="id" size="small" bordered dataSource={sheet.nodes} pagination={{ pageSize: 8, hideOnSinglePage: true }} data-testid="explain-steps"
              columns={[
                { title: t('accounting.explain.item'), key: 'label',
                  render: (_v, n) => (n.id === f.id ? <strong>{n.label[lang]}</strong> : <Typography.Link onClick={() => drill(n.id)}>{n.label[lang]}</Typography.Link>) },
                { title: t('accounting.explain.value'), key: 'value', width: 190, align: 'right', render: (_v, n) => <span className="st-num">{exact(n.value, n.unit, lang)}</span> },
                { title: t('accounting.explain.formula'), dataIndex: 'formula', width: 260, render: (v?: string) => (v ? <Typography.Text code className="st-acc-formula">{v}</Typography.Text> : '—') },
                { title: t('accounting.explain.basis'), key: 'basis', width: 130,
                  render: (_v, n) => t('accounting.explain.basisValue', { inputs: n.inputs.length, factors: n.factors.length, from: n.from.length }) },
              ]} />
          </section>
          <section>
            <Typography.Title level={5}>{t('accounting.explain.inputs', { count: sheet.inputs.length })}</Typography.Title>
            <Table rowKey="path" size="small" bordered dataSource={sheet.inputs} pagination={{ pageSize: 10, hideOnSinglePage: true }} data-testid="explain-inputs"
              locale={{ emptyText: t('accounting.explain.noInputs') }}
              columns={[
                { title: t('accounting.explain.path'), dataIndex: 'path', width: 200, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
                { title: t('accounting.explain.cell'), dataIndex: 'ref', width: 150, render: (v: string | null) => v ?? '—' },
                { title: t('accounting.explain.line'), dataIndex: 'line', render: (v: unknown) => lineText(v, lang) },
              ]} />
          </section>
          <section>
            <Typography.Title level={5}>{t('accounting.explain.factors', { count: factors.length })}</Typography.Title>
            <Table<FactorLine> rowKey="ref" size="small" bordered dataSource={factors} pagination={{ pageSize: 10, hideOnSinglePage: true }} scroll={{ x: 900 }} data-testid="explain-factors"
              locale={{ emptyText: t('accounting.explain.noFactors') }}
              columns={[
                { title: t('accounting.factors.kind'), dataIndex: 'kind', width: 120, render: (v: string) => (v ? kindLabel(t, v) : '—') },
                { title: t('accounting.factors.key'), dataIndex: 'key', width: 120 },
                { title: t('accounting.factors.series'), dataIndex: 'series', width: 120 },
                { title: t('accounting.factors.years'), dataIndex: 'years', width: 90, render: (y?: FactorRow['years']) => (y ? yearsText(y, t('accounting.factors.anyYear')) : '—') },
                { title: t('accounting.factors.value'), key: 'v', width: 150, align: 'right', render: (_v, r) => (Number.isNaN(r.value) ? '—' : `${r.value} ${pretty(r.unit)}`) },
                { title: t('accounting.factors.version'), dataIndex: 'version', width: 60, align: 'center', render: (v: number | null) => (v === null ? '—' : `v${v}`) },
                { title: t('accounting.factors.status'), key: 's', width: 150, render: (_v, r) => (r.kind ? <FactorStatus r={r} /> : '—') },
                { title: t('accounting.factors.confirmations'), dataIndex: 'confirmations', width: 70, align: 'center' },
                { title: t('accounting.factors.sources'), dataIndex: 'sources', render: (v: string[]) => <FactorSources ids={v} sources={catalogue.data} /> },
              ]} />
          </section>
        </Space>
      ) : null}
    </Drawer>
  );
}
