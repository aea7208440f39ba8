import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { errorText } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import { scenariosApi, type ScenarioFile } from './api.ts';

/**
 * The scenario files of the region chosen in the header. 新建 starts from the engine's documented sample
 * (GET /api/scenarios/samples/demo-region); 复制 copies the selected file under a new name; 删除 deletes it and its runs.
 */
interface Props {
  files: ScenarioFile[];
  loading: boolean;
  error: unknown;
  selected: number | null;
  onSelect(id: number): void;
  canWrite: boolean;
  regionCode: string;
  regionName: string;
  onCreated(f: ScenarioFile): void;
  onDeleted(id: number): void;
}

function NameModal({ title, intro, initial, onClose, onSubmit }: { title: string; intro?: string; initial: string; onClose(): void; onSubmit(name: string): Promise<void> }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ name: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    const { name } = await form.validateFields();
    setBusy(true);
    setError(null);
    try { await onSubmit(name.trim()); onClose(); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => void submit()} okButtonProps={{ loading: busy }} okText={t('common.confirm')}
      cancelText={t('common.cancel')} destroyOnHidden maskClosable={false} data-testid="name-modal">
      {intro ? <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" initialValues={{ name: initial }}>
        <Form.Item name="name" label={t('scenarios.fileName')} rules={[{ required: true, whitespace: true, message: t('scenarios.nameRequired') }, { max: 200 }]}>
          <Input maxLength={200} data-testid="file-name-input" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={errorText(error, lang)} /> : null}
    </Modal>
  );
}

export function FilesCard(p: Props) {
  const { t, lang, dateTime } = useI18n();
  const { message } = AntApp.useApp();
  const [modal, setModal] = useState<'new' | 'copy' | null>(null);
  const current = p.files.find((f) => f.id === p.selected) ?? null;
  return (
    <Card size="small" className="st-files" data-testid="scenario-files"
      title={t('scenarios.files')}
      extra={p.canWrite ? (
        <Space>
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setModal('new')} data-testid="file-new">{t('scenarios.newFile')}</Button>
          <Button size="small" icon={<CopyOutlined />} disabled={!current} onClick={() => setModal('copy')} data-testid="file-copy">{t('scenarios.copy')}</Button>
          <Popconfirm
            title={t('scenarios.deleteConfirm', { name: current?.name ?? '' })} okText={t('common.confirm')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }}
            disabled={!current}
            onConfirm={async () => {
              if (!current) return;
              try {
                await scenariosApi.remove(current.id);
                p.onDeleted(current.id);
                message.success(t('scenarios.deleted'));
              } catch (e) {
                message.error(errorText(e, lang));
              }
            }}
          >
            <Button size="small" danger icon={<DeleteOutlined />} disabled={!current} data-testid="file-delete">{t('scenarios.delete')}</Button>
          </Popconfirm>
        </Space>
      ) : null}
    >
      {p.error ? <Alert type="error" showIcon title={errorText(p.error, lang)} style={{ marginBottom: 8 }} /> : null}
      <Table<ScenarioFile>
        data-testid="file-table" rowKey="id" size="small" pagination={false} loading={p.loading} dataSource={p.files}
        locale={{ emptyText: t('scenarios.filesEmpty') }}
        rowClassName={(f) => (f.id === p.selected ? 'st-row-active' : '')}
        onRow={(f) => ({ onClick: () => p.onSelect(f.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('scenarios.fileName'), dataIndex: 'name', render: (v: string) => <a data-testid="file-link">{v}</a> },
          { title: t('common.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => dateTime(v) },
          { title: t('scenarios.runsCount'), key: 'runs', width: 90, align: 'center', render: (_v, f) => f.runs.length },
        ]}
      />
      {modal === 'new' ? (
        <NameModal
          title={t('scenarios.newTitle')} intro={t('scenarios.newFrom', { region: p.regionName })} initial={t('scenarios.newDefaultName')}
          onClose={() => setModal(null)}
          onSubmit={async (name) => {
            const input = await scenariosApi.sample();
            p.onCreated(await scenariosApi.create(p.regionCode, name, input));
            message.success(t('scenarios.created'));
          }}
        />
      ) : null}
      {modal === 'copy' && current ? (
        <NameModal
          title={t('scenarios.copyTitle')} initial={t('scenarios.copyDefaultName', { name: current.name })}
          onClose={() => setModal(null)}
          onSubmit={async (name) => { p.onCreated(await scenariosApi.copy(current.id, name)); message.success(t('scenarios.copied')); }}
        />
      ) : null}
    </Card>
  );
}
