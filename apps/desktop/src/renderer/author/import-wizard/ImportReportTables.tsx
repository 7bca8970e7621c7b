import { type BankImportReport } from '@skillexam/shared';
import { Table, Tag } from 'antd';
import { useI18n } from '../../i18n';

type Issue = BankImportReport['issues'][number];

/** Every error and warning of the report, with where it is (item, row or line) and why. */
export function ImportIssuesTable({ report }: { readonly report: BankImportReport }) {
  const { t } = useI18n();
  const columns = [
    {
      title: t('author.import.severity'),
      dataIndex: 'severity',
      width: 70,
      render: (s: Issue['severity']) => (
        <Tag color={s === 'error' ? 'red' : 'gold'}>
          {s === 'error' ? t('author.import.error') : t('author.import.warning')}
        </Tag>
      ),
    },
    {
      title: t('author.import.where'),
      width: 200,
      render: (_: unknown, issue: Issue) =>
        issue.item ??
        [
          issue.row === undefined ? undefined : `第${issue.row}行`,
          issue.line === undefined ? undefined : `第${issue.line}行`,
        ]
          .filter((p) => p !== undefined)
          .join(' '),
    },
    { title: t('author.import.field'), dataIndex: 'field', width: 100 },
    { title: t('author.import.reason'), dataIndex: 'reason' },
  ];
  return (
    <Table
      size="small"
      rowKey={(_, index) => String(index)}
      dataSource={report.issues}
      columns={columns}
      pagination={{ pageSize: 20 }}
      data-testid="import-issues"
    />
  );
}
