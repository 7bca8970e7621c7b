import type { ExamAgentStatus } from '@skillexam/shared';
import { Card, Result } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { ExitPrompt } from './ExitPrompt';
import { KioskLogin } from './KioskLogin';
import { KioskSubmitted } from './KioskSubmitted';
import { KioskWaiting } from './KioskWaiting';
import { LiveExam } from './LiveExam';
import { PracticeExam } from './PracticeExam';
import { ProctorNotices } from './ProctorNotices';
import './kiosk.css';

/**
 * The candidate's flow: login → identity → waiting → exam → submitted, driven by the exam
 * agent's status (pushed by the host). A reloaded page picks up the agent's current attempt.
 */
export function KioskApp({ webClient }: { readonly webClient: boolean }) {
  return (
    <>
      <KioskScreens webClient={webClient} />
      <ExitPrompt />
    </>
  );
}

function KioskScreens({ webClient }: { readonly webClient: boolean }) {
  const [mode, setMode] = useState<'login' | 'practice' | 'exam'>('login');
  const [status, setStatus] = useState<ExamAgentStatus>();

  useEffect(() => {
    const unsubscribe = window.desktop.subscribe((event) => {
      if (event.type === 'exam:status') setStatus(event.status);
    });
    window.desktop.invoke('exam:status', {}).then(
      (current) => {
        setStatus(current);
        setMode('exam');
      },
      () => undefined, // not logged in yet
    );
    return unsubscribe;
  }, []);

  if (mode === 'practice') return <PracticeExam />;
  if (mode === 'login' || status === undefined) {
    return (
      <KioskLogin
        onLoggedIn={(s) => {
          setStatus(s);
          setMode('exam');
        }}
        onPractice={() => setMode('practice')}
        webClient={webClient}
      />
    );
  }
  return (
    <>
      <ProctorNotices notices={status.notices ?? []} />
      <AttemptScreen status={status} />
    </>
  );
}

/** The screen for the attempt's state, as the exam agent reports it. */
function AttemptScreen({ status }: { readonly status: ExamAgentStatus }) {
  const { t } = useI18n();
  switch (status.attempt.status) {
    case 'registered':
    case 'logged_in':
    case 'admitted':
      return <KioskWaiting status={status} />;
    case 'in_progress':
    case 'paused':
      return <LiveExam status={status} />;
    case 'submitted':
    case 'force_submitted':
      return <KioskSubmitted status={status} />;
    case 'voided':
    case 'absent':
      return (
        <div className="kiosk-center">
          <Card className="kiosk-card wide">
            <Result
              status="warning"
              title={t('kiosk.voidedTitle')}
              subTitle={t('kiosk.voidedText')}
            />
          </Card>
        </div>
      );
  }
}
