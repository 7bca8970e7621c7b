import { Alert } from 'antd';
import { useI18n } from '../i18n';
import { timeWarning } from './countdown';

/**
 * The 15- and 5-minute warnings: a banner on screen, and a polite live region that screen
 * readers announce once when the text changes (the countdown's seconds are never announced).
 */
export function TimeWarning({ remainingMs }: { readonly remainingMs: number | undefined }) {
  const { t } = useI18n();
  const warning = timeWarning(remainingMs);
  const text =
    warning === 'five'
      ? t('exam.warning.five')
      : warning === 'fifteen'
        ? t('exam.warning.fifteen')
        : '';
  return (
    <>
      {text !== '' && (
        <Alert
          banner
          role="presentation"
          type={warning === 'five' ? 'error' : 'warning'}
          message={text}
        />
      )}
      <div className="sr-only" role="status" aria-live="polite" data-testid="time-announcer">
        {text}
      </div>
    </>
  );
}
