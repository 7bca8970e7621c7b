import type { StaffAccount } from '@skillexam/shared';
import { Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useQuery, useAction } from '../../components/use-call';
import { useConsole } from '../../console-context';
import { useAdminText } from '../keys/admin-messages';
import { useStaffText } from './staff-messages';

/*
 * Assigns a session's proctors through `session:assign-proctors`, as `proctor-server session
 * assign-proctors` does (the server checks each name is a proctor; 0221), and records its
 * 督考人员 through `session:assign-supervisors` (supervisors only; docs/decisions/0985).
 */
export function SessionAssignCard({ staff }: { staff: readonly StaffAccount[] }) {
  const { t } = useConsole();
  const text = useAdminText();
  const staffText = useStaffText();
  const act = useAction();
  const sessions = useQuery('console:sessions', {}, []);
  const [sessionId, setSessionId] = useState<string | undefined>();
  const [proctorsChosen, setProctors] = useState<string[] | undefined>();
  const [supervisorsChosen, setSupervisors] = useState<string[] | undefined>();
  const list = sessions.data?.sessions ?? [];
  const current = list.find((s) => s.session.id === sessionId);
  const proctors = proctorsChosen ?? current?.proctors ?? [];
  const supervisors = supervisorsChosen ?? current?.supervisors ?? [];
  const enabled = (role: StaffAccount['role']) =>
    staff
      .filter((s) => s.role === role && !s.disabled)
      .map((p) => ({ value: p.username, label: p.username }));

  const save = async () => {
    if (sessionId === undefined) return;
    const first = await act('session:assign-proctors', { sessionId, usernames: proctors });
    if (first === undefined) return;
    const payload = { sessionId, usernames: supervisors };
    const second = await act('session:assign-supervisors', payload, text('assigned'));
    if (second === undefined) return;
    setProctors(undefined);
    setSupervisors(undefined);
    sessions.reload();
  };

  return (
    <Card size="small" title={staffText('assignTitle')}>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{staffText('assignHint')}</Typography.Text>
        <Select
          style={{ width: '100%', maxWidth: 560 }}
          aria-label={t('session')}
          placeholder={t('session')}
          value={sessionId ?? null}
          onChange={(id: string) => {
            setSessionId(id);
            setProctors(undefined);
            setSupervisors(undefined);
          }}
          options={list.map((s) => ({
            value: s.session.id,
            label: `${s.session.name} (${s.session.id})`,
          }))}
          data-testid="assign-session"
        />
        <Space wrap align="start">
          <Select
            mode="multiple"
            style={{ minWidth: 320 }}
            aria-label={staffText('proctors')}
            placeholder={staffText('proctors')}
            disabled={sessionId === undefined}
            value={proctors}
            onChange={(names: string[]) => setProctors(names)}
            options={enabled('proctor')}
            data-testid="assign-proctors"
          />
          <Select
            mode="multiple"
            style={{ minWidth: 320 }}
            aria-label={staffText('supervisors')}
            placeholder={staffText('supervisors')}
            disabled={sessionId === undefined}
            value={supervisors}
            onChange={(names: string[]) => setSupervisors(names)}
            options={enabled('supervisor')}
            data-testid="assign-supervisors"
          />
          <Button type="primary" disabled={sessionId === undefined} onClick={() => void save()}>
            {text('saveAssignment')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
