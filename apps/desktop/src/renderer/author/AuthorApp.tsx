import {
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  EditOutlined,
  FileDoneOutlined,
  ImportOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { BankSession, StandardSummaryView, StandardTreeNode } from '@skillexam/shared';
import {
  Alert,
  Button,
  ConfigProvider,
  Dropdown,
  Layout,
  Menu,
  Modal,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { AssetProvider } from './asset-cache';
import { bank, errorMessage } from './author-api';
import { BankGate, UserPanel } from './BankGate';
import { ClassificationQueue } from './ClassificationQueue';
import { Dashboard } from './Dashboard';
import { ExportPanel, ImportWizard } from './ImportWizard';
import { ItemEditor } from './ItemEditor';
import { ItemList } from './ItemList';
import { PaperWorkbench } from './PaperWorkbench';
import { ReviewQueue } from './ReviewQueue';
import { StandardsTree } from './StandardsTree';
import './author.css';

type View = 'items' | 'editor' | 'review' | 'classify' | 'papers' | 'import' | 'dashboard';

interface Editing {
  readonly itemId?: string;
  readonly pointId?: string;
  /** Distinguishes two "new item" sessions. */
  readonly nonce: number;
}

/**
 * The author workbench. Buttons keep their text as written: antd's space between two Chinese
 * characters would turn 张三 into 张 三 and 停用 into 停 用.
 */
export function AuthorApp({ header }: { readonly header: ReactNode }) {
  return (
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <Workbench header={header} />
    </ConfigProvider>
  );
}

/** Bank and user, standards tree, items, editor, review, papers, import, dashboard. */
function Workbench({ header }: { readonly header: ReactNode }) {
  const { t } = useI18n();
  const [session, setSession] = useState<BankSession>();
  const [error, setError] = useState<string>();
  const [view, setView] = useState<View>('items');
  const [standards, setStandards] = useState<StandardSummaryView[]>([]);
  const [standardId, setStandardId] = useState<string>();
  const [nodes, setNodes] = useState<StandardTreeNode[]>([]);
  const [scope, setScope] = useState<StandardTreeNode>();
  const [editing, setEditing] = useState<Editing>();
  const [refresh, setRefresh] = useState(0);
  const [usersOpen, setUsersOpen] = useState(false);

  useEffect(() => {
    bank('bank:session', {}).then(setSession, (e: unknown) => setError(errorMessage(e)));
  }, []);

  const bankOpen = session?.bank !== undefined && session.user !== undefined;

  const loadStandards = useCallback((prefer?: string) => {
    bank('bank:standards', {}).then(
      ({ standards: list }) => {
        setStandards(list);
        setStandardId((current) => prefer ?? current ?? list[0]?.id);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(() => {
    if (bankOpen) loadStandards();
  }, [bankOpen, session?.bank?.path, loadStandards]);

  useEffect(() => {
    if (!bankOpen || standardId === undefined) {
      setNodes([]);
      return;
    }
    bank('bank:standardTree', { standardId }).then(
      ({ nodes: list }) => setNodes(list),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [bankOpen, standardId, refresh]);

  const changed = useCallback(() => setRefresh((n) => n + 1), []);
  const currentStandard = standards.find((s) => s.id === standardId);
  const levels = useMemo(
    () => standards.find((s) => s.id === standardId)?.levels ?? [],
    [standards, standardId],
  );

  if (session === undefined)
    return (
      <>
        {header}
        {error !== undefined && <Alert type="error" message={error} />}
      </>
    );

  const user = session.user;
  if (!bankOpen || user === undefined) {
    return (
      <Layout style={{ minHeight: '100vh' }}>
        {header}
        <Layout.Content>
          <BankGate session={session} onSession={setSession} />
        </Layout.Content>
      </Layout>
    );
  }

  const openEditor = (itemId?: string) => {
    setEditing({
      ...(itemId === undefined ? {} : { itemId }),
      ...(scope?.kind === 'point' ? { pointId: scope.key } : {}),
      nonce: Date.now(),
    });
    setView('editor');
  };

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
            setUsersOpen(true);
            return;
          }
          const next = session.users.find((u) => u.id === key);
          if (next !== undefined) void bank('bank:setUser', next).then(setSession);
        },
      }}
    >
      <Button icon={<SwapOutlined />} data-testid="switch-user">
        {user.name}
      </Button>
    </Dropdown>
  );

  return (
    <AssetProvider>
      <Layout style={{ minHeight: '100vh' }}>
        {header}
        <Layout>
          <Layout.Sider width={200} theme="light">
            <Menu
              mode="inline"
              selectedKeys={[view]}
              onClick={({ key }) => setView(key as View)}
              items={[
                { key: 'items', icon: <DatabaseOutlined />, label: t('author.nav.items') },
                {
                  key: 'editor',
                  icon: <EditOutlined />,
                  label: t('author.nav.editor'),
                  disabled: editing === undefined,
                },
                { key: 'review', icon: <AuditOutlined />, label: t('author.nav.review') },
                { key: 'classify', icon: <ClusterOutlined />, label: t('author.nav.classify') },
                { key: 'papers', icon: <FileDoneOutlined />, label: t('author.nav.papers') },
                { key: 'import', icon: <ImportOutlined />, label: t('author.nav.import') },
                { key: 'dashboard', icon: <BarChartOutlined />, label: t('author.nav.dashboard') },
              ]}
              data-testid="author-nav"
            />
          </Layout.Sider>
          <Layout.Content style={{ padding: 16 }}>
            <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
              <Space>
                <Typography.Text strong data-testid="bank-name">
                  {session.bank?.name}
                </Typography.Text>
                <Button size="small" onClick={() => void bank('bank:close', {}).then(setSession)}>
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
            {error !== undefined && (
              <Alert
                type="error"
                message={error}
                closable
                onClose={() => setError(undefined)}
                style={{ marginBottom: 12 }}
              />
            )}
            {view === 'items' && (
              <div className="author-items-view">
                <div className="author-items-tree">
                  <StandardsTree
                    standards={standards}
                    nodes={nodes}
                    {...(standardId === undefined ? {} : { standardId })}
                    {...(scope === undefined ? {} : { selectedKey: scope.key })}
                    onStandard={(id) => {
                      setStandardId(id);
                      setScope(undefined);
                    }}
                    onSelect={setScope}
                    onImported={(id) => loadStandards(id)}
                  />
                </div>
                <div className="author-items-list">
                  <ItemList
                    {...(standardId === undefined ? {} : { standardId })}
                    {...(scope === undefined
                      ? {}
                      : {
                          scope: {
                            kind: scope.kind,
                            key: scope.key,
                            label: `${scope.path} ${scope.name}`,
                          },
                        })}
                    refresh={refresh}
                    onChanged={changed}
                    onOpen={(id) => openEditor(id)}
                    onNew={() => openEditor()}
                  />
                </div>
              </div>
            )}
            {view === 'editor' && editing !== undefined && (
              <ItemEditor
                key={`${editing.itemId ?? 'new'}-${editing.nonce}`}
                {...(editing.itemId === undefined ? {} : { itemId: editing.itemId })}
                {...(editing.pointId === undefined ? {} : { pointId: editing.pointId })}
                levels={levels}
                nodes={nodes}
                onSaved={changed}
              />
            )}
            {view === 'review' && <ReviewQueue key={user.id} user={user} onChanged={changed} />}
            {view === 'classify' && (
              <ClassificationQueue
                key={standardId ?? 'none'}
                {...(standardId === undefined ? {} : { standardId })}
                nodes={nodes}
                onChanged={changed}
              />
            )}
            {view === 'papers' && (
              <PaperWorkbench
                key={standardId ?? 'none'}
                {...(currentStandard === undefined ? {} : { standard: currentStandard })}
              />
            )}
            {view === 'import' && (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <ImportWizard
                  onImported={changed}
                  {...(standardId === undefined ? {} : { standardId })}
                />
                <ExportPanel filter={standardId === undefined ? {} : { standardId }} />
              </Space>
            )}
            {view === 'dashboard' && (
              <Dashboard
                {...(standardId === undefined ? {} : { standardId })}
                refresh={refresh}
                onClassify={() => setView('classify')}
              />
            )}
          </Layout.Content>
        </Layout>
        <Modal
          open={usersOpen}
          title={t('author.user.manage')}
          footer={null}
          onCancel={() => setUsersOpen(false)}
          destroyOnHidden
        >
          <UserPanel
            session={session}
            onSession={(next) => {
              setSession(next);
              setUsersOpen(false);
            }}
          />
        </Modal>
      </Layout>
    </AssetProvider>
  );
}
