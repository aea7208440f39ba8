import { useMemo, useState, type Key } from 'react';
import { App as AntApp, Button, Card, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { RegionOut } from '../../../../src/contracts/regions.ts';
import { useAuth } from '../../app/auth.tsx';
import { useI18n } from '../../app/lang.tsx';
import { useRegion } from '../../app/region.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { levelLabel } from '../../shared/labels.ts';
import type { RegionIndex } from '../../shared/regions.ts';
import { RegionFormModal } from './RegionFormModal.tsx';

/** 地区: the region hierarchy with GB/T 2260 or local codes, levels, and the members of cross-region areas. */
interface Row { key: string; region: RegionOut; children?: Row[] }

function rowsOf(ix: RegionIndex): Row[] {
  const row = (r: RegionOut): Row => {
    const kids = r.level === 'cross_region' ? [] : ix.children(r);
    return { key: r.code, region: r, children: kids.length ? kids.map(row) : undefined };
  };
  return ix.roots.map(row);
}

export default function RegionsPage() {
  const { t, lang, nameOf } = useI18n();
  const { isAdmin } = useAuth();
  const { index, reload } = useRegion();
  const { message } = AntApp.useApp();
  const rows = useMemo(() => (index ? rowsOf(index) : []), [index]);
  const allKeys = useMemo(() => index?.list.map((r) => r.code) ?? [], [index]);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const [creating, setCreating] = useState(false);
  const sep = lang === 'zh' ? '、' : ', ';

  return (
    <>
      <PageHeader title={t('regions.title')} regional={false} />
      <Card>
        <div className="st-table-toolbar">
          <span className="st-table-title">{t('regions.listTitle')}</span>
          <Space>
            <Button onClick={() => setExpanded(allKeys)}>{t('regions.expandAll')}</Button>
            <Button onClick={() => setExpanded([])}>{t('regions.collapseAll')}</Button>
            {isAdmin ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('common.add')}</Button> : null}
          </Space>
        </div>
        <Table<Row>
          data-testid="region-table"
          size="middle"
          bordered
          pagination={false}
          dataSource={rows}
          expandable={{ expandedRowKeys: expanded ?? allKeys, onExpandedRowsChange: (k) => setExpanded(k) }}
          columns={[
            { title: t('regions.name'), key: 'name', render: (_v, r) => nameOf(r.region) },
            { title: t('regions.code'), key: 'code', width: 150, render: (_v, r) => <code>{r.region.code}</code> },
            { title: t('regions.codeKind'), key: 'codeKind', width: 120, render: (_v, r) => <Tag color={r.region.codeKind === 'gbt2260' ? 'blue' : 'gold'}>{t(`codeKinds.${r.region.codeKind}`)}</Tag> },
            { title: t('regions.level'), key: 'level', width: 130, render: (_v, r) => levelLabel(t, r.region.level) },
            { title: t('regions.parent'), key: 'parent', width: 170, render: (_v, r) => { const p = r.region.parentCode ? index?.byCode.get(r.region.parentCode) : undefined; return p ? nameOf(p) : '—'; } },
            {
              title: t('regions.members'), key: 'members', width: 220,
              render: (_v, r) => r.region.memberCodes.map((c) => { const m = index?.byCode.get(c); return m ? nameOf(m) : c; }).join(sep) || '—',
            },
          ]}
        />
      </Card>
      {creating ? (
        <RegionFormModal
          onClose={() => setCreating(false)}
          onSaved={() => { setCreating(false); message.success(t('common.created')); void reload(); }}
        />
      ) : null}
    </>
  );
}
