import { Alert, Space, Typography } from 'antd';
import { useCenter } from '../../center-context';
import type { AuditVerification } from '../../api/center-types';

const HASH = { wordBreak: 'break-all' } as const;

/** The result of 审计链核验: intact in green (records, anchors, head hash) or broken in red. */
export function AuditVerdict({ result }: { readonly result: AuditVerification }) {
  const { t } = useCenter();
  if (result.ok)
    return (
      <Alert
        type="success"
        showIcon
        data-testid="audit-verdict"
        title={t('auditIntact')}
        description={
          <Space orientation="vertical" size={2}>
            <Typography.Text>
              {t('auditIntactDetail', { records: result.records, anchors: result.anchors })}
            </Typography.Text>
            <Typography.Text>
              {t('auditHeadHash')}{' '}
              <Typography.Text code style={HASH}>
                {result.headHash}
              </Typography.Text>
            </Typography.Text>
          </Space>
        }
      />
    );
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verdict"
      title={t('auditBroken', { seq: result.seq })}
      description={
        <Space orientation="vertical" size={2}>
          <Typography.Text>{t('auditProblem', { problem: result.problem })}</Typography.Text>
          {result.subject !== undefined && (
            <Typography.Text style={HASH}>
              {t('auditSubject', { subject: result.subject })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">
            {t('auditRecordsRead', { records: result.records })}
          </Typography.Text>
        </Space>
      }
    />
  );
}
