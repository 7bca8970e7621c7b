import { PauseCircleOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import { useI18n } from '../i18n';
import { formatRemaining } from './countdown';

/**
 * While the proctor has paused the attempt, the questions are covered completely: the clock is
 * frozen, so reading on would be time the candidate gets for free. Proctor messages stay above it.
 */
export function PauseOverlay({ remainingMs }: { readonly remainingMs: number | undefined }) {
  const { t } = useI18n();
  return (
    <div className="pause-overlay" role="alertdialog" aria-modal="true" data-testid="pause-overlay">
      <Result
        icon={<PauseCircleOutlined style={{ color: '#d48806' }} />}
        title={t('kiosk.pausedTitle')}
        subTitle={t('kiosk.pausedText')}
        extra={
          remainingMs === undefined ? undefined : (
            <div className="pause-remaining">
              {t('exam.timeRemaining', { time: formatRemaining(remainingMs) })}
            </div>
          )
        }
      />
    </div>
  );
}
