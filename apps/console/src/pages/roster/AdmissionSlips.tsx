import { FilePdfOutlined } from '@ant-design/icons';
import type { RoomView } from '@skillexam/shared';
import { Alert, Button, Card, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useConsole } from '../../console-context';
import { useAdminApi } from '../sessions-admin/use-admin-api';

const ALL = '*';

/** 准考证: a PDF per session or room; printing issues NEW exam codes (the old ones stop working). */
export function AdmissionSlips({
  sessionId,
  rooms,
}: {
  readonly sessionId: string;
  readonly rooms: readonly RoomView[];
}) {
  const { t } = useConsole();
  const api = useAdminApi();
  const [room, setRoom] = useState(ALL);
  const [site, setSite] = useState('');
  const [ticket, setTicket] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setBusy(true);
    try {
      const one = ticket.trim();
      const name = await api.slips(
        sessionId,
        room === ALL ? undefined : room,
        site.trim(),
        one === '' ? undefined : one,
      );
      setResult({ ok: true, text: name });
    } catch (err) {
      setResult({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('admissionSlips')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('admissionSlipsHelp')}</Typography.Text>
        <Space wrap>
          <Select
            aria-label={t('rooms')}
            style={{ minWidth: 220 }}
            value={room}
            onChange={setRoom}
            options={[
              { value: ALL, label: t('allRooms') },
              ...rooms.map((r) => ({ value: r.roomId, label: `${r.name} (${r.roomId})` })),
            ]}
          />
          <Input
            aria-label={t('siteName')}
            placeholder={t('siteName')}
            value={site}
            onChange={(e) => setSite(e.target.value)}
            style={{ width: 220 }}
          />
          <Input
            aria-label={t('slipTicket')}
            placeholder={t('slipTicket')}
            value={ticket}
            onChange={(e) => setTicket(e.target.value)}
            style={{ width: 260 }}
          />
          <Button icon={<FilePdfOutlined />} loading={busy} onClick={() => void print()}>
            {t('printSlips')}
          </Button>
        </Space>
        {result !== undefined && (
          <Alert
            type={result.ok ? 'success' : 'error'}
            showIcon
            title={result.ok ? `${t('slipsDownloaded')}: ${result.text}` : result.text}
            {...(result.ok ? {} : { role: 'alert' })}
          />
        )}
      </Space>
    </Card>
  );
}
