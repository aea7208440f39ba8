import { Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useI18n } from '../app/lang.tsx';
import { kindLabel, levelLabel, roleLabel } from './labels.ts';
import { zh } from '../i18n/zh.ts';

/**
 * What one audit entry changed: a table of field, before, after — only the fields that differ
 * (for a creation, every recorded field). Bookkeeping fields (ids, timestamps) are left out.
 */
const HIDDEN = new Set(['id', 'regionId', 'createdAt', 'updatedAt', 'lastLoginAt', 'parentId']);
type FieldKey = keyof typeof zh.audit.fields;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function show(t: TFunction, key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (key === 'kind' && typeof v === 'string') return kindLabel(t, v);
  if (key === 'role' && typeof v === 'string') return roleLabel(t, v);
  if (key === 'level' && typeof v === 'string') return levelLabel(t, v);
  if (key === 'roles' && Array.isArray(v)) {
    return v.map((g) => {
      if (!isRecord(g)) return JSON.stringify(g);
      const scope = [g.regionName, g.organisationName].filter(Boolean).join(' / ');
      return `${roleLabel(t, String(g.role))}${scope ? `（${scope}）` : ''}`;
    }).join('；') || '—';
  }
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join('、') || '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export interface ChangeRow { key: string; field: string; before: string; after: string }

export function changeRows(t: TFunction, before: unknown, after: unknown): ChangeRow[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k));
  const rows: ChangeRow[] = [];
  for (const k of keys) {
    const bs = show(t, k, b[k]);
    const as = show(t, k, a[k]);
    if (isRecord(before) && bs === as) continue;
    const field = k in zh.audit.fields ? t(`audit.fields.${k as FieldKey}`) : k;
    rows.push({ key: k, field, before: isRecord(before) ? bs : '', after: isRecord(after) ? as : '' });
  }
  return rows;
}

export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const rows = changeRows(t, before, after);
  if (!rows.length) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  // A creation has no "before": show the recorded values in one column.
  const hasBefore = isRecord(before);
  const hasAfter = isRecord(after);
  return (
    <Table<ChangeRow>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: 160 },
        ...(hasBefore ? [{ title: t('audit.before'), dataIndex: 'before', render: (v: string) => (v ? <span className={hasAfter ? 'st-diff-before' : ''}>{v}</span> : '') }] : []),
        ...(hasAfter ? [{ title: hasBefore ? t('audit.after') : t('audit.recorded'), dataIndex: 'after', render: (v: string) => (v ? <span className={hasBefore ? 'st-diff-after' : ''}>{v}</span> : '') }] : []),
      ]}
    />
  );
}
