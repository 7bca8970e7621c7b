import { type BankImportReport } from '@skillexam/shared';
import { Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import {
  nearDuplicateClusters,
  type NearDuplicateCluster,
  type NearDuplicateRow,
} from '../import-report-view';

/*
 * Near duplicates by cluster (docs/decisions/0921): the table pages through the clusters, each
 * shows its pairs (row, item — ids exist only once imported —, similar item, similarity); what
 * the report does not list is counted below it.
 */

function ClusterPairs({
  report,
  cluster,
}: {
  report: BankImportReport;
  cluster: NearDuplicateCluster;
}) {
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
      rowKey="key"
      dataSource={cluster.pairs}
      columns={columns}
      pagination={false}
    />
  );
}

export function NearDuplicatesTable({ report }: { readonly report: BankImportReport }) {
  const { t } = useI18n();
  const clusters = nearDuplicateClusters(report);
  const columns = [
    {
      title: t('author.import.nearTitle'),
      render: (_: unknown, cluster: NearDuplicateCluster) => (
        <Space size={8}>
          <strong>{t('author.import.nearCluster', { n: cluster.cluster })}</strong>
          <span>{t('author.import.nearClusterPairs', { n: cluster.pairs.length })}</span>
        </Space>
      ),
    },
  ];
  return (
    <div data-testid="import-near-duplicates">
      <Table
        size="small"
        rowKey="key"
        dataSource={clusters}
        columns={columns}
        expandable={{
          expandedRowKeys: clusters.map((cluster) => cluster.key),
          expandedRowRender: (cluster) => <ClusterPairs report={report} cluster={cluster} />,
          showExpandColumn: false,
        }}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
      />
      {report.unlistedNearDuplicateClusters > 0 && (
        <Typography.Text type="secondary" data-testid="import-near-unlisted">
          {t('author.import.nearUnlisted', {
            n: report.unlistedNearDuplicateClusters,
            clusters: report.nearDuplicateClusters,
            pairs: report.nearDuplicatePairs,
          })}
        </Typography.Text>
      )}
    </div>
  );
}
