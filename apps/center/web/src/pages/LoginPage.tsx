import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { errorMessage } from '@skillexam/shared';
import { useState } from 'react';
import { centerApi, type CenterLogin } from '../api/center-api';
import type { MessageKey } from '../i18n/messages';

interface Props {
  readonly t: (key: MessageKey) => string;
  readonly onLogin: (login: CenterLogin) => void;
  readonly onSwitchLang: () => void;
}

interface Credentials {
  readonly username: string;
  readonly password: string;
}

export function LoginPage({ t, onLogin, onSwitchLang }: Props) {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(undefined);
    try {
      onLogin(await centerApi(undefined).post<CenterLogin>('/api/auth/login', values));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      style={{
        flex: '1 0 auto',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #fff7e6 0%, #f5f5f5 60%)',
      }}
    >
      <Card style={{ width: 380 }} data-testid="login-card">
        <Typography.Title level={3} style={{ marginTop: 0, textAlign: 'center' }}>
          {t('appTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('appSubtitle')}
        </Typography.Paragraph>
        {error !== undefined && (
          <Alert
            type="error"
            showIcon
            title={t('loginFailed')}
            description={error}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form layout="vertical" onFinish={(values: Credentials) => void submit(values)}>
          <Form.Item name="username" label={t('username')} rules={[{ required: true }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login')}
          </Button>
        </Form>
        <Button type="link" block onClick={onSwitchLang} style={{ marginTop: 8 }}>
          {t('language')}
        </Button>
        <Button type="link" block href="/verify">
          {t('publicLookup')}
        </Button>
      </Card>
    </div>
  );
}
