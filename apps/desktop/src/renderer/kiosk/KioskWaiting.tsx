import { ClockCircleOutlined } from '@ant-design/icons';
import type { ExamAgentStatus } from '@skillexam/shared';
import { Alert, Button, Card, Descriptions, Result, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';

/** Identity confirmation (photo, name, masked ID, room and seat), then the waiting room. */
export function KioskWaiting({ status }: { readonly status: ExamAgentStatus }) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const { attempt } = status;
  const rules = (
    <Card size="small" title={t('kiosk.rulesTitle')} className="kiosk-rules">
      <ol>
        <li>{t('kiosk.rules1')}</li>
        <li>{t('kiosk.rules2')}</li>
        <li>{t('kiosk.rules3')}</li>
        <li>{t('kiosk.rules4')}</li>
      </ol>
    </Card>
  );
  if (!attempt.identityConfirmed) {
    return (
      <div className="kiosk-center">
        <Card className="kiosk-card wide" title={t('kiosk.identityTitle')}>
          <Descriptions column={1} bordered size="middle" data-testid="identity">
            <Descriptions.Item label={t('candidate.name')}>{attempt.name}</Descriptions.Item>
            <Descriptions.Item label={t('candidate.admissionTicketNumber')}>
              {attempt.admissionTicketNumber}
            </Descriptions.Item>
            <Descriptions.Item label={t('candidate.idNumber')}>
              {attempt.maskedIdNumber}
            </Descriptions.Item>
            <Descriptions.Item label={t('kiosk.room')}>{attempt.roomId}</Descriptions.Item>
            <Descriptions.Item label={t('candidate.seat')}>{attempt.seat}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" className="kiosk-hint">
            {t('kiosk.identityHint')}
          </Typography.Paragraph>
          {error !== undefined && <Alert type="error" showIcon message={error} />}
          <Button
            type="primary"
            size="large"
            block
            data-testid="confirm-identity"
            onClick={() =>
              window.desktop
                .invoke('exam:confirmIdentity', {})
                .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
            }
          >
            {t('kiosk.confirmIdentity')}
          </Button>
        </Card>
      </div>
    );
  }
  return (
    <div className="kiosk-center">
      <Card className="kiosk-card wide">
        <Result
          icon={<ClockCircleOutlined style={{ color: '#1f5fbf' }} />}
          title={t('kiosk.waitingTitle')}
          subTitle={t('kiosk.waitingText')}
        />
        {rules}
      </Card>
    </div>
  );
}
