import { errorMessage } from '@skillexam/shared';
import { ClockCircleOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import type { CandidateIdentity, ExamAgentStatus } from '@skillexam/shared';
import { Alert, Button, Card, Descriptions, Result, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n';
import { formatRemaining } from './countdown';

/** 距开考: the scheduled start on the server's clock, ticking each second; undefined once due. */
function useTimeToStart(
  scheduledStartAt: number | undefined,
  serverTime: number,
): number | undefined {
  // The server's clock minus ours, from the last attempt view (close enough for a waiting room).
  const offset = useMemo(() => serverTime - Date.now(), [serverTime]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (scheduledStartAt === undefined) return undefined;
  const left = scheduledStartAt - (now + offset);
  return left > 0 ? left : undefined;
}

function photoUrl(photo: CandidateIdentity['photo']): string | undefined {
  return photo === undefined ? undefined : `data:${photo.mimeType};base64,${photo.dataBase64}`;
}

/** Identity confirmation (photo, name, masked ID, occupation, level, room and seat), then waiting. */
export function KioskWaiting({ status }: { readonly status: ExamAgentStatus }) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const [identity, setIdentity] = useState<CandidateIdentity>();
  const { attempt } = status;
  const timeToStart = useTimeToStart(identity?.scheduledStartAt, attempt.serverTime);
  useEffect(() => {
    window.desktop
      .invoke('exam:identity', {})
      .then(setIdentity, (e: unknown) => setError(errorMessage(e)));
  }, []);
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
    const photo = photoUrl(identity?.photo);
    return (
      <div className="kiosk-center">
        <Card className="kiosk-card wide" title={t('kiosk.identityTitle')}>
          <div className="identity-row">
            <div className="identity-photo" data-testid="identity-photo">
              {photo === undefined ? (
                <div className="identity-photo-missing">
                  <UserOutlined />
                  <span>{t('kiosk.photoMissing')}</span>
                </div>
              ) : (
                <img src={photo} alt={attempt.name} />
              )}
            </div>
            <Descriptions column={1} bordered size="small" data-testid="identity">
              <Descriptions.Item label={t('candidate.name')}>
                <b className="identity-name">{identity?.name ?? attempt.name}</b>
              </Descriptions.Item>
              <Descriptions.Item label={t('candidate.admissionTicketNumber')}>
                {attempt.admissionTicketNumber}
              </Descriptions.Item>
              <Descriptions.Item label={t('candidate.idNumber')}>
                {identity?.maskedIdNumber ?? attempt.maskedIdNumber}
              </Descriptions.Item>
              <Descriptions.Item label={t('kiosk.occupation')}>
                {identity === undefined ? (
                  <Spin size="small" />
                ) : (
                  `${identity.occupation.name}（${identity.occupation.code}）`
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('kiosk.level')}>
                {identity?.level.name ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('kiosk.room')}>
                {identity?.room ?? attempt.roomId}
              </Descriptions.Item>
              <Descriptions.Item label={t('candidate.seat')}>
                {identity?.seat ?? attempt.seat}
              </Descriptions.Item>
            </Descriptions>
          </div>
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
                .invoke('exam:confirm-identity', {})
                .catch((e: unknown) => setError(errorMessage(e)))
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
        <Typography.Paragraph className="kiosk-time-to-start" data-testid="time-to-start">
          {timeToStart === undefined ? (
            t('kiosk.startsSoon')
          ) : (
            <>
              {t('kiosk.startsIn')} <b>{formatRemaining(timeToStart)}</b>
            </>
          )}
        </Typography.Paragraph>
        <Typography.Paragraph className="kiosk-paper-state" data-testid="paper-state">
          {status.content === 'sealed' || status.content === 'open' ? (
            <>
              <LockOutlined /> {t('kiosk.paperSealed')}
            </>
          ) : (
            <>
              <Spin size="small" /> {t('kiosk.paperPending')}
            </>
          )}
        </Typography.Paragraph>
        {rules}
      </Card>
    </div>
  );
}
