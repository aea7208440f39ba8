import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { ParameterQuality } from '../../../../../src/core/accounting/enterprise.ts';
import { errorText } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { useLoad } from '../../../shared/useLoad.ts';
import { accountingApi, type EnterpriseResult } from '../api.ts';
import { ExplainDrawer, type ExplainTarget } from '../explain/ExplainDrawer.tsx';
import { at } from '../explain/sheet.ts';
import { categoryLabel, exact, fuelLabel, pretty, shortHash, show } from '../format.ts';
import { FigureTile, type Tile } from '../inventory/KeyFigures.tsx';

type Line = EnterpriseResult['combustion']['lines'][number] & { index: number };
type Proc = EnterpriseResult['process']['lines'][number];
const PARAMS: ParameterQuality['parameter'][] = ['ncv', 'carbonContent', 'oxidation', 'ipccEf'];

/**
 * One enterprise report: who and what (guideline, factor set, electricity factor), the totals and product
 * intensities (each opens its calculation sheet from the report's lineage), every combustion line with the
 * data-quality flag of each parameter (实测 measured / 缺省 default, with the default's factor record),
 * process lines, purchased electricity and heat, and the report's quality flags.
 */
export function EnterpriseDetail({ id, onBack }: { id: number; onBack(): void }) {
  const { t, lang, dateTime } = useI18n();
  const data = useLoad(() => accountingApi.report(id), [id]);
  const [explain, setExplain] = useState<ExplainTarget | null>(null);
  const d = data.data;
  const r = d?.result;
  const open = (lineage: string) => r && d && setExplain({ kind: 'local', lineage: r.lineage, figure: lineage, factors: r.factorsUsed, factorSetId: d.factorSet.id, resolve: (path: string) => at(d.input, path),
    title: t('accounting.enterprise.sheetTitle', { name: d.organisationName, year: d.year }) });

  const quality = (line: number, p: ParameterQuality['parameter']) => {
    const q = r?.dataQuality.parameters.find((x) => x.line === `combustion.${line}` && x.parameter === p);
    if (!q) return '—';
    const tip = q.source === 'measured' ? q.evidence : [q.ref, q.status && t(`accounting.factors.statuses.${q.status as 'verified'}`), q.disputed ? t('accounting.factors.disputed') : ''].filter(Boolean).join(' · ');
    return (
      <Tooltip title={tip}>
        <Tag color={q.source === 'measured' ? 'green' : q.disputed || q.status === 'single-source' ? 'warning' : 'default'} data-testid={`dq-${q.source}`}>
          {t(`accounting.enterprise.dq.${q.source}`)}
        </Tag>
      </Tooltip>
    );
  };
  const tiles: Tile[] = d && r ? [
    { ...d.summary.total, title: t('accounting.enterprise.total') },
    { ...d.summary.direct, title: t('accounting.enterprise.direct'), sub: t('accounting.enterprise.directSub') },
    { ...d.summary.combustion, title: t('accounting.enterprise.combustion') },
    { ...d.summary.process, title: t('accounting.enterprise.process') },
    { ...d.summary.indirect, title: t('accounting.enterprise.indirect'),
      sub: r.indirect.electricity.factor ? `${show(r.indirect.electricity.net.value, 'kWh', lang)} × ${r.indirect.electricity.factor.value} ${pretty(r.indirect.electricity.factor.unit)}（${r.indirect.electricity.factor.key} ${r.indirect.electricity.factor.year}）` : undefined },
    { ...d.summary.energy, title: t('accounting.enterprise.energy'), sub: r.method.electricityConversionLabel[lang] },
    { ...d.summary.measuredShare, title: t('accounting.enterprise.measuredShare'), sub: t('accounting.enterprise.measuredSub') },
    ...d.summary.intensity.map((i) => ({ ...i.total, title: t('accounting.enterprise.intensity', { product: i.product }), sub: t('accounting.enterprise.intensityDirect', { value: `${i.direct.value.toFixed(4)} ${pretty(i.direct.unit)}` }) })),
  ] : [];

  return (
    <div data-testid="report-detail">
      <Card className="st-acc-card" size="small">
        <div className="st-table-toolbar" style={{ marginBottom: 8 }}>
          <Space>
            <Button icon={<ArrowLeftOutlined />} onClick={onBack}>{t('accounting.inventory.back')}</Button>
            <span className="st-table-title" data-testid="report-title">{d ? t('accounting.enterprise.detailTitle', { name: d.organisationName, year: d.year }) : ''}</span>
          </Space>
          {d ? <Tag color={d.status === 'submitted' ? 'green' : 'default'}>{t(`accounting.enterprise.statuses.${d.status}`)}</Tag> : null}
        </div>
        {data.error ? <Alert type="error" showIcon title={errorText(data.error, lang)} /> : null}
        {data.loading && !d ? <div className="st-center"><Spin /></div> : null}
        {d && r ? (
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={[
            { key: 'cc', label: t('accounting.enterprise.creditCode'), children: d.creditCode },
            { key: 'region', label: t('accounting.enterprise.region'), children: d.regionCode },
            { key: 'g', label: t('accounting.enterprise.guideline'), children: r.guideline },
            { key: 'set', label: t('accounting.inventory.factorSet'), children: `${d.factorSet.name} v${d.factorSet.version}（${shortHash(d.factorSet.fingerprint)}）` },
            { key: 'e', label: t('accounting.inventory.gridFactor'), children: `${r.method.electricityFactor.series} / ${r.method.electricityFactor.key}` },
            { key: 'u', label: t('common.updatedAt'), children: `${dateTime(d.updatedAt)}${d.createdBy ? ` · ${d.createdBy}` : ''}` },
          ]} />
        ) : null}
      </Card>
      {d && r ? (
        <>
          <Card size="small" className="st-acc-card" title={t('accounting.enterprise.figures')} style={{ borderTop: '3px solid #d4380d' }}>
            <div className="st-acc-tiles">{tiles.map((x) => <FigureTile key={x.lineage} x={x} color="#d4380d" onOpen={() => open(x.lineage)} />)}</div>
          </Card>
          <Card className="st-acc-card" title={t('accounting.enterprise.combustionLines')} data-testid="report-lines">
            <Table<Line> rowKey="index" size="small" bordered pagination={false} scroll={{ x: 1000 }} dataSource={r.combustion.lines.map((l, index) => ({ ...l, index }))}
              columns={[
                { title: t('accounting.enterprise.facility'), dataIndex: 'facility', render: (v?: string) => v ?? '—' },
                { title: t('accounting.enterprise.fuel'), dataIndex: 'fuel', width: 100, render: (v: string) => fuelLabel(v, lang) },
                { title: t('accounting.enterprise.amount'), key: 'a', width: 130, align: 'right', render: (_v, l) => show(l.amount.value, l.amount.unit, lang) },
                ...PARAMS.filter((p) => r.dataQuality.parameters.some((q) => q.parameter === p)).map((p) => ({
                  title: t(`accounting.enterprise.params.${p}`), key: p, width: 100, align: 'center' as const, render: (_v: unknown, l: Line) => quality(l.index, p),
                })),
                { title: t('accounting.enterprise.co2'), key: 'c', width: 150, align: 'right',
                  render: (_v, l) => <Typography.Link className="st-num" onClick={() => open(l.co2.lineage)} title={exact(l.co2.value, l.co2.unit, lang)}>{show(l.co2.value, l.co2.unit, lang)}</Typography.Link> },
                { title: t('accounting.enterprise.energy'), key: 'e', width: 150, align: 'right', render: (_v, l) => show(l.energy.value, l.energy.unit, lang) },
              ]} />
          </Card>
          <Card className="st-acc-card" title={t('accounting.enterprise.processLines')}>
            <Table<Proc> rowKey={(p) => p.emission.lineage} size="small" bordered pagination={false} dataSource={r.process.lines}
              locale={{ emptyText: t('accounting.enterprise.noProcess') }}
              columns={[
                { title: t('accounting.enterprise.processName'), dataIndex: 'name' },
                { title: t('accounting.enterprise.category'), dataIndex: 'category', width: 160, render: (v: string) => categoryLabel(v, lang) },
                { title: t('accounting.enterprise.gas'), dataIndex: 'gas', width: 70, align: 'center' },
                { title: t('accounting.enterprise.factor'), key: 'f', width: 170, align: 'right', render: (_v, p) => `${p.factor.value.toFixed(6)} ${pretty(p.factor.unit)}` },
                { title: t('accounting.enterprise.emission'), key: 'e', width: 150, align: 'right',
                  render: (_v, p) => <Typography.Link onClick={() => open(p.co2e.lineage)} title={exact(p.co2e.value, p.co2e.unit, lang)}>{show(p.co2e.value, p.co2e.unit, lang)}</Typography.Link> },
              ]} />
          </Card>
          {r.qualityFlags.length ? (
            <Alert type="warning" showIcon className="st-acc-card" title={t('accounting.enterprise.flagsTitle', { count: r.qualityFlags.length })}
              description={<ul className="st-acc-flags">{r.qualityFlags.map((f, i) => <li key={i}>{f[lang]}</li>)}</ul>} data-testid="report-flags" />
          ) : null}
        </>
      ) : null}
      {explain ? <ExplainDrawer target={explain} onClose={() => setExplain(null)} /> : null}
    </div>
  );
}
