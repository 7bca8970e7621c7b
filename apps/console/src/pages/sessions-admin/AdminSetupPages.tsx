import { Segmented, Space } from 'antd';
import type { ReactNode } from 'react';
import type { Route, SessionPage } from '../../api/routes';
import { useConsole } from '../../console-context';
import { CandidatesPage } from '../candidates/CandidatesPage';
import { RoomsPage } from '../rooms/RoomsPage';
import { RosterPage } from '../roster/RosterPage';
import { SessionFormPage } from './SessionFormPage';

type SessionRoute = Extract<Route, { name: 'session' }>;
type Go = (route: Route) => void;

/** The set-up pages of one session, one click apart however full the header menu is. */
function SetupNav({ route, go, children }: { route: SessionRoute; go: Go; children: ReactNode }) {
  const { t } = useConsole();
  const { sessionId } = route;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Segmented<SessionPage>
        aria-label={t('sessionSetup')}
        value={route.page}
        onChange={(page) => go({ name: 'session', sessionId, page })}
        options={[
          { value: 'setup', label: t('editSession') },
          { value: 'roster', label: t('roster') },
          { value: 'candidates', label: t('candidateAdmin') },
          { value: 'rooms', label: t('roomLayout') },
          { value: 'monitor', label: t('monitor') },
        ]}
      />
      {children}
    </Space>
  );
}

function pageOf(route: SessionRoute, go: Go): ReactNode {
  switch (route.page) {
    case 'setup':
      return (
        <SessionFormPage
          key={route.sessionId}
          sessionId={route.sessionId}
          onSaved={(id) => go({ name: 'session', sessionId: id, page: 'monitor' })}
        />
      );
    case 'roster':
      return <RosterPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'candidates':
      return <CandidatesPage key={route.sessionId} sessionId={route.sessionId} />;
    case 'rooms':
      return <RoomsPage key={route.sessionId} sessionId={route.sessionId} />;
    default:
      return undefined;
  }
}

/** The exam admin's set-up pages for the shell's current route (nothing for other routes). */
export function AdminSetupPages({ route, go }: { readonly route: Route; readonly go: Go }) {
  if (route.name === 'new-session')
    return (
      <SessionFormPage onSaved={(id) => go({ name: 'session', sessionId: id, page: 'roster' })} />
    );
  if (route.name !== 'session') return null;
  const page = pageOf(route, go);
  return page === undefined ? null : (
    <SetupNav route={route} go={go}>
      {page}
    </SetupNav>
  );
}
