import { SafetyCertificateOutlined } from '@ant-design/icons';
import { errorMessage } from '@skillexam/shared';
import { Alert, Button, Card, Descriptions, Result, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from '../components/use-call';
import { useConsole } from '../console-context';
import { formatDateTime } from '../format/format';
import { verifyAuditNow, type AuditVerification } from './backups/backups-api';
import { useBackupText } from './backups/backups-messages';
import { CopyCommand } from './backups/CopyCommand';

type Problems = readonly { seq: number; problem: string }[];

function ProblemTable({ problems }: { problems: Problems }) {
  if (problems.length === 0) return null;
  return (
    <Table
      style={{ marginTop: 16 }}
      size="small"
      rowKey={(row) => `${row.seq}:${row.problem}`}
      pagination={false}
      dataSource={[...problems]}
      columns={[
        { title: 'seq', dataIndex: 'seq', width: 100 },
        { title: 'problem', dataIndex: 'problem' },
      ]}
    />
  );
}

/**
 * 立即校验: the full `proctor-server audit verify`, run by the server now (exam admin and
 * supervisor; docs/decisions/0983), with its result and the command that does the same.
 */
function FullVerification() {
  const { login } = useConsole();
  const text = useBackupText();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerification | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const run = async () => {
    setBusy(true);
    try {
      setResult(await verifyAuditNow(login.token));
      setFailure(undefined);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={text('fullResult')}
      data-testid="audit-full"
      extra={
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={busy}
          onClick={() => void run()}
        >
          {text('verifyNow')}
        </Button>
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{text('verifyHint')}</Typography.Text>
        {failure !== undefined && <Alert type="error" showIcon title={failure} />}
        {result !== undefined && (
          <>
            <Alert
              type={result.ok ? 'success' : 'error'}
              showIcon
              data-testid="audit-full-result"
              title={
                result.ok
                  ? text('fullOk', {
                      records: String(result.records),
                      checkpoints: String(result.checkpoints),
                    })
                  : text('fullBroken', { count: String(result.problems.length) })
              }
              description={`${formatDateTime(result.verifiedAt)} · ${text('took', { ms: String(result.tookMs) })}`}
            />
            <ProblemTable problems={result.problems} />
            {result.warnings.map((w) => (
              <Alert
                key={`${w.seq}:${w.problem}`}
                type="warning"
                showIcon
                title={`${text('warning')} #${w.seq}: ${w.problem}`}
              />
            ))}
            {result.command !== undefined && (
              <div>
                <Typography.Text type="secondary">{text('cliEquivalent')}</Typography.Text>
                <CopyCommand command={result.command} testid="audit-command" />
              </div>
            )}
          </>
        )}
      </Space>
    </Card>
  );
}

/** The audit chain's verification status (every role; supervisors above all). */
export function AuditPage() {
  const { t, login } = useConsole();
  const { data, error, reload } = useQuery('audit:status', {}, []);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
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
            <ProblemTable problems={data.problems} />
          </>
        )}
      </Card>
      {login.role !== 'proctor' && <FullVerification />}
    </Space>
  );
}
