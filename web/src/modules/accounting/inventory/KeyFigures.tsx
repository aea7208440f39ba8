import type { ReactNode } from 'react';
import { Card, Col, Row, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../app/lang.tsx';
import type { InventoryFull } from '../api.ts';
import { exact, num, pretty, scaled, show } from '../format.ts';

export interface Tile { lineage: string; title: string; value: number; unit: string; sub?: ReactNode; local?: boolean }

/**
 * The key figures of an inventory, each a tile that opens its calculation sheet: energy (with the
 * electricity conversion stated: 当量值 or 等价值), CO2 by part and in total, intensities per 万元 of GDP at
 * comparable prices, and — when a base year is chosen — the reduction rates against it.
 */
export function KeyFigures({ d, onExplain, onReduction }: { d: InventoryFull; onExplain(lineage: string): void; onReduction(lineage: string): void }) {
  const { t, lang } = useI18n();
  const r = d.result;
  const s = d.summary;
  const el = r.co2.indirect.electricity;
  const groups: Array<{ key: string; title: string; color: string; tiles: Tile[] }> = [
    { key: 'energy', title: t('accounting.figures.groupEnergy'), color: '#1d6fb8', tiles: [
      { ...s.energyTotal, title: t('accounting.figures.energyTotal'), sub: s.electricityConversion[lang] },
      { ...s.nonFossilShare, title: t('accounting.figures.nonFossilShare'), sub: t('accounting.figures.nonFossilSub', { value: show(r.energy.nonFossil.value, 'tce', lang) }) },
    ] },
    { key: 'intensity', title: t('accounting.figures.groupIntensity'), color: '#13a57a', tiles: [
      { ...s.energyIntensity, title: t('accounting.figures.energyIntensity'), sub: t('accounting.figures.gdpSub', { year: r.intensity.priceBaseYear }) },
      { ...s.co2Intensity, title: t('accounting.figures.co2Intensity'), sub: t('accounting.figures.co2IntensitySub') },
      ...(d.reduction ? [
        { ...d.reduction.energyIntensity, local: true, title: t('accounting.figures.energyReduction', { base: d.reduction.baseYear }),
          sub: t('accounting.figures.annual', { value: `${num(d.reduction.energyIntensityAnnual.value * 100, lang)}%` }) },
        { ...d.reduction.co2Intensity, local: true, title: t('accounting.figures.co2Reduction', { base: d.reduction.baseYear }),
          sub: t('accounting.figures.annual', { value: `${num(d.reduction.co2IntensityAnnual.value * 100, lang)}%` }) },
        { ...d.reduction.energyGrowth, local: true, title: t('accounting.figures.energyGrowth', { base: d.reduction.baseYear }) },
      ] : []),
    ] },
    { key: 'co2', title: t('accounting.figures.groupCo2'), color: '#d4380d', tiles: [
      { ...s.co2Combustion, title: t('accounting.figures.co2Combustion'), sub: t('accounting.figures.sectoral') },
      { ...s.co2Process, title: t('accounting.figures.co2Process'), sub: r.co2.process.lines.length ? t('accounting.figures.processSub', { count: r.co2.process.lines.length }) : undefined },
      { ...s.co2Direct, title: t('accounting.figures.co2Direct'), sub: t('accounting.figures.directSub') },
      { ...s.co2Indirect, title: t('accounting.figures.co2Indirect'),
        sub: el.factor ? t('accounting.figures.indirectSub', { net: show(el.netImport.value, el.netImport.unit, lang), factor: `${el.factor.value} ${pretty(el.factor.unit)}`, key: el.factor.key, year: el.factor.year }) : t('accounting.figures.indirectNone') },
      { ...s.co2WithIndirect, title: t('accounting.figures.co2WithIndirect'), sub: t('accounting.figures.withIndirectSub') },
      { ...s.removals, title: t('accounting.figures.removals'), sub: r.co2.sinks.strata.length ? t('accounting.figures.removalsSub', { count: r.co2.sinks.strata.length }) : t('accounting.figures.removalsNone') },
      { ...s.co2NetWithIndirect, title: t('accounting.figures.co2Net'), sub: t('accounting.figures.netSub') },
    ] },
  ];
  return (
    <Row gutter={[12, 12]} className="st-acc-figures" data-testid="key-figures">
      {groups.map((g) => (
        <Col key={g.key} xs={24} xl={g.key === 'co2' ? 24 : g.key === 'energy' ? 8 : 16}>
          <Card size="small" className="st-acc-card" title={g.title} style={{ borderTop: `3px solid ${g.color}` }}>
            <div className="st-acc-tiles">
              {g.tiles.map((x) => <FigureTile key={x.lineage} x={x} color={g.color} onOpen={() => (x.local ? onReduction(x.lineage) : onExplain(x.lineage))} />)}
            </div>
            {g.key === 'intensity' && !d.reduction ? <Typography.Text type="secondary">{t('accounting.figures.pickBase')}</Typography.Text> : null}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function FigureTile({ x, color, onOpen }: { x: Tile; color: string; onOpen(): void }) {
  const { t, lang } = useI18n();
  const v = scaled(x.value, x.unit, lang);
  return (
    <Tooltip title={`${exact(x.value, x.unit, lang)} · ${t('accounting.figures.openSheet')}`}>
      <div className="st-acc-fig" role="button" tabIndex={0} onClick={onOpen} onKeyDown={(e) => { if (e.key === 'Enter') onOpen(); }} data-testid={`fig-${x.lineage}`}>
        <div className="st-acc-fig-title">{x.title}</div>
        <div className="st-acc-fig-value" style={{ color }}>
          <span data-testid="fig-value">{v.text}</span><span className="st-acc-fig-unit">{v.unit}</span>
        </div>
        <div className="st-acc-fig-sub">{x.sub ?? ''}</div>
      </div>
    </Tooltip>
  );
}
