import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import type { SessionView } from '@skillexam/shared';
import { SessionActions } from '../../components/SessionActions';
import { useConsole } from '../../console-context';
import { formatClock, formatDuration, sessionStatusLabel } from '../../format/format';
import { SessionStaffLine } from '../staff/SessionStaffLine';

interface Props {
  readonly session: SessionView;
  readonly timeLeftSeconds: number | undefined;
  readonly waitingForAdmission: number;
}

/** The session's name, status, schedule and time left, with the session-wide actions. */
export function SessionHeader({ session, timeLeftSeconds, waitingForAdmission }: Props) {
  const { t, lang } = useConsole();
  return (
    <Card size="small">
      <Row gutter={16} align="middle">
        <Col flex="auto">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="session-title">
            {session.name}{' '}
            <Tag
              color={
                session.status === 'running'
                  ? 'green'
                  : session.status === 'paused'
                    ? 'gold'
                    : 'blue'
              }
              data-testid="session-status"
            >
              {sessionStatusLabel(session.status, lang)}
            </Tag>
          </Typography.Title>
          <Typography.Text type="secondary">
            {session.id} · {t('scheduledStart')} {formatClock(session.scheduledStart)} ·{' '}
            {session.durationMinutes} {t('minutes')}
          </Typography.Text>
          <SessionStaffLine sessionId={session.id} />
        </Col>
        <Col>
          <Statistic
            title={t('timeLeft')}
            data-testid="time-left"
            value={
              // an ended session has no time left to count, whatever the deadlines said
              timeLeftSeconds === undefined || session.status === 'ended'
                ? '—'
                : formatDuration(timeLeftSeconds * 1000)
            }
            styles={{
              content: {
                fontVariantNumeric: 'tabular-nums',
                color: session.status === 'paused' ? '#d48806' : undefined,
              },
            }}
          />
        </Col>
        <Col>
          <SessionActions session={session} waitingForAdmission={waitingForAdmission} />
        </Col>
      </Row>
    </Card>
  );
}
