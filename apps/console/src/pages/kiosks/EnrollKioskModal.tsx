import { DownloadOutlined } from '@ant-design/icons';
import type { KioskEnrollment } from '@skillexam/shared';
import { errorMessage } from '@skillexam/shared';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useConsole } from '../../console-context';
import { useKioskText } from './kiosk-messages';
import { saveEnrollmentFile, useKioskApi } from './kiosk-api';

interface EnrollValues {
  readonly name: string;
  readonly serverUrl?: string;
  readonly siteName?: string;
}

/**
 * 登记考试机: the name (and optionally the server URL and site name) go to the server, which
 * checks them as `kiosk enroll` does; the enrollment file with the PC's private key comes back
 * once and is offered for download once (the server keeps only the public key).
 */
export function EnrollKioskModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useConsole();
  const text = useKioskText();
  const api = useKioskApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnrollValues>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<KioskEnrollment | undefined>();

  const submit = async () => {
    const values = await form.validateFields();
    const serverUrl = values.serverUrl?.trim() ?? '';
    const siteName = values.siteName?.trim() ?? '';
    setBusy(true);
    try {
      const enrolled = await api.enroll({
        name: values.name,
        ...(serverUrl === '' ? {} : { serverUrl }),
        ...(siteName === '' ? {} : { siteName }),
      });
      setError(undefined);
      form.resetFields();
      setFile(enrolled);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const cancel = () => {
    setError(undefined);
    form.resetFields();
    onClose();
  };

  return (
    <>
      <Modal
        open={open && file === undefined}
        title={text('enrollTitle')}
        okText={text('enroll')}
        cancelText={t('cancel')}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={cancel}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="name"
            label={text('name')}
            rules={[{ required: true, whitespace: true, max: 64 }]}
          >
            <Input placeholder={text('nameHint')} data-testid="kiosk-name" />
          </Form.Item>
          <Form.Item name="serverUrl" label={text('serverUrl')} extra={text('serverUrlHint')}>
            <Input placeholder="https://192.168.1.10:8443" data-testid="kiosk-server-url" />
          </Form.Item>
          <Form.Item name="siteName" label={text('siteName')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </Form>
        {error !== undefined && (
          <Alert type="error" showIcon title={error} data-testid="kiosk-enroll-error" />
        )}
      </Modal>
      <Modal
        open={file !== undefined}
        title={text('fileTitle', { name: file?.kioskName ?? '' })}
        closable={false}
        maskClosable={false}
        keyboard={false}
        destroyOnHidden
        footer={
          <Button
            type="primary"
            onClick={() => {
              setFile(undefined);
              onClose();
            }}
          >
            {text('closeFile')}
          </Button>
        }
      >
        <Space orientation="vertical" size={12}>
          <Typography.Text type="warning">{text('fileHint')}</Typography.Text>
          <Typography.Text>
            {text('kioskId')}: <code data-testid="enrolled-kiosk-id">{file?.kioskId}</code>
          </Typography.Text>
          <Button
            icon={<DownloadOutlined />}
            data-testid="download-enrollment"
            onClick={() => {
              if (file === undefined) return;
              saveEnrollmentFile(file);
              void message.success(text('downloaded'));
            }}
          >
            {text('download')}
          </Button>
        </Space>
      </Modal>
    </>
  );
}
