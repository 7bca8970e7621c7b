import { type BankImportReport } from '@skillexam/shared';
import { Space, Table, Tag } from 'antd';
import { useI18n } from '../../i18n';
import { nearDuplicateRows, type NearDuplicateRow } from '../import-report-view';

type Issue = BankImportReport['issues'][number];

/** Near duplicates: row, item (ids exist only once imported), similar item, similarity. */
export function NearDuplicatesTable({ report }: { readonly report: BankImportReport }) {
  const { t } = useI18n();
  const columns = [
    { title: t('author.import.nearPlace'), dataIndex: 'place', width: 110 },
    {
      title: t('author.import.nearItem'),
      width: 200,
      render: (_: unknown, row: NearDuplicateRow) =>
        report.committed ? row.itemId : t('author.import.nearNew'),
    },
    {
      title: t('author.import.nearOther'),
      width: 220,
      render: (_: unknown, row: NearDuplicateRow) => row.otherPlace ?? row.otherItemId,
    },
    {
      title: t('author.import.nearSimilarity'),
      render: (_: unknown, row: NearDuplicateRow) => (
        <Space size={4}>
          <span>{row.similarity.toFixed(2)}</span>
          <Tag>{t(`author.import.nearKind.${row.kind}`)}</Tag>
        </Space>
      ),
    },
  ];
  return (
    <Table
      size="small"
      title={() => t('author.import.nearTitle')}
      rowKey="key"
      dataSource={nearDuplicateRows(report)}
      columns={columns}
      pagination={{ pageSize: 10 }}
      data-testid="import-near-duplicates"
    />
  );
}

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
