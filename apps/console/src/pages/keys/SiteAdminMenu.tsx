import {
  DatabaseOutlined,
  DesktopOutlined,
  FileDoneOutlined,
  KeyOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useConsole } from '../../console-context';

/*
 * The header entry of the exam admin's site pages, 考点管理 → 密钥与试卷包 / 人员 / 考试机 / 成绩导出 / 备份与恢复:
 * one button, so the admin header and a session's menu fit 1280 px in both languages
 * (docs/decisions/0964).
 */
export type SitePage = 'keys' | 'staff' | 'kiosks' | 'jobs' | 'backups';

export function SiteAdminMenu({ onOpen }: { onOpen: (page: SitePage) => void }) {
  const { t } = useConsole();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'keys', icon: <KeyOutlined />, label: t('siteKeys') },
          { key: 'staff', icon: <TeamOutlined />, label: t('staffAccounts') },
          { key: 'kiosks', icon: <DesktopOutlined />, label: t('kiosks') },
          { key: 'jobs', icon: <FileDoneOutlined />, label: t('jobs') },
          { key: 'backups', icon: <DatabaseOutlined />, label: t('backups') },
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
