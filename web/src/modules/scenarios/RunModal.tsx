import { useEffect, useState } from 'react';
import { Alert, Form, InputNumber, Modal, Space, Spin, Typography } from 'antd';
import { errorText } from '../../app/api.ts';
import { useI18n } from '../../app/lang.tsx';

/**
 * 运行: draws and seed for a stored Monte Carlo run of the saved file. The API answers when the run is done
 * (no progress events), so while it works the dialog shows what it is doing and the time elapsed.
 */
export type RunPhase = 'idle' | 'saving' | 'running';

interface Props {
  open: boolean;
  dirty: boolean;
  defaults: { draws: number; seed: number };
  onClose(): void;
  /** saves first when dirty, then runs; resolves when the run is stored */
  onRun(draws: number, seed: number, phase: (p: RunPhase) => void): Promise<void>;
}

export function RunModal({ open, dirty, defaults, onClose, onRun }: Props) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ draws: number; seed: number }>();
  const [phase, setPhase] = useState<RunPhase>('idle');
  const [error, setError] = useState<unknown>(null);
  const [started, setStarted] = useState(0);
  const [now, setNow] = useState(0);
  const [draws, setDraws] = useState(defaults.draws);

  useEffect(() => {
    if (phase === 'idle') return;
    const h = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(h);
  }, [phase]);

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    setDraws(v.draws);
    setStarted(Date.now());
    setNow(Date.now());
    try {
      await onRun(v.draws, v.seed, setPhase);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setPhase('idle');
    }
  };

  return (
    <Modal
      open={open} title={t('scenarios.runTitle')} okText={t('scenarios.run')} cancelText={t('common.cancel')} destroyOnHidden maskClosable={false}
      onOk={() => void submit()} onCancel={() => { if (phase === 'idle') onClose(); }}
      okButtonProps={{ loading: phase !== 'idle', ...({ 'data-testid': 'run-submit' } as Record<string, string>) }} cancelButtonProps={{ disabled: phase !== 'idle' }}
    >
      <Typography.Paragraph type="secondary">{t('scenarios.runIntro')}</Typography.Paragraph>
      {dirty ? <Alert type="warning" showIcon title={t('scenarios.runSavesFirst')} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="inline" initialValues={defaults} data-testid="run-form" disabled={phase !== 'idle'}>
        <Form.Item name="draws" label={t('scenarios.draws')} rules={[{ required: true }]}>
          <InputNumber min={1} max={50_000} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="seed" label={t('scenarios.seed')} rules={[{ required: true }]}>
          <InputNumber min={0} max={2 ** 32 - 1} precision={0} style={{ width: 120 }} />
        </Form.Item>
      </Form>
      {phase !== 'idle' ? (
        <Space style={{ marginTop: 16 }} data-testid="run-progress">
          <Spin size="small" />
          <span>{phase === 'saving' ? t('scenarios.saving') : t('scenarios.running', { draws: draws.toLocaleString(), seconds: ((now - started) / 1000).toFixed(1) })}</span>
        </Space>
      ) : null}
      {error ? <Alert type="error" showIcon title={errorText(error, lang)} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}
