import { Button, Flex } from 'antd';
import type { AttemptView } from '@skillexam/shared';
import { useConsole } from '../../console-context';
import { useAction } from '../use-call';
import { type CandidateDialog } from './CandidateActionDialog';

interface Props {
  readonly attempt: AttemptView;
  readonly onDialog: (dialog: CandidateDialog) => void;
}

/** The actions the candidate's status allows: admit and resume at once, the rest with a reason. */
export function CandidateActions({ attempt, onDialog }: Props) {
  const { t, login } = useConsole();
  const act = useAction();
  const { status } = attempt;
  const live = status === 'in_progress' || status === 'paused';
  const ref = { attemptId: attempt.attemptId };
  return (
    <Flex wrap gap={8} style={{ margin: '16px 0' }} data-testid="panel-actions">
      {status === 'logged_in' && (
        <Button
          type="primary"
          disabled={!attempt.identityConfirmed}
          onClick={() =>
            void act(
              'proctor:admit',
              { sessionId: attempt.sessionId, attemptIds: [attempt.attemptId] },
              `${t('admit')} ✓`,
            )
          }
        >
          {t('admit')}
        </Button>
      )}
      {(status === 'in_progress' || (status === 'paused' && attempt.pauseKind === 'session')) && (
        // during a session pause: keeps this candidate paused when the session resumes (0226)
        <Button onClick={() => onDialog('pause')}>{t('pause')}</Button>
      )}
      {status === 'paused' && attempt.pauseKind !== 'session' && (
        <Button type="primary" onClick={() => void act('proctor:resume', ref, `${t('resume')} ✓`)}>
          {t('resume')}
        </Button>
      )}
      {live && <Button onClick={() => onDialog('extend')}>{t('extend')}</Button>}
      {live && login.role === 'admin' && (
        <Button onClick={() => onDialog('raise-cap')}>{t('raiseExtensionCap')}</Button>
      )}
      {live && (
        <Button danger onClick={() => onDialog('force')}>
          {t('forceSubmit')}
        </Button>
      )}
      {status !== 'voided' && status !== 'absent' && status !== 'registered' && (
        <Button danger type="primary" onClick={() => onDialog('void')}>
          {t('void')}
        </Button>
      )}
      {!['submitted', 'force_submitted', 'voided', 'absent'].includes(status) && (
        <Button onClick={() => onDialog('move')}>{t('move')}</Button>
      )}
      {attempt.lockedUntil !== undefined && (
        <Button onClick={() => void act('proctor:unlock', ref, `${t('unlock')} ✓`)}>
          {t('unlock')}
        </Button>
      )}
      <Button onClick={() => onDialog('message')}>{t('message')}</Button>
    </Flex>
  );
}
