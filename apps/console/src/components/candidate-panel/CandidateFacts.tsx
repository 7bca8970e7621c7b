import { Descriptions, Progress, Tag } from 'antd';
import type { AttemptProgress, AttemptView } from '@skillexam/shared';
import { useConsole } from '../../console-context';
import { formatDuration } from '../../format/format';
import { describeAccommodations } from '../AccommodationChip';

interface Props {
  readonly attempt: AttemptView;
  readonly progress: AttemptProgress | undefined;
  readonly roomName: string;
  /** Time left in ms, if the attempt has a deadline. */
  readonly left: number | undefined;
}

/** Ticket, masked ID, seat, time left (with 补时), 考生便利措施 and answering progress. */
export function CandidateFacts({ attempt, progress, roomName, left }: Props) {
  const { t } = useConsole();
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('ticket')}>{attempt.admissionTicketNumber}</Descriptions.Item>
      <Descriptions.Item label={t('idNumber')}>{attempt.maskedIdNumber}</Descriptions.Item>
      <Descriptions.Item label={t('seat')}>
        {roomName} · {attempt.seat}
      </Descriptions.Item>
      <Descriptions.Item label={t('timeLeft')}>
        <span data-testid="panel-time-left">{left === undefined ? '—' : formatDuration(left)}</span>
        {attempt.extensionMs > 0 && (
          <Tag color="blue" style={{ marginLeft: 8 }} data-testid="panel-extension">
            {t('extend')} +{Math.round(attempt.extensionMs / 60_000)} {t('minutes')}
          </Tag>
        )}
      </Descriptions.Item>
      {attempt.accommodations !== undefined && (
        <Descriptions.Item label={t('accommodations')}>
          <span data-testid="panel-accommodations">
            {describeAccommodations(attempt.accommodations, t)}
          </span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('progress')}>
        {progress === undefined ? (
          '—'
        ) : (
          <Progress
            size="small"
            aria-label={t('progress')}
            percent={
              progress.total === 0 ? 0 : Math.round((100 * progress.answered) / progress.total)
            }
            format={() => `${progress.answered}/${progress.total}`}
          />
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
