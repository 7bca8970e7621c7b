import { Badge, Button, Space, Switch, Tag } from 'antd';
import { useI18n } from '../i18n';
import { formatRemaining, timeWarning } from './countdown';

/**
 * `practice`: answers stay in this page only (practice papers are not saved or sent).
 * `held`: the exam is paused, answers wait on this PC. `rejected`: the server refused an answer.
 */
export type SaveStatus = 'local' | 'synced' | 'offline' | 'held' | 'rejected' | 'practice';

interface Props {
  readonly title: string;
  readonly practice: boolean;
  readonly remainingMs: number | undefined;
  readonly saveStatus: SaveStatus;
  readonly fontStep: number;
  readonly onFontStep: (step: number) => void;
  readonly highContrast: boolean;
  readonly onHighContrast: (on: boolean) => void;
  readonly onReview: () => void;
}

const SAVE_BADGE = {
  local: 'processing',
  synced: 'success',
  offline: 'warning',
  held: 'warning',
  rejected: 'error',
  practice: 'default',
} as const;
const SAVE_TEXT = {
  local: 'exam.savedLocally',
  synced: 'exam.savedToServer',
  offline: 'exam.offline',
  held: 'exam.saveHeld',
  rejected: 'exam.saveRejected',
  practice: 'exam.practiceNotSaved',
} as const;

/** Title, countdown with its warnings, save status (always visible), display settings, submit. */
export function ExamTopBar(props: Props) {
  const { t } = useI18n();
  const warning = timeWarning(props.remainingMs);
  return (
    <header className="exam-topbar">
      <div className="exam-title">
        {props.title}
        {props.practice && <Tag color="blue">{t('exam.practiceBadge')}</Tag>}
      </div>
      <div className={`countdown ${warning}`} data-testid="countdown" role="timer">
        {props.remainingMs === undefined
          ? '--:--'
          : t('exam.timeRemaining', { time: formatRemaining(props.remainingMs) })}
      </div>
      <Space size="middle" className="exam-tools">
        <span data-testid="save-status" data-save={props.saveStatus}>
          <Badge status={SAVE_BADGE[props.saveStatus]} text={t(SAVE_TEXT[props.saveStatus])} />
        </span>
        <Space.Compact>
          <Button
            aria-label={`A− ${t('exam.fontSmaller')}`}
            onClick={() => props.onFontStep(props.fontStep - 1)}
            disabled={props.fontStep <= 0}
          >
            A−
          </Button>
          <Button
            aria-label={`A+ ${t('exam.fontLarger')}`}
            onClick={() => props.onFontStep(props.fontStep + 1)}
            disabled={props.fontStep >= 2}
          >
            A+
          </Button>
        </Space.Compact>
        <label className="contrast-toggle">
          <Switch size="small" checked={props.highContrast} onChange={props.onHighContrast} />{' '}
          {t('exam.highContrast')}
        </label>
        <Button type="primary" danger onClick={props.onReview} data-testid="open-review">
          {t('exam.review')}
        </Button>
      </Space>
    </header>
  );
}
