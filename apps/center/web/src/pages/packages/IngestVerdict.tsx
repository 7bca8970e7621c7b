import { Alert, Descriptions, Typography } from 'antd';
import { useCenter } from '../../center-context';
import type { IngestOutcome } from '../../api/center-types';

export type Verdict =
  | { readonly kind: 'accepted'; readonly fileName: string; readonly outcome: IngestOutcome }
  | {
      readonly kind: 'refused';
      readonly fileName: string;
      readonly code: string;
      readonly message: string;
    };

/** `SIGNER_UNTRUSTED: 中文 (English)` → the reason code and the message after it. */
export function refusalOf(code: string, message: string): { code: string; message: string } {
  const match = /^([A-Z_]{3,40}):\s*(.*)$/su.exec(message);
  return match === null ? { code, message } : { code: match[1] ?? code, message: match[2] ?? '' };
}

/** The centre's verdict on one uploaded package, shown so nobody can miss it. */
export function IngestVerdict({ verdict }: { readonly verdict: Verdict }) {
  const { t } = useCenter();
  if (verdict.kind === 'refused') {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="ingest-verdict"
        title={`${t('refused')} · ${verdict.fileName}`}
        description={
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('refusedCode')}>
              <Typography.Text code strong>
                {verdict.code}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('refused')}>{verdict.message}</Descriptions.Item>
          </Descriptions>
        }
      />
    );
  }
  const { outcome } = verdict;
  return (
    <Alert
      type="success"
      showIcon
      data-testid="ingest-verdict"
      title={`${outcome.status === 'ingested' ? t('accepted') : t('alreadyAccepted')} · ${verdict.fileName}`}
      description={
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('site')}>{outcome.site.name}</Descriptions.Item>
          <Descriptions.Item label={t('candidates')}>{outcome.candidates}</Descriptions.Item>
          <Descriptions.Item label={t('session')}>{outcome.sessionId}</Descriptions.Item>
          <Descriptions.Item label={t('exam')}>{outcome.examId}</Descriptions.Item>
          <Descriptions.Item label={t('chainHead')} span={2}>
            <Typography.Text code>
              #{outcome.chainHead.seq} {outcome.chainHead.hash}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('packageSha')} span={2}>
            <Typography.Text code>{outcome.sha256}</Typography.Text>
          </Descriptions.Item>
          {outcome.supersedes !== undefined && (
            <Descriptions.Item label={t('supersedes')} span={2}>
              {outcome.supersedes}
            </Descriptions.Item>
          )}
        </Descriptions>
      }
    />
  );
}
