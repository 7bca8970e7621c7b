import type { ExamAgentStatus } from '@skillexam/shared';
import { Card, Descriptions, Result } from 'antd';
import { useI18n } from '../i18n';

const clock = (at: number | undefined) =>
  at === undefined ? '—' : new Date(at).toLocaleTimeString('zh-CN', { hour12: false });

/** 已交卷: who submitted, when, and whether every answer is on the server. */
export function KioskSubmitted({ status }: { readonly status: ExamAgentStatus }) {
  const { t } = useI18n();
  const { attempt } = status;
  return (
    <div className="kiosk-center">
      <Card className="kiosk-card wide" data-testid="submitted">
        <Result
          status="success"
          title={t('exam.submittedTitle')}
          subTitle={t('exam.submittedText')}
        />
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('candidate.name')}>{attempt.name}</Descriptions.Item>
          <Descriptions.Item label={t('candidate.admissionTicketNumber')}>
            {attempt.admissionTicketNumber}
          </Descriptions.Item>
          <Descriptions.Item label={t('kiosk.submittedAt')}>
            {clock(attempt.submittedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('kiosk.answersOnServer')}>
            {status.pending === 0 ? t('exam.savedToServer') : t('exam.savedLocally')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </div>
  );
}
