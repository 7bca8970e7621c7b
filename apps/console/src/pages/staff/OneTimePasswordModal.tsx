import { CopyOutlined } from '@ant-design/icons';
import type { OneTimePassword } from '@skillexam/shared';
import { App, Button, Modal, Space, Typography } from 'antd';
import { useAdminText } from '../keys/admin-messages';
import { copyText } from '../keys/use-admin-api';

/** A one-time password, shown once: closing forgets it (the server kept only its hash). */
export function OneTimePasswordModal({
  shown,
  onClose,
}: {
  shown: OneTimePassword | undefined;
  onClose: () => void;
}) {
  const text = useAdminText();
  const { message } = App.useApp();
  return (
    <Modal
      open={shown !== undefined}
      title={text('oneTimeTitle', { username: shown?.username ?? '' })}
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {text('done')}
        </Button>
      }
    >
      <Space orientation="vertical" size={12}>
        <Typography.Text type="warning">{text('oneTimeHint')}</Typography.Text>
        <Space>
          <Typography.Text
            code
            style={{ fontSize: 20, letterSpacing: 1 }}
            data-testid="one-time-password"
          >
            {shown?.oneTimePassword}
          </Typography.Text>
          <Button
            icon={<CopyOutlined />}
            onClick={() =>
              void copyText(shown?.oneTimePassword ?? '').then(() =>
                message.success(text('copied')),
              )
            }
          >
            {text('copy')}
          </Button>
        </Space>
      </Space>
    </Modal>
  );
}
