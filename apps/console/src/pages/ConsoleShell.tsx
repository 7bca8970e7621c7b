import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  DesktopOutlined,
  EditOutlined,
  LogoutOutlined,
  PlusOutlined,
  SettingOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Badge, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { parseRoute, routeHash, type Route } from '../api/routes';
import { canAct, useConsole } from '../console-context';
import { AuditPage } from './AuditPage';
import { IncidentsPage } from './IncidentsPage';
import { SiteAdminMenu } from './keys/SiteAdminMenu';
import { SitePages } from './keys/SitePages';
import { MarkingPage } from './MarkingPage';
import { MonitorPage } from './MonitorPage';
import { ResultsPage } from './ResultsPage';
import { AdminSetupPages } from './sessions-admin/AdminSetupPages';
import { SessionsPage } from './SessionsPage';

function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [route, (next) => (location.hash = routeHash(next))];
}

function useConnected(): boolean {
  const { connection } = useConsole();
  const [connected, setConnected] = useState(connection.socket.connected);
  useEffect(() => {
    const up = () => setConnected(true);
    const down = () => setConnected(false);
    connection.socket.on('connect', up);
    connection.socket.on('disconnect', down);
    return () => {
      connection.socket.off('connect', up);
      connection.socket.off('disconnect', down);
    };
  }, [connection]);
  return connected;
}

interface Props {
  readonly onLogout: () => void;
  readonly onSwitchLang: () => void;
}

/** The session pages the one 场次设置 menu entry stands for. */
const SETUP_PAGES: ReadonlySet<string> = new Set(['setup', 'roster', 'candidates', 'rooms']);

const ROLE_LABEL = {
  admin: { 'zh-CN': '考务管理', en: 'Exam admin' },
  proctor: { 'zh-CN': '监考', en: 'Proctor' },
  supervisor: { 'zh-CN': '质量督导', en: 'Supervisor' },
} as const;

export function ConsoleShell({ onLogout, onSwitchLang }: Props) {
  const { login, t, lang, connection } = useConsole();
  const [route, go] = useRoute();
  const connected = useConnected();
  useEffect(() => {
    const onError = (err: Error) => {
      if (err.message.startsWith('UNAUTHORIZED')) onLogout();
    };
    connection.socket.on('connect_error', onError);
    return () => {
      connection.socket.off('connect_error', onError);
    };
  }, [connection, onLogout]);

  const sessionId = route.name === 'session' ? route.sessionId : undefined;
  const menuItems =
    sessionId === undefined
      ? []
      : [
          { key: 'monitor', icon: <DesktopOutlined />, label: t('monitor') },
          { key: 'incidents', icon: <AlertOutlined />, label: t('incidents') },
          { key: 'results', icon: <BarChartOutlined />, label: t('results') },
          ...(canAct(login.role)
            ? [{ key: 'marking', icon: <EditOutlined />, label: t('marking') }]
            : []),
          // 编辑场次 / 考生名单 / 座位图 are one entry; the set-up pages switch between them.
          ...(login.role === 'admin'
            ? [{ key: 'setup', icon: <SettingOutlined />, label: t('sessionSetup') }]
            : []),
        ];

  return (
    <Layout style={{ flex: '1 0 auto' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          paddingInline: 20,
          background: '#001529',
        }}
      >
        <Typography.Link
          onClick={() => go({ name: 'sessions' })}
          style={{ color: '#fff', fontSize: 17, fontWeight: 600, whiteSpace: 'nowrap' }}
        >
          {t('appTitle')}
        </Typography.Link>
        <Button
          type="text"
          icon={<UnorderedListOutlined />}
          style={{ color: '#d9d9d9' }}
          onClick={() => go({ name: 'sessions' })}
        >
          {t('sessions')}
        </Button>
        {login.role === 'admin' && sessionId === undefined && (
          <Button
            type="text"
            icon={<PlusOutlined />}
            style={{ color: '#d9d9d9' }}
            onClick={() => go({ name: 'new-session' })}
          >
            {t('newSession')}
          </Button>
        )}
        <div style={{ flex: 1 }} />
        <Space size={4}>
          {login.role === 'admin' && <SiteAdminMenu onOpen={(name) => go({ name })} />}
          <Button
            type="text"
            icon={<AuditOutlined />}
            style={{ color: '#d9d9d9' }}
            onClick={() => go({ name: 'audit' })}
          >
            {t('audit')}
          </Button>
          <Badge status={connected ? 'success' : 'error'} />
          <span style={{ color: '#fff', whiteSpace: 'nowrap' }} data-testid="whoami">
            {login.username}{' '}
            <Tag color={login.role === 'supervisor' ? 'gold' : 'blue'}>
              {ROLE_LABEL[login.role][lang]}
            </Tag>
          </span>
          <Button size="small" onClick={onSwitchLang}>
            {t('language')}
          </Button>
          <Button size="small" icon={<LogoutOutlined />} onClick={onLogout}>
            {t('logout')}
          </Button>
        </Space>
      </Layout.Header>
      {/* The session's pages on their own row: they fit 1280 px in both languages. */}
      {sessionId !== undefined && route.name === 'session' && (
        <Menu
          theme="light"
          mode="horizontal"
          selectedKeys={[SETUP_PAGES.has(route.page) ? 'setup' : route.page]}
          items={menuItems}
          style={{ paddingInline: 12 }}
          onClick={({ key }) => go({ name: 'session', sessionId, page: key as typeof route.page })}
        />
      )}
      {!connected && (
        <div style={{ background: '#fff2e8', color: '#d4380d', padding: '4px 20px' }}>
          {t('disconnected')}
        </div>
      )}
      <Layout.Content style={{ padding: 20 }}>
        {route.name === 'sessions' && (
          <SessionsPage onOpen={(id) => go({ name: 'session', sessionId: id, page: 'monitor' })} />
        )}
        {route.name === 'audit' && <AuditPage />}
        <AdminSetupPages route={route} go={go} />
        <SitePages route={route} />
        {route.name === 'session' && route.page === 'monitor' && (
          <MonitorPage key={route.sessionId} sessionId={route.sessionId} />
        )}
        {route.name === 'session' && route.page === 'incidents' && (
          <IncidentsPage key={route.sessionId} sessionId={route.sessionId} />
        )}
        {route.name === 'session' && route.page === 'results' && (
          <ResultsPage key={route.sessionId} sessionId={route.sessionId} />
        )}
        {route.name === 'session' && route.page === 'marking' && (
          <MarkingPage key={route.sessionId} sessionId={route.sessionId} />
        )}
      </Layout.Content>
    </Layout>
  );
}
