import { KeyOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useConsole } from '../../console-context';

/*
 * The header entry of the exam admin's site pages, 考点管理 → 密钥与试卷包 / 人员: one button,
 * so the admin header fits 1280 px in both languages (docs/decisions/0964).
 */
export function SiteAdminMenu({ onOpen }: { onOpen: (page: 'keys' | 'staff') => void }) {
  const { t } = useConsole();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'keys', icon: <KeyOutlined />, label: t('siteKeys') },
          { key: 'staff', icon: <TeamOutlined />, label: t('staffAccounts') },
        ],
        onClick: ({ key }) => onOpen(key === 'staff' ? 'staff' : 'keys'),
      }}
    >
      <Button
        type="text"
        size="small"
        icon={<SettingOutlined />}
        style={{ color: '#d9d9d9' }}
        data-testid="nav-site-admin"
      >
        {t('siteAdmin')}
      </Button>
    </Dropdown>
  );
}
