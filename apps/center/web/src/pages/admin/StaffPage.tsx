import { Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useCenter } from '../../center-context';
import type { NewStaffResult, Organisation, Staff } from '../../api/center-types';
import type { CenterRole } from '../../api/center-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction, useLoad } from '../../components/use-load';
import { OneTimePassword } from './OneTimePassword';

interface Values {
  readonly username: string;
  readonly displayName: string;
  readonly role: CenterRole;
  readonly organisationId?: string;
}

const ROLES: readonly CenterRole[] = ['centre_admin', 'org_staff', 'supervisor'];

/** 人员: accounts with roles; a new account's one-time password is shown once. */
export function StaffPage() {
  const { api, login, t } = useCenter();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const [shown, setShown] = useState<NewStaffResult | undefined>();
  const staff = useLoad(() => api.get<{ staff: Staff[] }>('/api/staff'), [api]);
  const orgs = useLoad(
    () => api.get<{ organisations: Organisation[] }>('/api/organisations'),
    [api],
  );
  const action = useAction();
  const isAdmin = login.staff.role === 'centre_admin';
  const orgName = new Map((orgs.data?.organisations ?? []).map((o) => [o.id, o.name]));

  const add = async (values: Values) => {
    const result = await action.run(() =>
      api.post<NewStaffResult>('/api/staff', {
        username: values.username,
        displayName: values.displayName,
        role: values.role,
        ...(values.role === 'org_staff' ? { organisationId: values.organisationId } : {}),
      }),
    );
    if (result === undefined) return;
    setShown(result);
    form.resetFields();
    staff.reload();
  };
  const act = async (path: string) => {
    const result = await action.run(() => api.post<NewStaffResult | { staff: Staff }>(path));
    if (result !== undefined && 'oneTimePassword' in result) setShown(result);
    staff.reload();
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <OneTimePassword result={shown} />
      <ErrorAlert error={action.error ?? staff.error} />
      {isAdmin && (
        <Card title={t('addStaff')} size="small">
          <Form
            form={form}
            layout="inline"
            initialValues={{ role: 'org_staff' }}
            onFinish={(values: Values) => void add(values)}
            style={{ rowGap: 12 }}
          >
            <Form.Item name="username" label={t('username')} rules={[{ required: true }]}>
              <Input style={{ width: 160 }} data-testid="staff-username" />
            </Form.Item>
            <Form.Item name="displayName" label={t('displayName')} rules={[{ required: true }]}>
              <Input style={{ width: 140 }} data-testid="staff-name" />
            </Form.Item>
            <Form.Item name="role" label={t('role')}>
              <Select
                style={{ width: 160 }}
                options={ROLES.map((r) => ({ value: r, label: t(`role_${r}`) }))}
              />
            </Form.Item>
            {role === 'org_staff' && (
              <Form.Item
                name="organisationId"
                label={t('organisation')}
                rules={[{ required: true }]}
              >
                <Select
                  style={{ width: 240 }}
                  data-testid="staff-organisation"
                  options={(orgs.data?.organisations ?? []).map((o) => ({
                    value: o.id,
                    label: o.name,
                  }))}
                />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={action.busy}>
              {t('add')}
            </Button>
          </Form>
        </Card>
      )}
      <Table<Staff>
        rowKey="id"
        size="middle"
        loading={staff.loading}
        dataSource={staff.data?.staff ?? []}
        pagination={false}
        columns={[
          { title: t('username'), dataIndex: 'username' },
          { title: t('displayName'), dataIndex: 'displayName' },
          { title: t('role'), dataIndex: 'role', render: (r: CenterRole) => t(`role_${r}`) },
          {
            title: t('organisation'),
            dataIndex: 'organisationId',
            render: (id: string | null) => (id === null ? '—' : (orgName.get(id) ?? id)),
          },
          {
            title: t('status'),
            render: (_: unknown, s: Staff) => (
              <Space size={4}>
                <Tag color={s.disabled ? 'default' : 'green'}>
                  {s.disabled ? t('disabled') : t('active')}
                </Tag>
                {s.mustChangePassword && <Tag color="orange">{t('pendingChange')}</Tag>}
              </Space>
            ),
          },
          ...(isAdmin
            ? [
                {
                  title: t('actions'),
                  render: (_: unknown, s: Staff) => (
                    <Space size={4}>
                      <Button
                        size="small"
                        onClick={() =>
                          void act(`/api/staff/${s.id}/${s.disabled ? 'enable' : 'disable'}`)
                        }
                      >
                        {s.disabled ? t('enable') : t('disable')}
                      </Button>
                      <Popconfirm
                        title={t('resetPassword')}
                        onConfirm={() => void act(`/api/staff/${s.id}/reset-password`)}
                      >
                        <Button size="small">{t('resetPassword')}</Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
