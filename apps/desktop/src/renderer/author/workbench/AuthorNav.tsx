import {
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  EditOutlined,
  FileDoneOutlined,
  ImportOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import { useI18n } from '../../i18n';

export type AuthorView =
  'items' | 'editor' | 'review' | 'classify' | 'papers' | 'import' | 'dashboard';

interface Props {
  readonly view: AuthorView;
  readonly onView: (view: AuthorView) => void;
  /** The editor entry is off until an item (or a new one) is opened. */
  readonly editorOpen: boolean;
}

/** The workbench's side menu. */
export function AuthorNav({ view, onView, editorOpen }: Props) {
  const { t } = useI18n();
  return (
    <Menu
      mode="inline"
      selectedKeys={[view]}
      onClick={({ key }) => onView(key as AuthorView)}
      items={[
        { key: 'items', icon: <DatabaseOutlined />, label: t('author.nav.items') },
        {
          key: 'editor',
          icon: <EditOutlined />,
          label: t('author.nav.editor'),
          disabled: !editorOpen,
        },
        { key: 'review', icon: <AuditOutlined />, label: t('author.nav.review') },
        { key: 'classify', icon: <ClusterOutlined />, label: t('author.nav.classify') },
        { key: 'papers', icon: <FileDoneOutlined />, label: t('author.nav.papers') },
        { key: 'import', icon: <ImportOutlined />, label: t('author.nav.import') },
        { key: 'dashboard', icon: <BarChartOutlined />, label: t('author.nav.dashboard') },
      ]}
      data-testid="author-nav"
    />
  );
}
