import type { OneTimePassword } from '@skillexam/shared';
import { errorMessage } from '@skillexam/shared';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useConsole } from '../../console-context';
import { useAdminText } from '../keys/admin-messages';
import { useAdminApi } from '../keys/use-admin-api';
import { roleOptions } from './staff-roles';

interface Values {
  readonly username: string;
  readonly role: string;
}

/** 添加账号 as `proctor-server user add`: the server checks the name and role and makes the password. */
export function AddStaffModal({
  open,
  onClose,
  onAdded,
}: {
  open: boolean;
  onClose: () => void;
  onAdded: (created: OneTimePassword) => void;
}) {
  const { t } = useConsole();
  const text = useAdminText();
  const api = useAdminApi();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | undefined>();
  return (
    <Modal
      open={open}
      title={text('addAccount')}
      okText={text('add')}
      cancelText={t('cancel')}
      destroyOnHidden
      onCancel={() => {
        setError(undefined);
        onClose();
      }}
      onOk={async () => {
        const values = await form.validateFields();
        try {
          const created = await api.addStaff(values.username.trim(), values.role);
          setError(undefined);
          form.resetFields();
          onAdded(created);
        } catch (err) {
          setError(errorMessage(err));
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ role: 'proctor' }}>
        <Form.Item name="username" label={t('username')} rules={[{ required: true, max: 64 }]}>
          <Input autoComplete="off" data-testid="new-staff-username" />
        </Form.Item>
        <Form.Item name="role" label={text('role')} rules={[{ required: true }]}>
          <Select options={roleOptions(text)} data-testid="new-staff-role" />
        </Form.Item>
      </Form>
      {error !== undefined && (
        <Alert type="error" showIcon title={error} data-testid="add-staff-error" />
      )}
    </Modal>
  );
}
