import type { StaffAccount } from '@skillexam/shared';
import { Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useQuery, useAction } from '../../components/use-call';
import { useConsole } from '../../console-context';
import { useAdminText } from '../keys/admin-messages';

/*
 * Assigns proctors to a session through `session:assign-proctors`, as `proctor-server session
 * assign-proctors` does; the server checks that each name is an enabled proctor (0221).
 */
export function SessionAssignCard({ staff }: { staff: readonly StaffAccount[] }) {
  const { t } = useConsole();
  const text = useAdminText();
  const act = useAction();
  const sessions = useQuery('console:sessions', {}, []);
  const [sessionId, setSessionId] = useState<string | undefined>();
  const [chosen, setChosen] = useState<string[] | undefined>();
  const list = sessions.data?.sessions ?? [];
  const current = list.find((s) => s.session.id === sessionId);
  const value = chosen ?? current?.proctors ?? [];
  const proctors = staff.filter((s) => s.role === 'proctor' && !s.disabled);

  const save = async () => {
    if (sessionId === undefined) return;
    const result = await act(
      'session:assign-proctors',
      { sessionId, usernames: value },
      text('assigned'),
    );
    if (result === undefined) return;
    setChosen(undefined);
    sessions.reload();
  };

  return (
    <Card size="small" title={text('assignTitle')}>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{text('assignHint')}</Typography.Text>
        <Space wrap>
          <Select
            style={{ minWidth: 360 }}
            aria-label={t('session')}
            placeholder={t('session')}
            value={sessionId ?? null}
            onChange={(id: string) => {
              setSessionId(id);
              setChosen(undefined);
            }}
            options={list.map((s) => ({
              value: s.session.id,
              label: `${s.session.name} (${s.session.id})`,
            }))}
            data-testid="assign-session"
          />
          <Select
            mode="multiple"
            style={{ minWidth: 360 }}
            aria-label={t('proctors')}
            placeholder={t('proctors')}
            disabled={sessionId === undefined}
            value={value}
            onChange={(names: string[]) => setChosen(names)}
            options={proctors.map((p) => ({ value: p.username, label: p.username }))}
            data-testid="assign-proctors"
          />
          <Button type="primary" disabled={sessionId === undefined} onClick={() => void save()}>
            {text('saveAssignment')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
