import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useCenter } from '../center-context';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAction } from '../components/use-load';

interface Props {
  readonly onChanged: () => void;
  readonly onLogout: () => void;
}

interface Values {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly repeat: string;
}

/** The one-time password replaced at the first login (the server allows nothing else before). */
export function ChangePasswordPage({ onChanged, onLogout }: Props) {
  const { api, login, t } = useCenter();
  const action = useAction();
  const submit = async (values: Values) => {
    const done = await action.run(() =>
      api.post('/api/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      }),
    );
    if (done !== undefined) onChanged();
  };
  return (
    <div
      style={{ flex: '1 0 auto', display: 'flex', alignItems: 'center', justifyContent: 'center' }}
    >
      <Card style={{ width: 420 }} data-testid="change-password">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('changePassword')} · {login.staff.displayName}
        </Typography.Title>
        <Alert type="info" showIcon title={t('mustChangePassword')} style={{ marginBottom: 16 }} />
        <ErrorAlert error={action.error} />
        <Form layout="vertical" onFinish={(values: Values) => void submit(values)}>
          <Form.Item
            name="currentPassword"
            label={t('currentPassword')}
            rules={[{ required: true }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('newPassword')}
            rules={[{ required: true, min: 10 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={t('repeatPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('passwordsDiffer'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={action.busy}>
            {t('changePassword')}
          </Button>
        </Form>
        <Button type="link" block onClick={onLogout} style={{ marginTop: 8 }}>
          {t('logout')}
        </Button>
      </Card>
    </div>
  );
}
