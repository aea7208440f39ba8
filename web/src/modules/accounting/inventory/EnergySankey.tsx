import { useMemo } from 'react';
import { Empty, Typography } from 'antd';
import { useI18n } from '../../../app/lang.tsx';
import type { RegionalInventory } from '../api.ts';
import { ClickChart, fuelColors } from '../charts.tsx';
import { fuelLabel, num, processLabel, scaleOf, sectorLabel } from '../format.ts';

interface Link { source: string; target: string; value: number }

/**
 * The energy flow of the balance in standard coal: fuels into transformation (power, heat, coking…), the
 * products out of it, and every fuel into the final-consumption sectors, transformation losses and losses.
 * Every link is a figure of the inventory's lineage (energy.transformation.*, energy.final.*, energy.loss.*):
 * nothing is estimated here. A flow that would loop back (a product fed into its own process) cannot be
 * drawn in a Sankey and is listed under the chart instead.
 */
export function buildFlows(inv: RegionalInventory, lang: 'zh' | 'en', words: { loss: string; transformationLoss: string }) {
  const links: Link[] = [];
  const colorOf = fuelColors(inv.energy.byFuel.map((f) => f.fuel));
  const colors = new Map<string, string>();
  const fuel = (f: string) => { const n = fuelLabel(f, lang); colors.set(n, colorOf(f)); return n; };
  const proc = (p: string) => { const n = `${processLabel(p, lang)} `; colors.set(n, '#595959'); return n; }; // trailing space: never the name of a fuel or sector
  for (const [id, n] of Object.entries(inv.lineage)) {
    let m: RegExpExecArray | null;
    if ((m = /^energy\.transformation\.([A-Za-z]+)\.in\.(.+)$/.exec(id))) links.push({ source: fuel(m[2]), target: proc(m[1]), value: n.value });
    else if ((m = /^energy\.transformation\.([A-Za-z]+)\.out\.(.+)$/.exec(id))) links.push({ source: proc(m[1]), target: fuel(m[2]), value: -n.value });
    else if ((m = /^energy\.transformation\.([A-Za-z]+)$/.exec(id))) links.push({ source: proc(m[1]), target: words.transformationLoss, value: n.value });
    else if ((m = /^energy\.final\.([A-Za-z]+)\.(.+)$/.exec(id))) links.push({ source: fuel(m[2]), target: sectorLabel(m[1], lang), value: n.value });
    else if ((m = /^energy\.loss\.(.+)$/.exec(id))) links.push({ source: fuel(m[1]), target: words.loss, value: n.value });
  }
  // Keep the graph acyclic: a link is drawn unless its target already reaches its source.
  const out = new Map<string, Set<string>>();
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
    if (from === to) return true;
    if (seen.has(from)) return false;
    seen.add(from);
    return [...(out.get(from) ?? [])].some((n) => reaches(n, to, seen));
  };
  const drawn: Link[] = [];
  const looped: Link[] = [];
  for (const l of links.filter((x) => x.value > 0)) {
    if (reaches(l.target, l.source)) { looped.push(l); continue; }
    out.set(l.source, (out.get(l.source) ?? new Set()).add(l.target));
    drawn.push(l);
  }
  const names = [...new Set(drawn.flatMap((l) => [l.source, l.target]))];
  // fuels in their own colours, transformation in grey, sectors in the platform blue, losses in red
  const color = (n: string) => colors.get(n) ?? (n === words.loss || n === words.transformationLoss ? '#d9534f' : '#1d6fb8');
  return { links: drawn, looped, nodes: names.map((name) => ({ name, itemStyle: { color: color(name) } })) };
}

export function EnergySankey({ inv }: { inv: RegionalInventory }) {
  const { t, lang } = useI18n();
  const { factor, unit } = scaleOf('tce', lang);
  const flows = useMemo(() => buildFlows(inv, lang, { loss: t('accounting.charts.losses'), transformationLoss: t('accounting.charts.transformationLoss') }), [inv, lang, t]);
  const option = useMemo(() => ({
    tooltip: { trigger: 'item', triggerOn: 'mousemove', valueFormatter: (v: number) => `${num(v, lang)} ${unit}` },
    series: [{
      type: 'sankey', left: 8, top: 12, bottom: 12, right: lang === 'zh' ? 170 : 260, nodeGap: 12, nodeWidth: 14, draggable: false,
      emphasis: { focus: 'adjacency' }, lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.35 },
      label: { fontSize: 12, overflow: 'truncate', width: lang === 'zh' ? 160 : 250 },
      data: flows.nodes,
      links: flows.links.map((l) => ({ ...l, value: l.value / factor })),
    }],
  }), [flows, factor, unit, lang]);
  if (!flows.links.length) return <Empty description={t('accounting.charts.noFlows')} />;
  return (
    <>
      <ClickChart option={option} height={Math.max(420, 26 * flows.nodes.length)} testId="chart-sankey" />
      <Typography.Text type="secondary" className="st-acc-note">{t('accounting.charts.sankeyNote', { unit })}</Typography.Text>
      {flows.looped.length ? (
        <Typography.Paragraph type="warning" className="st-acc-note">
          {t('accounting.charts.looped', { flows: flows.looped.map((l) => `${l.source.trim()} → ${l.target.trim()}（${num(l.value / factor, lang)}）`).join('；') })}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
