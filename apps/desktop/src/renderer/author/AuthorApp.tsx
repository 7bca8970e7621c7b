import type { StandardTreeNode } from '@skillexam/shared';
import { Alert, ConfigProvider, Layout, Modal, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { AssetProvider } from './asset-cache';
import { BankGate, UserPanel } from './BankGate';
import { ClassificationQueue } from './ClassificationQueue';
import { Dashboard } from './Dashboard';
import { ExportPanel } from './ExportPanel';
import { ImportWizard } from './ImportWizard';
import { ItemEditor } from './ItemEditor';
import { ItemList } from './ItemList';
import { PaperWorkbench } from './PaperWorkbench';
import { ReviewQueue } from './ReviewQueue';
import { StandardsTree } from './StandardsTree';
import { AuthorNav, type AuthorView } from './workbench/AuthorNav';
import { BankBar } from './workbench/BankBar';
import { useBankWorkspace } from './workbench/use-bank-workspace';
import './author.css';

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
  const workspace = useBankWorkspace();
  const { session, setSession, error, standardId, nodes, refresh, changed } = workspace;
  const [view, setView] = useState<AuthorView>('items');
  const [scope, setScope] = useState<StandardTreeNode>();
  const [editing, setEditing] = useState<Editing>();
  const [usersOpen, setUsersOpen] = useState(false);

  if (session === undefined)
    return (
      <>
        {header}
        {error !== undefined && <Alert type="error" message={error} />}
      </>
    );

  const user = session.user;
  if (!workspace.bankOpen || user === undefined) {
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
  const inStandard = standardId === undefined ? {} : { standardId };

  return (
    <AssetProvider>
      <Layout style={{ minHeight: '100vh' }}>
        {header}
        <Layout>
          <Layout.Sider width={200} theme="light">
            <AuthorNav view={view} onView={setView} editorOpen={editing !== undefined} />
          </Layout.Sider>
          <Layout.Content style={{ padding: 16 }}>
            <BankBar
              session={session}
              user={user}
              onSession={setSession}
              onManageUsers={() => setUsersOpen(true)}
            />
            {error !== undefined && (
              <Alert
                type="error"
                message={error}
                closable
                onClose={() => workspace.setError(undefined)}
                style={{ marginBottom: 12 }}
              />
            )}
            {view === 'items' && (
              <div className="author-items-view">
                <div className="author-items-tree">
                  <StandardsTree
                    standards={workspace.standards}
                    nodes={nodes}
                    {...inStandard}
                    {...(scope === undefined ? {} : { selectedKey: scope.key })}
                    onStandard={(id) => {
                      workspace.setStandardId(id);
                      setScope(undefined);
                    }}
                    onSelect={setScope}
                    onImported={(id) => workspace.loadStandards(id)}
                  />
                </div>
                <div className="author-items-list">
                  <ItemList
                    {...inStandard}
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
                levels={workspace.levels}
                nodes={nodes}
                onSaved={changed}
              />
            )}
            {view === 'review' && <ReviewQueue key={user.id} user={user} onChanged={changed} />}
            {view === 'classify' && (
              <ClassificationQueue
                key={standardId ?? 'none'}
                {...inStandard}
                nodes={nodes}
                onChanged={changed}
              />
            )}
            {view === 'papers' && (
              <PaperWorkbench
                key={standardId ?? 'none'}
                {...(workspace.currentStandard === undefined
                  ? {}
                  : { standard: workspace.currentStandard })}
              />
            )}
            {view === 'import' && (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <ImportWizard onImported={changed} {...inStandard} />
                <ExportPanel filter={inStandard} />
              </Space>
            )}
            {view === 'dashboard' && (
              <Dashboard {...inStandard} refresh={refresh} onClassify={() => setView('classify')} />
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
