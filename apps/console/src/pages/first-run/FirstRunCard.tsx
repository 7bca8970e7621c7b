import { KeyOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { errorMessage, type Locale, type StaffLoginResult } from '@skillexam/shared';
import { useState } from 'react';
import { staffLogin } from '../../api/console-client';
import { createFirstAdmin } from './first-run-api';
import { firstRunText } from './first-run-messages';

interface Props {
  readonly lang: Locale;
  /** The new admin's login. */
  readonly onLogin: (login: StaffLoginResult) => void;
  /** Back to the ordinary login form (staff created with the CLI). */
  readonly onSkip: () => void;
  /** The login page's language switch, shown at the card's foot. */
  readonly languageLabel: string;
  readonly onSwitchLang: () => void;
}

interface Values {
  readonly setupCode: string;
  readonly username: string;
  readonly password: string;
  readonly repeat: string;
}

/**
 * 「首次使用 — 创建考务管理员」 (docs/decisions/0972): the set-up code from the server's window or
 * first-run-code.txt, a username and a password twice. The server checks everything with the
 * rules of `proctor-server user add` and says what is wrong; on success the admin is logged in.
 */
export function FirstRunCard({ lang, onLogin, onSkip, languageLabel, onSwitchLang }: Props) {
  const text = firstRunText(lang);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const created = await createFirstAdmin({
        setupCode: values.setupCode,
        username: values.username,
        password: values.password,
      });
      onLogin(await staffLogin(created.username, values.password));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const required = { required: true, message: text('required') };
  return (
    <Card
      style={{ width: 560 }}
      styles={{ body: { padding: '20px 28px' } }}
      data-testid="first-run-card"
    >
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {text('title')}
      </Typography.Title>
      <Typography.Paragraph style={{ marginBottom: 12 }}>{text('intro')}</Typography.Paragraph>
      <Alert
        type="info"
        title={text('whereTitle')}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18, fontSize: 13 }}>
            <li>{text('whereWindow')}</li>
            <li>{text('whereFile')}</li>
            <li>{text('whereOnce')}</li>
          </ul>
        }
        style={{ marginBottom: 12, padding: '8px 16px' }}
      />
      {error !== undefined && (
        <Alert
          type="error"
          showIcon
          title={text('failed')}
          description={error}
          style={{ marginBottom: 12 }}
          data-testid="first-run-error"
        />
      )}
      <Form<Values> layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="setupCode" label={text('setupCode')} rules={[required]}>
          <Input
            prefix={<KeyOutlined />}
            placeholder={text('setupCodePlaceholder')}
            autoComplete="off"
            spellCheck={false}
            autoFocus
          />
        </Form.Item>
        <Form.Item
          name="username"
          label={text('username')}
          extra={text('usernameHint')}
          rules={[required]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item
            name="password"
            label={text('password')}
            extra={text('passwordHint')}
            rules={[required]}
            style={{ flex: 1 }}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            style={{ flex: 1 }}
            name="repeat"
            label={text('repeatPassword')}
            dependencies={['password']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: (_rule, value: unknown) =>
                  value === getFieldValue('password')
                    ? Promise.resolve()
                    : Promise.reject(new Error(text('passwordsDiffer'))),
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {text('create')}
        </Button>
      </Form>
      <Flex justify="space-between" style={{ marginTop: 8 }}>
        <Button type="link" onClick={onSkip}>
          {text('haveAccount')}
        </Button>
        <Button type="link" onClick={onSwitchLang}>
          {languageLabel}
        </Button>
      </Flex>
    </Card>
  );
}
