import type { AttemptView, RoomView } from '@skillexam/shared';
import { useConsole } from '../../console-context';
import { ReasonModal, type ReasonValues } from '../ReasonModal';
import { useAction } from '../use-call';
import { useActionText } from './action-messages';

export type CandidateDialog =
  'pause' | 'extend' | 'raise-cap' | 'force' | 'void' | 'move' | 'message';

interface Props {
  readonly dialog: CandidateDialog | undefined;
  readonly attempt: AttemptView;
  readonly rooms: readonly RoomView[];
  /** The session's 补时上限 rule (minutes). */
  readonly extensionCapMinutes: number;
  readonly onClose: () => void;
}

/** The reason (and minutes, seat) dialog of an action on one candidate, and the action itself. */
export function CandidateActionDialog({
  dialog,
  attempt,
  rooms,
  extensionCapMinutes,
  onClose,
}: Props) {
  const { t } = useConsole();
  const text = useActionText();
  const act = useAction();
  const ref = { attemptId: attempt.attemptId };
  // 补时上限 (docs/decisions/0223): the candidate's raised cap, else the session rule
  const capMinutes = Math.floor((attempt.extensionCapMs ?? extensionCapMinutes * 60_000) / 60_000);
  const extendedMinutes = Math.round(attempt.extensionMs / 60_000);
  const extendLeft = Math.max(0, capMinutes - extendedMinutes);
  const run = async (promise: Promise<unknown>) => {
    if ((await promise) !== undefined) onClose();
  };

  const submit = async (values: ReasonValues) => {
    const reason = values.reason;
    switch (dialog) {
      case 'pause':
        return run(act('proctor:pause', { ...ref, reason }, `${t('pause')} ✓`));
      case 'extend':
        return run(
          act(
            'proctor:extend',
            { ...ref, reason, minutes: values.minutes ?? 0 },
            `${t('extend')} ✓`,
          ),
        );
      case 'raise-cap':
        return run(
          act(
            'proctor:extension-cap',
            { ...ref, reason, capMinutes: values.minutes ?? 0 },
            `${t('raiseExtensionCap')} ✓`,
          ),
        );
      case 'force':
        return run(act('proctor:force-submit', { ...ref, reason }, `${t('forceSubmit')} ✓`));
      case 'void':
        return run(act('proctor:void', { ...ref, reason }, `${t('void')} ✓`));
      case 'move':
        return run(
          act(
            'proctor:move',
            {
              ...ref,
              reason,
              roomId: values.roomId ?? attempt.roomId,
              seat: values.seat ?? attempt.seat,
            },
            `${t('move')} ✓`,
          ),
        );
      case 'message':
        return run(
          act(
            'proctor:message',
            { sessionId: attempt.sessionId, attemptId: attempt.attemptId, text: reason },
            `${t('message')} ✓`,
          ),
        );
      case undefined:
        return undefined;
    }
  };

  return (
    <ReasonModal
      open={dialog !== undefined}
      title={
        dialog === 'pause'
          ? t('pause')
          : dialog === 'extend'
            ? t('extend')
            : dialog === 'raise-cap'
              ? t('raiseExtensionCap')
              : dialog === 'force'
                ? t('forceSubmit')
                : dialog === 'void'
                  ? t('void')
                  : dialog === 'move'
                    ? t('move')
                    : t('message')
      }
      danger={dialog === 'force' || dialog === 'void'}
      {...(dialog === 'force'
        ? { warning: text('forceWarning', { name: attempt.name }) }
        : dialog === 'void'
          ? { warning: text('voidWarning', { name: attempt.name }) }
          : {})}
      withMinutes={dialog === 'extend' || dialog === 'raise-cap'}
      {...(dialog === 'extend'
        ? {
            minutesMax: Math.max(1, extendLeft),
            minutesHint: text('extendHint', {
              cap: capMinutes,
              done: extendedMinutes,
              left: extendLeft,
            }),
          }
        : dialog === 'raise-cap'
          ? {
              minutesMax: 600,
              minutesInitial: Math.min(600, capMinutes + 30),
              minutesLabel: text('capLabel'),
              minutesHint: text('capHint', { rule: extensionCapMinutes, done: extendedMinutes }),
            }
          : {})}
      {...(dialog === 'move' ? { rooms: rooms.map((r) => ({ id: r.roomId, name: r.name })) } : {})}
      {...(dialog === 'message' ? { reasonLabel: t('message') } : {})}
      onCancel={onClose}
      onSubmit={submit}
    />
  );
}
