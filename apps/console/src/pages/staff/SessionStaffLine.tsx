import { Typography } from 'antd';
import { useQuery } from '../../components/use-call';
import { useStaffText } from './staff-messages';

/**
 * The 监考员 and 督考人员 recorded for a session, one line under the monitor's header
 * (docs/decisions/0985); nothing while neither is recorded.
 */
export function SessionStaffLine({ sessionId }: { sessionId: string }) {
  const text = useStaffText();
  const sessions = useQuery('console:sessions', {}, [sessionId]);
  const mine = sessions.data?.sessions.find((s) => s.session.id === sessionId);
  if (mine === undefined || (mine.proctors.length === 0 && mine.supervisors.length === 0))
    return null;
  const names = (list: readonly string[]) =>
    list.length === 0 ? '—' : list.join(text('listSeparator'));
  return (
    <div>
      <Typography.Text type="secondary" data-testid="session-staff">
        {text('proctors')}: {names(mine.proctors)} · {text('supervisors')}:{' '}
        {names(mine.supervisors)}
      </Typography.Text>
    </div>
  );
}
