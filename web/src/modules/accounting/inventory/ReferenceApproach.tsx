import { Card, Descriptions, Table, Tag, Tooltip, Typography } from 'antd';
import { REVIEW_THRESHOLDS } from '../../../../../src/core/accounting/constants.ts';
import { useI18n } from '../../../app/lang.tsx';
import type { RegionalInventory } from '../api.ts';
import { exact, fuelLabel, num, pretty, show } from '../format.ts';

interface Row { fuel: string; apparent: number; unit: string; reference: { value: number; lineage: string }; sectoral: { value: number; lineage: string } | null }

/**
 * The cross-check of the sectoral approach: CO2 of each fuel's apparent consumption (production + inflows −
 * outflows ± stocks − feedstock) against the sectoral lines of the same fuel, the totals, and their
 * difference with the review tolerance (±5 %, a review threshold, not a factor). Any number opens its sheet.
 */
export function ReferenceApproach({ inv, onExplain }: { inv: RegionalInventory; onExplain(lineage: string): void }) {
  const { t, lang } = useI18n();
  const ref = inv.co2.reference;
  const sectoral = new Map(inv.co2.combustion.byFuel.map((f) => [f.fuel, f.figure]));
  const rows: Row[] = ref.byFuel.map((f) => ({ fuel: f.fuel, apparent: f.apparentConsumption, unit: f.unit, reference: f.figure, sectoral: sectoral.get(f.fuel) ?? null }));
  const link = (f: { value: number; lineage: string }, unit = 'tCO2') => (
    <Tooltip title={exact(f.value, unit, lang)}>
      <Typography.Link className="st-num" onClick={() => onExplain(f.lineage)} data-testid={`ref-${f.lineage}`}>{show(f.value, unit, lang)}</Typography.Link>
    </Tooltip>
  );
  const rel = ref.relativeDifference;
  const beyond = rel ? Math.abs(rel.value) > REVIEW_THRESHOLDS.referenceApproach : false;

  return (
    <Card className="st-acc-card" title={t('accounting.reference.title')} data-testid="reference-approach">
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 12 }} items={[
        { key: 'r', label: t('accounting.reference.referenceTotal'), children: link(ref.total) },
        { key: 's', label: t('accounting.reference.sectoralTotal'), children: link(inv.co2.combustion.total) },
        { key: 'd', label: t('accounting.reference.difference'), children: link(ref.difference) },
        { key: 'rd', label: t('accounting.reference.relative'), children: rel ? (
          <span>{link(rel, '1')} <Tag color={beyond ? 'warning' : 'success'}>{beyond
            ? t('accounting.reference.beyond', { limit: REVIEW_THRESHOLDS.referenceApproach * 100 })
            : t('accounting.reference.within', { limit: REVIEW_THRESHOLDS.referenceApproach * 100 })}</Tag></span>
        ) : '—' },
      ]} />
      <Table<Row> rowKey="fuel" size="small" bordered pagination={false} dataSource={rows} scroll={{ x: 760 }}
        columns={[
          { title: t('accounting.reference.fuel'), dataIndex: 'fuel', width: 140, render: (v: string) => fuelLabel(v, lang) },
          { title: t('accounting.reference.apparent'), key: 'a', align: 'right',
            render: (_v, r) => <span className="st-num">{show(r.apparent, r.unit, lang)}</span> },
          { title: t('accounting.reference.referenceCo2'), key: 'r', align: 'right', render: (_v, r) => link(r.reference) },
          { title: t('accounting.reference.sectoralCo2'), key: 's', align: 'right', render: (_v, r) => (r.sectoral ? link(r.sectoral) : '—') },
          { title: t('accounting.reference.fuelDifference'), key: 'd', align: 'right',
            render: (_v, r) => <span className="st-num">{show(r.reference.value - (r.sectoral?.value ?? 0), 'tCO2', lang)}</span> },
        ]} />
      <Typography.Paragraph type="secondary" className="st-acc-note">
        {t('accounting.reference.note', { unit: pretty(lang === 'zh' ? '万吨CO2' : 'MtCO2') })}
        {rel ? ` ${t('accounting.reference.relativeValue', { value: `${num(rel.value * 100, lang)}%` })}` : ''}
      </Typography.Paragraph>
    </Card>
  );
}
