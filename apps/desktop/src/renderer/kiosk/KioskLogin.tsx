import { errorMessage } from '@skillexam/shared';
import type { ExamAgentStatus } from '@skillexam/shared';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useI18n } from '../i18n';
import { ServerPicker } from './ServerPicker';
import { presetDisplay } from './use-display-settings';

const SERVER_KEY = 'skillexam.kiosk.serverUrl';

const serverFromQuery = () => new URLSearchParams(window.location.search).get('server');

function defaultServerUrl(): string {
  return (
    serverFromQuery() ??
    window.localStorage.getItem(SERVER_KEY) ??
    // the proctor server speaks HTTPS unless started with --insecure-http (decision 0231)
    `https://${window.location.hostname || '127.0.0.1'}:7300`
  );
}

interface Props {
  readonly onLoggedIn: (status: ExamAgentStatus) => void;
  readonly onPractice: () => void;
  /** The web shell: a practice client the server admits only where the exam allows it. */
  readonly webClient: boolean;
}

/** 考生登录: the server (found on the LAN, remembered, or typed), 准考证号 and 考试码. */
export function KioskLogin({ onLoggedIn, onPractice, webClient }: Props) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ serverUrl: string; ticket: string; code: string }>();
  const serverUrl = Form.useWatch('serverUrl', form) ?? '';
  const onRemembered = useCallback(
    (url: string) => {
      // An address in the link (tests, practice) or typed by hand wins over the remembered one.
      if (serverFromQuery() === null && !form.isFieldTouched('serverUrl'))
        form.setFieldValue('serverUrl', url);
    },
    [form],
  );
  const submit = async (values: { serverUrl: string; ticket: string; code: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const status = await window.desktop.invoke('exam:login', {
        serverUrl: values.serverUrl.trim(),
        admissionTicketNumber: values.ticket.trim(),
        examCode: values.code.trim(),
      });
      window.localStorage.setItem(SERVER_KEY, values.serverUrl.trim());
      presetDisplay(status.attempt.accommodations);
      onLoggedIn(status);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="kiosk-center column">
      <Typography.Title level={2} className="kiosk-product">
        {t('app.title')}
      </Typography.Title>
      <Card className="kiosk-card kiosk-login" title={t('kiosk.loginTitle')}>
        {webClient && (
          <Alert
            type="info"
            showIcon
            message={t('kiosk.webClientNotice')}
            className="kiosk-error"
            data-testid="web-client-notice"
          />
        )}
        <Form
          form={form}
          layout="vertical"
          size="large"
          initialValues={{ serverUrl: defaultServerUrl(), ticket: '', code: '' }}
          onFinish={(values) => void submit(values)}
        >
          <div className="login-pair">
            <Form.Item name="ticket" label={t('kiosk.ticket')} rules={[{ required: true }]}>
              <Input autoFocus autoComplete="off" inputMode="numeric" data-testid="ticket" />
            </Form.Item>
            <Form.Item name="code" label={t('kiosk.examCode')} rules={[{ required: true }]}>
              <Input autoComplete="off" data-testid="exam-code" />
            </Form.Item>
          </div>
          <Form.Item
            name="serverUrl"
            label={t('kiosk.serverUrl')}
            tooltip={t('kiosk.serverUrlHint')}
            rules={[{ required: true }]}
          >
            <Input data-testid="server-url" />
          </Form.Item>
          <ServerPicker
            value={serverUrl}
            onPick={(url) => form.setFieldValue('serverUrl', url)}
            onRemembered={onRemembered}
          />
          {error !== undefined && (
            <Alert type="error" showIcon message={error} className="kiosk-error" />
          )}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login">
            {t('kiosk.login')}
          </Button>
        </Form>
        <Typography.Paragraph className="kiosk-practice-link">
          <Button type="link" onClick={onPractice}>
            {t('kiosk.practice')}
          </Button>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
