import { useState } from 'react';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { LoginBody } from '../../../src/contracts/auth.ts';
import { ApiError, errorText } from './api.ts';
import { useAuth } from './auth.tsx';
import { useI18n } from './lang.tsx';
import type { Lang } from '../i18n/index.ts';

/** Username and password; the API's message (wrong password, locked, disabled) in the UI language. */
export function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const { login, expired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ kind: 'locked' | 'disabled' | 'failed'; text: string } | null>(null);

  const onFinish = async (values: { username: string; password: string }) => {
    const body = LoginBody.safeParse(values);
    if (!body.success) return;
    setBusy(true);
    setError(null);
    try {
      await login(body.data.username, body.data.password);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/login' ? from : '/dashboard', { replace: true });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      setError({ kind: code === 'account_locked' ? 'locked' : code === 'account_disabled' ? 'disabled' : 'failed', text: errorText(e, lang) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="st-login">
      <div className="st-login-lang">
        <Segmented<Lang> size="small" value={lang} onChange={setLang} options={[{ label: t('lang.zh'), value: 'zh' }, { label: t('lang.en'), value: 'en' }]} />
      </div>
      <div className="st-login-inner">
        <div className="st-login-intro">
          <div className="st-login-brand">
            <img src="/favicon.svg" alt="" width={44} height={44} />
            <span>{t('app.name')}</span>
            <span className="st-brand-latin">{t('app.nameLatin')}</span>
          </div>
          <Typography.Title level={2} style={{ color: '#fff', margin: '16px 0 8px' }}>{t('app.subtitle')}</Typography.Title>
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,.85)', fontSize: 15 }}>{t('login.intro')}</Typography.Paragraph>
        </div>
        <Card className="st-login-card" title={t('login.title')}>
          {expired && !error ? <Alert type="warning" showIcon title={t('header.sessionExpired')} style={{ marginBottom: 16 }} /> : null}
          {error ? (
            <Alert
              data-testid="login-error"
              type={error.kind === 'failed' ? 'error' : 'warning'}
              showIcon
              icon={error.kind === 'locked' ? <LockOutlined /> : undefined}
              title={t(`login.${error.kind}`)}
              description={error.text}
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Form layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">{t('login.submit')}</Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>{t('login.help')}</Typography.Paragraph>
        </Card>
      </div>
    </div>
  );
}
