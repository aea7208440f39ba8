import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Table, Tag } from 'antd';
import { ReloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { z } from 'zod';
import { AuditEntryOut, AuditVerifyOut } from '../../../../src/contracts/audit.ts';
import { api, errorText } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { AuditChanges } from '../../shared/AuditChanges.tsx';
import { ENTITY_TYPES, actionLabel, entityTypeLabel } from '../../shared/auditLabels.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';

/**
 * 审计日志 (admin): the latest entries of the append-only, hash-chained log, filterable by entity, each
 * expandable to its before/after diff; 校验 recomputes the chain on the server and reports the first break.
 */
interface Filters { entityType?: string; entityId?: string }
const PAGE = 100;

/** What an entry is about, in words: the entity's name or username where the entry records one. */
function subject(e: AuditEntryOut): string {
  for (const side of [e.after, e.before]) {
    if (side && typeof side === 'object') {
      const s = side as Record<string, unknown>;
      const v = s.name ?? s.displayName ?? s.username;
      if (typeof v === 'string') return v;
    }
  }
  return '';
}

export default function AuditPage() {
  const { t, lang, dateTime } = useI18n();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [entries, setEntries] = useState<AuditEntryOut[]>([]);
  const [loading, setLoading] = useState(false);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [verify, setVerify] = useState<{ busy: boolean; result?: AuditVerifyOut; error?: unknown }>({ busy: false });

  const load = useCallback(async (f: Filters, beforeSeq?: number) => {
    setLoading(true);
    try {
      const page = await api.get('/api/audit', z.array(AuditEntryOut), { ...f, entityId: f.entityId?.trim() || undefined, limit: PAGE, beforeSeq });
      setEntries((prev) => (beforeSeq ? [...prev, ...page] : page));
      setMore(page.length === PAGE);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => { void load(filters); }, [filters, load]);

  const runVerify = async () => {
    setVerify({ busy: true });
    try {
      setVerify({ busy: false, result: await api.get('/api/audit/verify', AuditVerifyOut) });
    } catch (e) {
      setVerify({ busy: false, error: e });
    }
  };

  const r = verify.result;
  return (
    <>
      <PageHeader title={t('audit.title')} regional={false}
        extra={<Button icon={<SafetyCertificateOutlined />} loading={verify.busy} onClick={() => void runVerify()} data-testid="audit-verify">{t('audit.verify')}</Button>} />
      {r ? (
        <Alert data-testid="audit-verify-result" closable={{ onClose: () => setVerify({ busy: false }) }} showIcon style={{ marginBottom: 12 }}
          type={r.ok ? 'success' : 'error'} title={t('audit.verifyTitle')}
          description={r.ok || !r.firstBreak
            ? t('audit.verifyOk', { entries: r.entries })
            : t('audit.verifyBroken', { seq: r.firstBreak.seq, reason: t(`audit.reasons.${r.firstBreak.reason}`) })} />
      ) : null}
      {verify.error ? <Alert type="error" showIcon title={errorText(verify.error, lang)} style={{ marginBottom: 12 }} /> : null}
      <Card className="st-search-card" size="small">
        <Form form={form} onFinish={(v) => setFilters({ ...v })}>
          <Row gutter={16}>
            <Col xs={24} md={7}>
              <Form.Item name="entityType" label={t('audit.entityType')}>
                <Select allowClear placeholder={t('common.all')} options={ENTITY_TYPES.map((e) => ({ value: e, label: entityTypeLabel(t, e) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={7}>
              <Form.Item name="entityId" label={t('audit.entityId')}><Input allowClear maxLength={100} placeholder={t('common.keywordPlaceholder')} /></Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Space>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>{t('common.search')}</Button>
                <Button icon={<ReloadOutlined />} onClick={() => { form.resetFields(); setFilters({}); }}>{t('common.reset')}</Button>
              </Space>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        <div className="st-table-toolbar"><span className="st-table-title">{t('audit.listTitle')}</span></div>
        {error ? <Alert type="error" showIcon title={errorText(error, lang)} style={{ marginBottom: 12 }} /> : null}
        <Table<AuditEntryOut>
          data-testid="audit-table"
          rowKey="seq"
          bordered
          size="middle"
          loading={loading}
          dataSource={entries}
          pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
          expandable={{ expandedRowRender: (e) => <AuditChanges before={e.before} after={e.after} /> }}
          columns={[
            { title: t('audit.seq'), dataIndex: 'seq', width: 80, align: 'center' },
            { title: t('audit.at'), dataIndex: 'at', width: 160, render: (v: string) => dateTime(v) },
            { title: t('audit.actor'), dataIndex: 'actorName', width: 150 },
            { title: t('audit.action'), dataIndex: 'action', width: 90, render: (a: string) => <Tag color={a === 'create' ? 'green' : a === 'delete' ? 'red' : 'blue'}>{actionLabel(t, a)}</Tag> },
            { title: t('audit.entityType'), dataIndex: 'entityType', width: 120, render: (v: string) => entityTypeLabel(t, v) },
            { title: t('audit.entityId'), key: 'entity', render: (_v, e) => <span><code>{e.entityId}</code> {subject(e)}</span> },
          ]}
        />
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          {more
            ? <Button onClick={() => void load(filters, entries[entries.length - 1]?.seq)} loading={loading}>{t('audit.loadMore')}</Button>
            : entries.length ? <span style={{ color: '#8c8c8c' }}>{t('audit.noMore')}</span> : null}
        </div>
      </Card>
    </>
  );
}
