import { FileDoneOutlined, KeyOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useConsole } from '../../console-context';

/*
 * The header entry of the exam admin's site pages, 考点管理 → 密钥与试卷包 / 人员 / 成绩导出与备份:
 * one button, so the admin header and a session's menu fit 1280 px in both languages
 * (docs/decisions/0964).
 */
type SitePage = 'keys' | 'staff' | 'jobs';

export function SiteAdminMenu({ onOpen }: { onOpen: (page: SitePage) => void }) {
  const { t } = useConsole();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'keys', icon: <KeyOutlined />, label: t('siteKeys') },
          { key: 'staff', icon: <TeamOutlined />, label: t('staffAccounts') },
          { key: 'jobs', icon: <FileDoneOutlined />, label: t('jobs') },
        ],
        onClick: ({ key }) => onOpen(key as SitePage),
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
