import { errorMessage } from '@skillexam/shared';
import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';

/**
 * The proctor's exit prompt, opened only by the hidden key combination that Electron's main
 * process watches (the page itself cannot open it). The host verifies the credentials with the
 * proctor server, or offline against the provisioned hash, and quits only when they pass.
 */
export function ExitPrompt() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ username: string; password: string }>();

  useEffect(
    () =>
      window.desktop.subscribe((event) => {
        if (event.type === 'kiosk:exit-requested') {
          setError(undefined);
          form.resetFields();
          setOpen(true);
        }
      }),
    [form],
  );

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await window.desktop.invoke('exam:exit', values);
      setOpen(false);
    } catch (e) {
      setError(errorMessage(e));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={
        <span>
          <LockOutlined /> {t('kiosk.exitTitle')}
        </span>
      }
      footer={null}
      onCancel={() => setOpen(false)}
      destroyOnHidden
      maskClosable={false}
    >
      <Typography.Paragraph type="secondary">{t('kiosk.exitHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="exit-form">
        <Form.Item name="username" label={t('kiosk.exitUsername')} rules={[{ required: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={t('kiosk.exitPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="off" />
        </Form.Item>
        {error !== undefined && (
          <Alert type="error" showIcon message={error} className="kiosk-error" />
        )}
        <Button type="primary" danger htmlType="submit" block loading={busy}>
          {t('kiosk.exitConfirm')}
        </Button>
      </Form>
    </Modal>
  );
}
