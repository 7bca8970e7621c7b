import { Button, Card, Descriptions, Result, Table } from 'antd';
import { useQuery } from '../components/use-call';
import { useConsole } from '../console-context';
import { formatDateTime } from '../format/format';

/** The audit chain's verification status (every role; supervisors above all). */
export function AuditPage() {
  const { t } = useConsole();
  const { data, error, reload } = useQuery('audit:status', {}, []);
  return (
    <Card
      title={t('audit')}
      extra={<Button onClick={reload}>{t('refresh')}</Button>}
      loading={data === undefined && error === undefined}
    >
      {error !== undefined && <Result status="error" title={error} />}
      {data !== undefined && (
        <>
          <Result
            data-testid="audit-result"
            status={data.ok ? 'success' : 'error'}
            title={data.ok ? t('auditOk') : t('auditBroken')}
          />
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('records')}>{data.records}</Descriptions.Item>
            <Descriptions.Item label={t('checkpoints')}>{data.checkpoints}</Descriptions.Item>
            <Descriptions.Item label={t('lastSeq')}>{data.lastSeq}</Descriptions.Item>
            <Descriptions.Item label={t('verifiedAt')}>
              {formatDateTime(data.verifiedAt)}
            </Descriptions.Item>
          </Descriptions>
          {data.problems.length > 0 && (
            <Table
              style={{ marginTop: 16 }}
              size="small"
              rowKey="seq"
              pagination={false}
              dataSource={data.problems}
              columns={[
                { title: 'seq', dataIndex: 'seq', width: 100 },
                { title: 'problem', dataIndex: 'problem' },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
