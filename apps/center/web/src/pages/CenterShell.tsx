import { LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useCenter } from '../center-context';
import { pagesOf } from './center-pages';

function useHashPage(fallback: string): [string, (id: string) => void] {
  const read = () => location.hash.replace(/^#\/?/, '') || fallback;
  const [page, setPage] = useState(read);
  useEffect(() => {
    const onHash = () => setPage(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  });
  return [page, (id) => (location.hash = `/${id}`)];
}

interface Props {
  readonly onLogout: () => void;
  readonly onSwitchLang: () => void;
}

/** Header with who is logged in, a menu of the role's pages, the page. */
export function CenterShell({ onLogout, onSwitchLang }: Props) {
  const { login, t } = useCenter();
  const pages = pagesOf(login.staff.role);
  const [pageId, go] = useHashPage(pages[0]?.id ?? 'home');
  const page = pages.find((candidate) => candidate.id === pageId) ?? pages[0];
  return (
    <Layout style={{ flex: '1 0 auto' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          background: '#fff',
          padding: '0 24px',
        }}
      >
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('appTitle')}
        </Typography.Title>
        <span style={{ flex: 1 }} />
        <Space>
          <span>{login.staff.displayName}</span>
          <Tag color="blue">{t(`role_${login.staff.role}`)}</Tag>
          <Button onClick={onSwitchLang}>{t('language')}</Button>
          <Button icon={<LogoutOutlined />} onClick={onLogout}>
            {t('logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light">
          <Menu
            mode="inline"
            selectedKeys={page === undefined ? [] : [page.id]}
            items={pages.map((entry) => ({
              key: entry.id,
              icon: entry.icon,
              label: t(entry.title),
            }))}
            onClick={({ key }) => go(key)}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>{page?.render()}</Layout.Content>
      </Layout>
    </Layout>
  );
}
