import { Button, Modal, Space } from 'antd';
import type { SessionView } from '@skillexam/shared';
import { useState } from 'react';
import { canAct, useConsole } from '../console-context';
import { ReasonModal } from './ReasonModal';
import { useAction } from './use-call';

interface Props {
  readonly session: SessionView;
  readonly waitingForAdmission: number;
}

/** 开始检录 / 全部准入 / 开考 / 全场暂停 (with compensation) / 全场恢复 / 结束考试. */
export function SessionActions({ session, waitingForAdmission }: Props) {
  const { t, login } = useConsole();
  const act = useAction();
  const [pausing, setPausing] = useState(false);
  if (!canAct(login.role)) return null;
  const ref = { sessionId: session.id };
  const { status } = session;
  const confirmEnd = () =>
    Modal.confirm({
      title: t('dangerTitle'),
      content: '结束考试后，所有未交卷的考生将被自动交卷，且不能恢复。确认结束？',
      okText: t('end'),
      okButtonProps: { danger: true },
      cancelText: t('cancel'),
      onOk: () => act('session:end', ref, `${t('end')} ✓`),
    });
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
        <Button danger type="primary" onClick={confirmEnd}>
          {t('end')}
        </Button>
      )}
      <ReasonModal
        open={pausing}
        danger
        title={t('pauseAll')}
        warning="全场暂停（如断电、断网）：所有作答中的考生暂停计时，恢复后每位考生按暂停时长自动补时。"
        onCancel={() => setPausing(false)}
        onSubmit={async ({ reason }) => {
          if ((await act('session:pause', { ...ref, reason }, `${t('pauseAll')} ✓`)) !== undefined)
            setPausing(false);
        }}
      />
    </Space>
  );
}
