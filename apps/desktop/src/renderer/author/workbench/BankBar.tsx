import { SwapOutlined } from '@ant-design/icons';
import type { BankSession } from '@skillexam/shared';
import { Button, Dropdown, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { bank } from '../author-api';

type BankUser = NonNullable<BankSession['user']>;

interface Props {
  readonly session: BankSession;
  readonly user: BankUser;
  readonly onSession: (session: BankSession) => void;
  readonly onManageUsers: () => void;
}

/** The open bank (with a close button) and the current user, whom the author can switch. */
export function BankBar({ session, user, onSession, onManageUsers }: Props) {
  const { t } = useI18n();
  const switchUser = (
    <Dropdown
      menu={{
        items: [
          ...session.users.map((u) => ({
            key: u.id,
            label: `${u.name}（${u.id}）· ${u.roles.map((r) => t(`author.role.${r}`)).join('、')}`,
          })),
          { type: 'divider' as const },
          { key: '#gate', label: t('author.user.manage') },
        ],
        onClick: ({ key }) => {
          if (key === '#gate') {
            onManageUsers();
            return;
          }
          const next = session.users.find((u) => u.id === key);
          if (next !== undefined) void bank('bank:set-user', next).then(onSession);
        },
      }}
    >
      <Button icon={<SwapOutlined />} data-testid="switch-user">
        {user.name}
      </Button>
    </Dropdown>
  );
  return (
    <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
      <Space>
        <Typography.Text strong data-testid="bank-name">
          {session.bank?.name}
        </Typography.Text>
        <Button size="small" onClick={() => void bank('bank:close', {}).then(onSession)}>
          {t('author.bank.close')}
        </Button>
      </Space>
      <Space>
        <Typography.Text type="secondary">{t('author.user.current')}：</Typography.Text>
        <span data-testid="current-user">{user.name}</span>
        {user.roles.map((r) => (
          <Tag key={r}>{t(`author.role.${r}`)}</Tag>
        ))}
        {switchUser}
      </Space>
    </Space>
  );
}
