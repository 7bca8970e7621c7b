import { Alert, Button, Card, Table, Tag } from 'antd';
import type { ConsoleSession } from '@skillexam/shared';
import { useEffect } from 'react';
import { ProctorAssignment } from '../components/ProctorAssignment';
import { useQuery } from '../components/use-call';
import { useConsole } from '../console-context';
import { formatDateTime, joinList, sessionStatusLabel } from '../format/format';

const STATUS_COLOR = {
  scheduled: 'default',
  check_in: 'blue',
  running: 'green',
  paused: 'gold',
  ended: 'purple',
} as const;

export function SessionsPage({ onOpen }: { onOpen: (sessionId: string) => void }) {
  const { t, lang, connection, login } = useConsole();
  const { data, error, reload } = useQuery('console:sessions', {}, []);
  useEffect(() => {
    connection.socket.on('monitor:session', reload);
    return () => {
      connection.socket.off('monitor:session', reload);
    };
  }, [connection, reload]);
  return (
    <Card title={t('sessions')} extra={<Button onClick={reload}>{t('refresh')}</Button>}>
      {error !== undefined && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />
      )}
      {login.role === 'proctor' && data?.sessions.length === 0 && (
        // proctors see only the sessions they are assigned to (docs/decisions/0221)
        <Alert
          data-testid="no-assigned-sessions"
          type="info"
          showIcon
          title={t('noAssignedSessions')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<ConsoleSession>
        data-testid="sessions-table"
        rowKey={(row) => row.session.id}
        loading={data === undefined && error === undefined}
        dataSource={data?.sessions ?? []}
        pagination={false}
        onRow={(row) => ({ onDoubleClick: () => onOpen(row.session.id) })}
        columns={[
          { title: t('session'), render: (_, row) => <b>{row.session.name}</b> },
          { title: 'ID', render: (_, row) => row.session.id },
          {
            title: t('scheduledStart'),
            render: (_, row) => formatDateTime(row.session.scheduledStart),
          },
          { title: t('duration'), render: (_, row) => row.session.durationMinutes },
          {
            title: t('rooms'),
            render: (_, row) =>
              joinList(
                row.rooms.map((r) => r.name),
                lang,
              ),
          },
          { title: t('candidates'), render: (_, row) => row.candidates },
          {
            title: t('proctors'),
            render: (_, row) => (
              <ProctorAssignment
                sessionId={row.session.id}
                proctors={row.proctors}
                onChanged={reload}
              />
            ),
          },
          {
            title: t('status'),
            render: (_, row) => (
              <Tag color={STATUS_COLOR[row.session.status]}>
                {sessionStatusLabel(row.session.status, lang)}
              </Tag>
            ),
          },
          {
            title: '',
            render: (_, row) => (
              <Button type="primary" onClick={() => onOpen(row.session.id)}>
                {t('open')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
