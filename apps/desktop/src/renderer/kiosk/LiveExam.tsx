import { errorMessage } from '@skillexam/shared';
import type { AnswerValue, CandidatePaper, ExamAgentStatus } from '@skillexam/shared';
import { Alert, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n';
import { AssetUrlContext, assetDataUrls } from './asset-urls';
import { indexPaper } from './exam-navigation';
import { ExamScreen } from './ExamScreen';
import { PauseOverlay } from './PauseOverlay';
import { ReviewDialog } from './ReviewDialog';
import { useAnswerWriter } from './use-answer-writer';
import { useDisplaySettings } from './use-display-settings';
import { useLiveCountdown } from './use-live-countdown';

interface Resumed {
  readonly paper: CandidatePaper;
  readonly answers: ReadonlyMap<string, AnswerValue>;
  readonly flagged: ReadonlySet<string>;
  readonly currentId: string;
  readonly assetUrls: ReadonlyMap<string, string>;
}

/**
 * The real exam: the released paper with every journaled answer restored (a restarted kiosk
 * resumes at the same question), answers written through the host's exam agent, the save
 * status and server countdown from its pushes, and a pause overlay.
 */
export function LiveExam({ status }: { readonly status: ExamAgentStatus }) {
  const { t } = useI18n();
  const [state, setState] = useState<Resumed>();
  const [error, setError] = useState<string>();
  const [reviewOpen, setReviewOpen] = useState(false);
  const display = useDisplaySettings();
  const writer = useAnswerWriter(setError);
  const remainingMs = useLiveCountdown(status);

  useEffect(() => {
    window.desktop.invoke('exam:resume', {}).then(
      (resumed) => {
        const first = resumed.paper.sections[0]?.items[0]?.itemId ?? '';
        setState({
          paper: resumed.paper,
          answers: new Map(resumed.answers.map((a) => [a.itemId, a.value])),
          flagged: new Set(resumed.flagged),
          currentId: resumed.position ?? first,
          assetUrls: assetDataUrls(resumed.assets),
        });
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);

  const onAnswer = useCallback(
    (itemId: string, value: AnswerValue) => {
      setState((s) => s && { ...s, answers: new Map(s.answers).set(itemId, value) });
      writer.write(itemId, value);
    },
    [writer],
  );
  const onFlag = useCallback((itemId: string, on: boolean) => {
    setState((s) => {
      if (s === undefined) return s;
      const flagged = new Set(s.flagged);
      if (on) flagged.add(itemId);
      else flagged.delete(itemId);
      return { ...s, flagged };
    });
    void window.desktop.invoke('exam:flag', { itemId, flagged: on });
  }, []);
  const onNavigate = useCallback(
    (itemId: string) => {
      writer.flush();
      setState((s) => s && { ...s, currentId: itemId });
      void window.desktop.invoke('exam:position', { itemId });
    },
    [writer],
  );
  const paper = state?.paper;
  const index = useMemo(() => (paper === undefined ? undefined : indexPaper(paper)), [paper]);

  if (state === undefined || index === undefined) {
    return error === undefined ? (
      <Spin size="large" className="center-spin" />
    ) : (
      <Alert type="error" showIcon message={t('exam.loadFailed')} description={error} />
    );
  }
  return (
    <AssetUrlContext.Provider value={state.assetUrls}>
      <ExamScreen
        paper={state.paper}
        practice={false}
        locked={status.attempt.status !== 'in_progress'}
        answers={state.answers}
        flagged={state.flagged}
        currentId={state.currentId}
        remainingMs={remainingMs}
        saveStatus={status.save}
        fontStep={display.fontStep}
        highContrast={display.highContrast}
        onAnswer={onAnswer}
        onFlag={onFlag}
        onNavigate={onNavigate}
        onFontStep={display.setFontStep}
        onHighContrast={display.setHighContrast}
        onReview={() => setReviewOpen(true)}
      />
      {status.saveRejection !== undefined && (
        <Alert
          banner
          type="error"
          data-testid="save-rejected"
          message={t('exam.saveRejectedBanner', { reason: status.saveRejection.message })}
        />
      )}
      {error !== undefined && (
        <Alert banner type="error" message={error} closable onClose={() => setError(undefined)} />
      )}
      <ReviewDialog
        open={reviewOpen}
        index={index}
        answers={state.answers}
        flagged={state.flagged}
        onGoTo={onNavigate}
        onClose={() => setReviewOpen(false)}
        onSubmit={() => {
          writer.flush();
          window.desktop.invoke('exam:submit', {}).then(
            () => setReviewOpen(false),
            (e: unknown) => setError(errorMessage(e)),
          );
        }}
      />
      {status.attempt.status === 'paused' && <PauseOverlay remainingMs={remainingMs} />}
    </AssetUrlContext.Provider>
  );
}
