import type { ImportedExamRow } from '@skillexam/shared';
import { Alert, Card, Space, Table } from 'antd';
import { useConsole } from '../../console-context';
import { useAdminText } from './admin-messages';
import { formatDateTime } from './format-time';
import { PackageImportCard } from './PackageImportCard';
import { SiteCertificateCard } from './SiteCertificateCard';
import { SiteKeyCard } from './SiteKeyCard';
import { TrustedKeysCard } from './TrustedKeysCard';
import { useAdminLoad } from './use-admin-api';

/*
 * 密钥与试卷包 (exam admin; docs/decisions/0960): what `proctor-server package key | trust` and
 * `exam import` do, in the browser, through the same server functions.
 */
export function KeysPage() {
  const { t, login } = useConsole();
  const text = useAdminText();
  const exams = useAdminLoad((api) => api.exams());
  if (login.role !== 'admin') return <Alert type="warning" showIcon title={t('adminOnly')} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="keys-page">
      <SiteKeyCard />
      <SiteCertificateCard />
      <TrustedKeysCard />
      <PackageImportCard onImported={exams.reload} />
      <Card size="small" title={text('examsTitle')}>
        {exams.error !== undefined && <Alert type="error" showIcon title={exams.error} />}
        <Table<ImportedExamRow>
          size="small"
          rowKey="examId"
          pagination={false}
          dataSource={exams.data ?? []}
          loading={exams.data === undefined && exams.error === undefined}
          data-testid="imported-exams"
          columns={[
            { title: text('paper'), dataIndex: 'title' },
            { title: 'ID', dataIndex: 'examId', render: (v: string) => <code>{v}</code> },
            { title: text('importedAt'), dataIndex: 'importedAt', render: formatDateTime },
            { title: text('sessionCount'), dataIndex: 'sessions' },
          ]}
        />
      </Card>
    </Space>
  );
}
