import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { errorMessage, type Locale, type StaffLoginResult } from '@skillexam/shared';
import { useEffect, useState } from 'react';
import { staffLogin } from '../api/console-client';
import type { MessageKey } from '../i18n/messages';
import { FirstRunCard } from './first-run/FirstRunCard';
import { fetchFirstRun } from './first-run/first-run-api';
import { pageText } from './page-messages';

interface Props {
  readonly lang: Locale;
  readonly t: (key: MessageKey) => string;
  readonly onLogin: (login: StaffLoginResult) => void;
  readonly onSwitchLang: () => void;
}

export function LoginPage({ lang, t, onLogin, onSwitchLang }: Props) {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // A server without an exam admin offers the first-run card instead (docs/decisions/0972).
  const [firstRun, setFirstRun] = useState(false);
  useEffect(() => {
    let live = true;
    void fetchFirstRun().then((waiting) => {
      if (live) setFirstRun(waiting);
    });
    return () => {
      live = false;
    };
  }, []);
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      onLogin(await staffLogin(values.username, values.password));
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
        background: 'linear-gradient(160deg, #e6f4ff 0%, #f5f5f5 60%)',
      }}
    >
      {firstRun ? (
        <FirstRunCard
          lang={lang}
          onLogin={onLogin}
          onSkip={() => setFirstRun(false)}
          languageLabel={t('language')}
          onSwitchLang={onSwitchLang}
        />
      ) : (
        <Card style={{ width: 380 }} data-testid="login-card">
          <Typography.Title level={3} style={{ marginTop: 0, textAlign: 'center' }}>
            {t('appTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            {pageText(lang)('loginSubtitle')}
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
          <Form
            layout="vertical"
            onFinish={(values: { username: string; password: string }) => void submit(values)}
          >
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
        </Card>
      )}
    </div>
  );
}
