import type { AnswerValue, CandidatePaper } from '@skillexam/shared';
import { Button, ConfigProvider, Tabs } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../i18n';
import { HIGH_CONTRAST_THEME } from '../theme';
import { AnswerControls } from './AnswerControls';
import { indexPaper, keyToAction, paletteCounts } from './exam-navigation';
import { ExamTopBar, type SaveStatus } from './ExamTopBar';
import { ItemBodyView } from './ItemBodyView';
import { QuestionPalette } from './QuestionPalette';
import { TimeWarning } from './TimeWarning';
import 'katex/dist/katex.min.css';
import './kiosk.css';
import './kiosk-access.css';

export interface ExamScreenProps {
  readonly paper: CandidatePaper;
  readonly practice: boolean;
  /** While paused (or before the start) nothing can be answered. */
  readonly locked?: boolean;
  readonly answers: ReadonlyMap<string, AnswerValue>;
  readonly flagged: ReadonlySet<string>;
  readonly currentId: string;
  readonly remainingMs: number | undefined;
  readonly saveStatus: SaveStatus;
  readonly fontStep: number;
  readonly highContrast: boolean;
  readonly onAnswer: (itemId: string, value: AnswerValue) => void;
  readonly onFlag: (itemId: string, flagged: boolean) => void;
  readonly onNavigate: (itemId: string) => void;
  readonly onFontStep: (step: number) => void;
  readonly onHighContrast: (on: boolean) => void;
  readonly onReview: () => void;
}

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/** The narrow layout of kiosk-access.css (200 % zoom at 1024×768): keep the two in step. */
const REFLOW_QUERY = '(max-width: 760px), (max-height: 560px)';

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a, [role="tab"]') !== null;
}

/** The exam: section tabs, 答题卡, the current question, and full keyboard operation. */
export function ExamScreen(props: ExamScreenProps) {
  const { t } = useI18n();
  const { paper, answers, flagged, currentId, onAnswer, onFlag, onNavigate } = props;
  const index = useMemo(() => indexPaper(paper), [paper]);
  const counts = useMemo(() => paletteCounts(index, answers, flagged), [index, answers, flagged]);
  const current = index.byId.get(currentId) ?? index.items[0];
  const questionRef = useRef<HTMLElement>(null);

  // The latest props for the one window-level key listener.
  const locked = props.locked === true;
  const latest = useRef({ current, answers, flagged, index, locked, onAnswer, onFlag, onNavigate });
  latest.current = { current, answers, flagged, index, locked, onAnswer, onFlag, onNavigate };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const s = latest.current;
      if (s.current === undefined || s.locked || event.isComposing || event.defaultPrevented)
        return;
      // Enter and Space on a focused button, tab or link press that control, as everywhere.
      if ((event.key === 'Enter' || event.key === ' ') && isControl(event.target)) return;
      const action = keyToAction(event.key, s.current.item, s.answers.get(s.current.item.itemId), {
        ctrl: event.ctrlKey,
        alt: event.altKey,
        meta: event.metaKey,
        inTextField: isTextField(event.target),
      });
      if (action === undefined) return;
      event.preventDefault();
      const id = s.current.item.itemId;
      const at = s.current.index;
      if (action.type === 'answer') s.onAnswer(id, action.value);
      else if (action.type === 'toggleFlag') s.onFlag(id, !s.flagged.has(id));
      else {
        const target = s.index.items[action.type === 'next' ? at + 1 : at - 1];
        if (target !== undefined) s.onNavigate(target.item.itemId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    questionRef.current?.scrollTo?.({ top: 0 });
    // Zoomed in (the page scrolls as a whole, 答题卡 above): bring the question into view.
    if (window.matchMedia?.(REFLOW_QUERY).matches) questionRef.current?.scrollIntoView?.();
  }, [currentId]);

  if (current === undefined) return null;
  const { item } = current;
  const previous = index.items[current.index - 1];
  const next = index.items[current.index + 1];
  const isFlagged = flagged.has(item.itemId);

  return (
    <ConfigProvider theme={props.highContrast ? HIGH_CONTRAST_THEME : {}}>
      <div
        className={`exam-screen font-step-${props.fontStep}${props.highContrast ? ' high-contrast' : ''}`}
        data-testid="exam-screen"
      >
        <ExamTopBar
          title={paper.title}
          practice={props.practice}
          remainingMs={props.remainingMs}
          saveStatus={props.saveStatus}
          fontStep={props.fontStep}
          onFontStep={props.onFontStep}
          highContrast={props.highContrast}
          onHighContrast={props.onHighContrast}
          onReview={props.onReview}
        />
        <TimeWarning remainingMs={props.remainingMs} />
        <div className="exam-body">
          <QuestionPalette
            paper={paper}
            index={index}
            answers={answers}
            flagged={flagged}
            currentId={item.itemId}
            counts={counts}
            onSelect={onNavigate}
          />
          <main className="question" ref={questionRef}>
            <Tabs
              activeKey={String(current.sectionIndex)}
              onChange={(key) => {
                const start = index.items[index.sectionStarts[Number(key)] ?? 0];
                if (start !== undefined) onNavigate(start.item.itemId);
              }}
              items={paper.sections.map((section, i) => ({ key: String(i), label: section.title }))}
            />
            <div className="question-head" data-testid="question-head">
              <span className="question-number">{t('exam.question', { number: item.number })}</span>
              <span className="question-meta">
                {t(`exam.type.${item.type}`)} · {t('exam.points', { points: item.points })}
              </span>
              {isFlagged && <span className="flag-mark">⚑ {t('exam.flag')}</span>}
            </div>
            <ItemBodyView body={item.stem} className="item-body stem" />
            <fieldset className="answer-fieldset" disabled={locked}>
              <AnswerControls
                item={item}
                value={answers.get(item.itemId)}
                onChange={(value) => onAnswer(item.itemId, value)}
              />
            </fieldset>
            <footer className="question-nav">
              <Button
                size="large"
                disabled={previous === undefined}
                onClick={() => previous && onNavigate(previous.item.itemId)}
              >
                ← {t('exam.previous')}
              </Button>
              <Button size="large" onClick={() => onFlag(item.itemId, !isFlagged)}>
                ⚑ {isFlagged ? t('exam.unflag') : t('exam.flag')}
              </Button>
              <Button
                size="large"
                type="primary"
                disabled={next === undefined}
                onClick={() => next && onNavigate(next.item.itemId)}
              >
                {t('exam.next')} →
              </Button>
            </footer>
            <p className="keyboard-help">{t('exam.keyboardHelp')}</p>
          </main>
        </div>
      </div>
    </ConfigProvider>
  );
}
