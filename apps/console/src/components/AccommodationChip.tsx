import type { Accommodations } from '@skillexam/shared';
import type { MessageKey } from '../i18n/messages';

type Translate = (key: MessageKey) => string;

/** 「延长时间 30 分钟、大字体、高对比度」: what the roster grants, in words. */
export function describeAccommodations(a: Accommodations, t: Translate): string {
  return [
    ...(a.extraMinutes > 0 ? [`${t('extraTime')} ${a.extraMinutes} ${t('minutes')}`] : []),
    ...(a.largeText ? [t('largeText')] : []),
    ...(a.highContrast ? [t('highContrast')] : []),
  ].join(', ');
}

/**
 * A small 「便利」 chip beside a candidate's name when the roster grants accommodations; its
 * accessible name and tooltip say which.
 */
export function AccommodationChip({
  accommodations,
  t,
}: {
  readonly accommodations: Accommodations | undefined;
  readonly t: Translate;
}) {
  if (accommodations === undefined) return null;
  const details = `${t('accommodations')}: ${describeAccommodations(accommodations, t)}`;
  return (
    <span
      className="status-chip status-accommodation"
      title={details}
      aria-label={details}
      role="img"
      data-testid="accommodation-chip"
    >
      {t('accommodationShort')}
    </span>
  );
}
