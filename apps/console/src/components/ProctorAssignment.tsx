import { Button, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useConsole } from '../console-context';
import { useAction } from './use-call';

/*
 * 监考人员 of one session on the sessions page. Proctors read and act only on the sessions they
 * are assigned to (docs/decisions/0221); an exam admin assigns them here through
 * `session:assign-proctors` (the server checks the role and that every name is a proctor).
 */

export function ProctorAssignment({
  sessionId,
  proctors,
  onChanged,
}: {
  sessionId: string;
  proctors: readonly string[];
  onChanged: () => void;
}) {
  const { t, login } = useConsole();
  const act = useAction();
  const [editing, setEditing] = useState<string[] | undefined>();
  const [saving, setSaving] = useState(false);
  const names =
    proctors.length === 0 ? (
      <Typography.Text type="warning">{t('notAssigned')}</Typography.Text>
    ) : (
      proctors.map((name) => <Tag key={name}>{name}</Tag>)
    );
  if (login.role !== 'admin') return <span data-testid={`proctors-${sessionId}`}>{names}</span>;

  const save = async () => {
    if (editing === undefined) return;
    setSaving(true);
    const result = await act(
      'session:assign-proctors',
      { sessionId, usernames: editing },
      t('assignProctors'),
    );
    setSaving(false);
    if (result === undefined) return; // the error is shown; the dialog stays open
    setEditing(undefined);
    onChanged();
  };

  return (
    <Space size={4} wrap data-testid={`proctors-${sessionId}`}>
      {names}
      <Button size="small" onClick={() => setEditing([...proctors])}>
        {t('assignProctors')}
      </Button>
      <Modal
        title={`${t('assignProctors')} · ${sessionId}`}
        open={editing !== undefined}
        confirmLoading={saving}
        okText={t('confirm')}
        cancelText={t('cancel')}
        onOk={() => void save()}
        onCancel={() => setEditing(undefined)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('assignProctorsHint')}</Typography.Paragraph>
        <Select
          data-testid="assign-proctors-select"
          mode="tags"
          style={{ width: '100%' }}
          value={editing ?? []}
          onChange={(value: string[]) => setEditing(value)}
          // i18n-exempt: a full-width comma separates names too, whatever the language
          tokenSeparators={[',', ' ', '，']}
          open={false}
          suffixIcon={null}
        />
      </Modal>
    </Space>
  );
}
