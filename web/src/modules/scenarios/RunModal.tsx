import { useEffect, useState } from 'react';
import { Alert, Form, InputNumber, Modal, Progress, Space, Spin, Typography } from 'antd';
import { errorText } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';
import type { RunState } from './api.ts';

/**
 * 运行: draws and seed for a stored Monte Carlo run of the saved file. The server queues the run in a worker
 * thread and answers at once; the dialog then polls the run (GET /api/scenarios/runs/{id}) and shows its
 * state — waiting for a worker, or the share of draws done — until it is done or failed.
 */
export type RunPhase = { kind: 'idle' } | { kind: 'saving' } | { kind: 'job'; state: RunState };

interface Props {
  open: boolean;
  dirty: boolean;
  defaults: { draws: number; seed: number };
  onClose(): void;
  /** saves first when dirty, then queues the run and follows it; resolves when the run is done */
  onRun(draws: number, seed: number, phase: (p: RunPhase) => void): Promise<void>;
}

export function RunModal({ open, dirty, defaults, onClose, onRun }: Props) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ draws: number; seed: number }>();
  const [phase, setPhase] = useState<RunPhase>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [started, setStarted] = useState(0);
  const [now, setNow] = useState(0);
  const busy = phase.kind !== 'idle';

  useEffect(() => {
    if (!busy) return;
    const h = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(h);
  }, [busy]);

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    setStarted(Date.now());
    setNow(Date.now());
    try {
      await onRun(v.draws, v.seed, setPhase);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setPhase({ kind: 'idle' });
    }
  };

  const seconds = ((now - started) / 1000).toFixed(1);
  const job = phase.kind === 'job' ? phase.state : null;
  return (
    <Modal
      open={open} title={t('scenarios.runTitle')} okText={t('scenarios.run')} cancelText={t('common.cancel')} destroyOnHidden maskClosable={false}
      onOk={() => void submit()} onCancel={() => { if (!busy) onClose(); }}
      okButtonProps={{ loading: busy, ...({ 'data-testid': 'run-submit' } as Record<string, string>) }} cancelButtonProps={{ disabled: busy }}
    >
      <Typography.Paragraph type="secondary">{t('scenarios.runIntro')}</Typography.Paragraph>
      {dirty ? <Alert type="warning" showIcon title={t('scenarios.runSavesFirst')} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="inline" initialValues={defaults} data-testid="run-form" disabled={busy}>
        <Form.Item name="draws" label={t('scenarios.draws')} rules={[{ required: true }]}>
          <InputNumber min={1} max={50_000} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="seed" label={t('scenarios.seed')} rules={[{ required: true }]}>
          <InputNumber min={0} max={2 ** 32 - 1} precision={0} style={{ width: 120 }} />
        </Form.Item>
      </Form>
      {phase.kind === 'saving' ? (
        <Space style={{ marginTop: 16 }} data-testid="run-progress"><Spin size="small" /><span>{t('scenarios.saving')}</span></Space>
      ) : null}
      {job ? (
        <div style={{ marginTop: 16 }} data-testid="run-progress">
          <Progress percent={job.status === 'done' ? 100 : job.percent} status={job.status === 'failed' ? 'exception' : 'active'} data-testid="run-progress-bar" />
          <Typography.Text type="secondary">
            {job.status === 'queued'
              ? t('scenarios.runQueued', { id: job.id, seconds })
              : t('scenarios.running', { id: job.id, draws: job.draws.toLocaleString(), percent: job.percent, seconds })}
          </Typography.Text>
        </div>
      ) : null}
      {error ? <Alert type="error" showIcon title={errorText(error, lang)} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}
