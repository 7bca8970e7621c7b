import { errorMessage } from '@skillexam/shared';
import type { AnswerValue, CandidatePaper } from '@skillexam/shared';
import { Alert, Result, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n';
import { indexPaper } from './exam-navigation';
import { ExamScreen } from './ExamScreen';
import { ReviewDialog } from './ReviewDialog';
import { useDisplaySettings } from './use-display-settings';

type State =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly message: string }
  | { readonly phase: 'exam'; readonly paper: CandidatePaper; readonly deadline: number }
  | { readonly phase: 'submitted' };

/**
 * A practice exam (练习) in the web shell or a non-secure client: the real exam screen over a
 * practice paper from the host, answers kept in memory, a local countdown. Real exams go
 * through the exam agent (journal + server), which drives the same ExamScreen.
 */
export function PracticeExam() {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [answers, setAnswers] = useState<ReadonlyMap<string, AnswerValue>>(new Map());
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(new Set());
  const [currentId, setCurrentId] = useState('');
  const [reviewOpen, setReviewOpen] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const display = useDisplaySettings();

  useEffect(() => {
    window.desktop.invoke('exam:practice-paper', {}).then(
      (paper) => {
        setCurrentId(paper.sections[0]?.items[0]?.itemId ?? '');
        setState({ phase: 'exam', paper, deadline: Date.now() + paper.durationMinutes * 60_000 });
      },
      (error: unknown) =>
        setState({
          phase: 'failed',
          message: errorMessage(error),
        }),
    );
  }, []);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const onAnswer = useCallback((itemId: string, value: AnswerValue) => {
    setAnswers((previous) => new Map(previous).set(itemId, value));
  }, []);
  const onFlag = useCallback((itemId: string, on: boolean) => {
    setFlagged((previous) => {
      const next = new Set(previous);
      if (on) next.add(itemId);
      else next.delete(itemId);
      return next;
    });
  }, []);
  const index = useMemo(
    () => (state.phase === 'exam' ? indexPaper(state.paper) : undefined),
    [state],
  );

  if (state.phase === 'loading') return <Spin size="large" className="center-spin" />;
  if (state.phase === 'failed')
    return (
      <Alert type="error" showIcon message={t('exam.loadFailed')} description={state.message} />
    );
  if (state.phase === 'submitted') {
    return (
      <Result
        status="success"
        title={t('exam.submittedTitle')}
        subTitle={t('exam.practiceSubmittedText')}
      />
    );
  }
  return (
    <>
      <ExamScreen
        paper={state.paper}
        practice
        answers={answers}
        flagged={flagged}
        currentId={currentId}
        remainingMs={Math.max(0, state.deadline - now)}
        saveStatus="practice"
        fontStep={display.fontStep}
        highContrast={display.highContrast}
        onAnswer={onAnswer}
        onFlag={onFlag}
        onNavigate={setCurrentId}
        onFontStep={display.setFontStep}
        onHighContrast={display.setHighContrast}
        onReview={() => setReviewOpen(true)}
      />
      {index !== undefined && (
        <ReviewDialog
          open={reviewOpen}
          index={index}
          answers={answers}
          flagged={flagged}
          onGoTo={setCurrentId}
          onClose={() => setReviewOpen(false)}
          onSubmit={() => setState({ phase: 'submitted' })}
        />
      )}
    </>
  );
}
