import { Alert, Drawer, Typography } from 'antd';
import type { AttemptProgress, AttemptView, KioskEventNotice, RoomView } from '@skillexam/shared';
import { useState } from 'react';
import { canAct, useConsole } from '../console-context';
import { attemptTimeLeft } from '../format/format';
import { isOffline } from '../store/counts';
import {
  CandidateActionDialog,
  type CandidateDialog,
} from './candidate-panel/CandidateActionDialog';
import { CandidateActions } from './candidate-panel/CandidateActions';
import { CandidateFacts } from './candidate-panel/CandidateFacts';
import { CandidateHeader } from './candidate-panel/CandidateHeader';
import { CandidateTimeline } from './candidate-panel/CandidateTimeline';
import { useCandidatePhoto } from './candidate-panel/use-candidate-photo';
import { useComponentText } from './component-messages';
import { useQuery } from './use-call';

interface Props {
  readonly attempt: AttemptView;
  readonly progress: AttemptProgress | undefined;
  readonly rooms: readonly RoomView[];
  readonly serverNow: number;
  /** The session's 补时上限 rule (minutes); an exam admin may raise it for one candidate. */
  readonly extensionCapMinutes: number;
  /** The latest pushed refusal of one of this candidate's answers (docs/decisions/0227). */
  readonly saveRejection?: KioskEventNotice | undefined;
  readonly onClose: () => void;
}

/** Identity, progress, timeline and the actions on one candidate. */
export function CandidatePanel({
  attempt,
  progress,
  rooms,
  serverNow,
  extensionCapMinutes,
  saveRejection,
  onClose,
}: Props) {
  const { t, login } = useConsole();
  const text = useComponentText();
  const [dialog, setDialog] = useState<CandidateDialog | undefined>();
  const timeline = useQuery('console:timeline', { attemptId: attempt.attemptId }, [
    attempt.attemptId,
    attempt,
    saveRejection,
  ]);
  // Pushed live, or found in the timeline (audit) when the console was opened later.
  const rejectedDetail =
    saveRejection?.detail ??
    timeline.data?.entries.filter((e) => e.kind === 'answer.rejected').at(-1)?.detail;
  const photo = useCandidatePhoto(attempt, login.token);
  const roomName = rooms.find((r) => r.roomId === attempt.roomId)?.name ?? attempt.roomId;
  return (
    <Drawer
      open
      size={520}
      title={`${attempt.name} · ${t('seat')} ${attempt.seat}`}
      onClose={onClose}
      data-testid="candidate-panel"
    >
      <CandidateHeader
        attempt={attempt}
        photo={photo}
        offline={isOffline(attempt, progress, serverNow)}
        saveRejected={rejectedDetail !== undefined}
      />
      {rejectedDetail !== undefined && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={text('saveRejectedAlert')}
          description={rejectedDetail}
        />
      )}
      <CandidateFacts
        attempt={attempt}
        progress={progress}
        roomName={roomName}
        left={attemptTimeLeft(attempt, serverNow)}
      />

      {canAct(login.role) && <CandidateActions attempt={attempt} onDialog={setDialog} />}

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('timeline')}
      </Typography.Title>
      <CandidateTimeline entries={timeline.data?.entries ?? []} />

      <CandidateActionDialog
        dialog={dialog}
        attempt={attempt}
        rooms={rooms}
        extensionCapMinutes={extensionCapMinutes}
        onClose={() => setDialog(undefined)}
      />
    </Drawer>
  );
}
