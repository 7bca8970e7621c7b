import { Button, Space } from 'antd';
import type { SessionView } from '@skillexam/shared';
import { useState } from 'react';
import { canAct, useConsole } from '../console-context';
import { useActionText } from './candidate-panel/action-messages';
import { ReasonModal } from './ReasonModal';
import { useAction } from './use-call';

interface Props {
  readonly session: SessionView;
  readonly waitingForAdmission: number;
}

/**
 * 开始检录 / 全部准入 / 开考 / 全场暂停 (with compensation) / 全场恢复 / 结束考试. Pausing and
 * ending ask for a reason and a confirmation; the server audits the reason (docs/decisions/0986).
 */
export function SessionActions({ session, waitingForAdmission }: Props) {
  const { t, login } = useConsole();
  const text = useActionText();
  const act = useAction();
  const [pausing, setPausing] = useState(false);
  const [ending, setEnding] = useState(false);
  if (!canAct(login.role)) return null;
  const ref = { sessionId: session.id };
  const { status } = session;
  return (
    <Space wrap data-testid="session-actions">
      {status === 'scheduled' && (
        <Button
          type="primary"
          onClick={() => void act('session:open-check-in', ref, `${t('openCheckIn')} ✓`)}
        >
          {t('openCheckIn')}
        </Button>
      )}
      {(status === 'check_in' || status === 'running') && (
        <Button
          disabled={waitingForAdmission === 0}
          onClick={() => void act('proctor:admit', ref, `${t('admitAll')} ✓`)}
        >
          {t('admitAll')} ({waitingForAdmission})
        </Button>
      )}
      {status === 'check_in' && (
        <Button type="primary" onClick={() => void act('session:start', ref, `${t('start')} ✓`)}>
          {t('start')}
        </Button>
      )}
      {status === 'running' && (
        <Button danger onClick={() => setPausing(true)}>
          {t('pauseAll')}
        </Button>
      )}
      {status === 'paused' && (
        <Button
          type="primary"
          onClick={() => void act('session:resume', ref, `${t('resumeAll')} ✓`)}
        >
          {t('resumeAll')}
        </Button>
      )}
      {(status === 'running' || status === 'paused') && (
        <Button danger type="primary" onClick={() => setEnding(true)}>
          {t('end')}
        </Button>
      )}
      <ReasonModal
        open={pausing}
        danger
        title={t('pauseAll')}
        warning={text('pauseAllWarning')}
        onCancel={() => setPausing(false)}
        onSubmit={async ({ reason }) => {
          if ((await act('session:pause', { ...ref, reason }, `${t('pauseAll')} ✓`)) !== undefined)
            setPausing(false);
        }}
      />
      <ReasonModal
        open={ending}
        danger
        title={text('endTitle', { name: session.name })}
        warning={text('endWarning')}
        okText={t('end')}
        onCancel={() => setEnding(false)}
        onSubmit={async ({ reason }) => {
          if ((await act('session:end', { ...ref, reason }, `${t('end')} ✓`)) !== undefined)
            setEnding(false);
        }}
      />
    </Space>
  );
}
