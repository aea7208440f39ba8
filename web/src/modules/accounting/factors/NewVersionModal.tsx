import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Modal, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { FactorSetOut, LocalFactorFile } from '../../../../../src/contracts/accounting.ts';
import { ApiError, errorText, type Issue } from '../../../app/api.ts';
import { useI18n } from '../../../app/lang.tsx';
import { accountingApi } from '../api.ts';
import { pretty, shortHash } from '../format.ts';
import { factorIssue } from '../labels.ts';

interface Picked { name: string; file: LocalFactorFile }
type Line = LocalFactorFile['factors'][number];

/**
 * 新增版本: local or measured factors from a factor file (shuangtan local factor JSON: { factors: [...],
 * defaults?, description? }) added to the chosen set as a NEW version; the server validates every line
 * and its issues are listed by factor and field. Nothing is overwritten.
 */
export function NewVersionModal({ parent, onClose, onCreated }: { parent: FactorSetOut; onClose(): void; onCreated(s: FactorSetOut): void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ name?: string; description?: string }>();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (f: File) => {
    setReadError(null); setIssues([]); setError(null); setPicked(null);
    let v: unknown;
    try {
      v = JSON.parse((await f.text()).replace(/^\uFEFF/, ''));
    } catch (e) {
      setReadError(t('accounting.factors.fileNotJson', { name: f.name, reason: (e as Error).message }));
      return;
    }
    const o = v as Partial<LocalFactorFile> | null;
    if (!o || typeof o !== 'object' || !Array.isArray(o.factors)) { setReadError(t('accounting.factors.fileShape', { name: f.name })); return; }
    setPicked({ name: f.name, file: o as LocalFactorFile });
    if (o.description && !form.getFieldValue('description')) form.setFieldValue('description', o.description);
  };

  const submit = async () => {
    if (!picked) { setReadError(t('accounting.factors.fileRequired')); return; }
    const v = form.getFieldsValue();
    setBusy(true); setIssues([]); setError(null);
    try {
      const body: LocalFactorFile = { ...picked.file, name: v.name?.trim() || picked.file.name, description: v.description?.trim() || picked.file.description };
      onCreated(await accountingApi.addVersion(parent.id, body));
    } catch (e) {
      setError(errorText(e, lang));
      if (e instanceof ApiError) setIssues(e.issues);
    } finally {
      setBusy(false);
    }
  };

  const lines = picked?.file.factors ?? [];
  return (
    <Modal open width={900} title={t('accounting.factors.addTitle')} onCancel={onClose} data-testid="factor-version-modal"
      footer={[
        <Button key="c" onClick={onClose}>{t('common.cancel')}</Button>,
        <Button key="s" type="primary" loading={busy} onClick={() => void submit()} data-testid="factor-version-save">{t('accounting.factors.addSubmit')}</Button>,
      ]}>
      <Typography.Paragraph type="secondary">{t('accounting.factors.addNote')}</Typography.Paragraph>
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 12 }} items={[
        { key: 'p', label: t('accounting.factors.parentSet'), children: `${parent.name} v${parent.version}` },
        { key: 'f', label: t('accounting.factors.fingerprint'), children: <Typography.Text code>{shortHash(parent.fingerprint)}</Typography.Text> },
      ]} />
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('accounting.factors.newName')} extra={t('accounting.factors.newNameHelp', { name: parent.name })}>
          <Input maxLength={100} placeholder={parent.name} />
        </Form.Item>
        <Form.Item name="description" label={t('accounting.factors.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('accounting.factors.file')} extra={t('accounting.factors.fileHelp')}>
          <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => { void pick(f); return false; }}>
            <Button icon={<UploadOutlined />} data-testid="factor-file">{picked ? picked.name : t('accounting.factors.pickFile')}</Button>
          </Upload>
        </Form.Item>
      </Form>
      {readError ? <Alert type="error" showIcon title={readError} style={{ marginBottom: 12 }} /> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="factor-version-error" /> : null}
      {issues.length ? (
        <Table<Issue> rowKey={(i, n) => `${i.field ?? ''}-${n}`} size="small" bordered pagination={false} style={{ marginBottom: 12 }} dataSource={issues}
          data-testid="factor-version-issues"
          columns={[
            { title: t('accounting.factors.issueLine'), key: 'line', width: 180, render: (_v, i) => lineOf(i, lines, t) },
            { title: t('accounting.factors.issueField'), key: 'field', width: 120, render: (_v, i) => <Typography.Text code>{factorIssue(i.field).rest || '—'}</Typography.Text> },
            { title: t('accounting.factors.issueMessage'), key: 'msg', render: (_v, i) => i[lang] },
          ]} />
      ) : null}
      {lines.length ? (
        <Table<Line> rowKey={(_r, n) => String(n)} size="small" bordered pagination={{ pageSize: 5 }} dataSource={lines}
          title={() => t('accounting.factors.preview', { count: lines.length })}
          columns={[
            { title: '#', key: 'i', width: 50, render: (_v, _r, i) => i + 1 },
            { title: t('accounting.factors.kind'), dataIndex: 'kind' },
            { title: t('accounting.factors.key'), dataIndex: 'key' },
            { title: t('accounting.factors.series'), dataIndex: 'series' },
            { title: t('accounting.factors.value'), key: 'v', align: 'right', render: (_v, r) => `${String(r.value)} ${pretty(String(r.unit ?? ''))}` },
            { title: t('accounting.factors.status'), dataIndex: 'status', render: (v?: string) => v ?? 'local' },
          ]} />
      ) : null}
    </Modal>
  );
}

function lineOf(i: Issue, lines: Line[], t: (k: 'accounting.factors.lineN', o: { n: number }) => string) {
  const { index } = factorIssue(i.field);
  if (index === null) return i.field ?? '—';
  const l = lines[index];
  return `${t('accounting.factors.lineN', { n: index + 1 })}${l ? `（${l.kind ?? ''} / ${l.key ?? ''}）` : ''}`;
}
