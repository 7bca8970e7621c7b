import { PlusOutlined } from '@ant-design/icons';
import type { OneTimePassword, StaffAccount } from '@skillexam/shared';
import { errorMessage } from '@skillexam/shared';
import { Alert, App, Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ReasonModal } from '../../components/ReasonModal';
import { useConsole } from '../../console-context';
import { useAdminText } from '../keys/admin-messages';
import { formatDateTime } from '../keys/format-time';
import { useAdminApi, useAdminLoad } from '../keys/use-admin-api';
import { AddStaffModal } from './AddStaffModal';
import { OneTimePasswordModal } from './OneTimePasswordModal';
import { SessionAssignCard } from './SessionAssignCard';
import { roleLabel } from './staff-roles';
import { useStaffText } from './staff-messages';

/*
 * 人员 (exam admin; docs/decisions/0962): staff accounts as `proctor-server user …` manages them —
 * add with a one-time password, reset and disable/enable with a reason (audited, 0986), unlock —
 * and the proctors and 督考人员 of each session (0985).
 */
export function StaffPage() {
  const { t, login } = useConsole();
  const text = useAdminText();
  const staffText = useStaffText();
  const api = useAdminApi();
  const { message } = App.useApp();
  const staff = useAdminLoad((a) => a.staff());
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<OneTimePassword | undefined>();
  const [toggling, setToggling] = useState<StaffAccount | undefined>();
  const [resetting, setResetting] = useState<string | undefined>();
  if (login.role !== 'admin') return <Alert type="warning" showIcon title={t('adminOnly')} />;

  const run = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done !== undefined) void message.success(done);
      staff.reload();
    } catch (err) {
      void message.error(errorMessage(err), 6);
    }
  };
  const reset = async (reason: string) => {
    if (resetting === undefined) return;
    const username = resetting;
    await run(async () => setShown(await api.resetPassword(username, reason)));
    setResetting(undefined);
  };
  const toggle = async (reason: string) => {
    if (toggling === undefined) return;
    const account = toggling;
    await run(() => api.setDisabled(account.username, !account.disabled, reason));
    setToggling(undefined);
  };

  const actions = (row: StaffAccount) => (
    <Space size={4} wrap>
      <Button size="small" onClick={() => setResetting(row.username)}>
        {text('resetPassword')}
      </Button>
      {row.username !== login.username && (
        <Button size="small" danger={!row.disabled} onClick={() => setToggling(row)}>
          {row.disabled ? text('enable') : text('disable')}
        </Button>
      )}
      {row.locked && (
        <Button
          size="small"
          onClick={() =>
            void run(() => api.unlock(row.username), text('unlocked', { username: row.username }))
          }
        >
          {text('unlock')}
        </Button>
      )}
    </Space>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="staff-page">
      <Card
        size="small"
        title={text('staffTitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {text('addAccount')}
          </Button>
        }
      >
        {staff.error !== undefined && <Alert type="error" showIcon title={staff.error} />}
        <Table<StaffAccount>
          size="small"
          rowKey="username"
          pagination={false}
          dataSource={staff.data ?? []}
          loading={staff.data === undefined && staff.error === undefined}
          data-testid="staff-table"
          columns={[
            { title: t('username'), dataIndex: 'username' },
            { title: text('role'), dataIndex: 'role', render: (r) => roleLabel(text, r) },
            {
              title: text('accountStatus'),
              key: 'status',
              render: (_: unknown, row) => (
                <Space size={4}>
                  {row.disabled ? (
                    <Tag color="red">{text('disabled')}</Tag>
                  ) : (
                    <Tag color="green">{text('active')}</Tag>
                  )}
                  {row.locked && <Tag color="orange">{text('locked')}</Tag>}
                </Space>
              ),
            },
            { title: text('createdAt'), dataIndex: 'createdAt', render: formatDateTime },
            { title: '', key: 'actions', render: (_: unknown, row) => actions(row) },
          ]}
        />
      </Card>
      <SessionAssignCard staff={staff.data ?? []} />
      <AddStaffModal
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(created) => {
          setAdding(false);
          setShown(created);
          staff.reload();
        }}
      />
      <OneTimePasswordModal shown={shown} onClose={() => setShown(undefined)} />
      <ReasonModal
        open={toggling !== undefined}
        danger={toggling?.disabled === false}
        title={text(toggling?.disabled === true ? 'enableTitle' : 'disableTitle', {
          username: toggling?.username ?? '',
        })}
        {...(toggling?.disabled === false ? { warning: text('disableWarning') } : {})}
        onCancel={() => setToggling(undefined)}
        onSubmit={(values) => toggle(values.reason)}
      />
      <ReasonModal
        open={resetting !== undefined}
        danger
        title={staffText('resetTitle', { username: resetting ?? '' })}
        warning={staffText('resetWarning')}
        onCancel={() => setResetting(undefined)}
        onSubmit={(values) => reset(values.reason)}
      />
    </Space>
  );
}
