import { Alert, Card, Form, Segmented, Select, Space, Typography } from 'antd';
import type { SeatedCandidate, SessionSeats } from '@skillexam/shared';
import { useCallback, useEffect, useState } from 'react';
import { useConsole } from '../../console-context';
import { AssignGrid } from './AssignGrid';
import { AssignSeatDialog } from './AssignSeatDialog';
import { AutoSeatCard } from './AutoSeatCard';
import { ChartButtons } from './ChartButtons';
import { LayoutEditor } from './LayoutEditor';
import { useSeatText } from './seat-messages';
import { movedText, occupantsOf } from './seat-view';
import { useSeatsApi } from './seats-api';

type Mode = 'edit' | 'assign';

/**
 * 座位图 page of the exam admin (docs/decisions/0967, 0977–0979): per room, edit the seat map,
 * or seat the candidates — automatically (preview, then save) or one seat at a time (click a
 * seat) — before check-in opens; print the 座位表 and 门贴 as PDFs from the server.
 */
export function RoomsPage({ sessionId }: { readonly sessionId: string }) {
  const { t, lang, login } = useConsole();
  const s = useSeatText();
  const api = useSeatsApi();
  const [data, setData] = useState<SessionSeats>();
  const [roomId, setRoomId] = useState<string>();
  const [mode, setMode] = useState<Mode>('edit');
  const [picked, setPicked] = useState<number>();
  const [moved, setMoved] = useState<readonly SeatedCandidate[]>();
  const [error, setError] = useState<string>();

  const reload = useCallback(
    () =>
      api
        .seats(sessionId)
        .then((next) => {
          setData(next);
          setRoomId((id) => id ?? next.rooms[0]?.roomId);
          setError(undefined);
        })
        .catch((err: Error) => setError(err.message)),
    [api, sessionId],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  if (login.role !== 'admin') return <Alert type="warning" showIcon title={t('adminOnly')} />;
  const rooms = data?.rooms ?? [];
  const room = rooms.find((r) => r.roomId === roomId);
  const locked = data !== undefined && data.status !== 'scheduled';
  const occupants = occupantsOf(data?.candidates ?? [], roomId ?? '');

  return (
    <Card title={t('roomLayout')} data-testid="rooms-page">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {mode === 'edit' ? t('roomLayoutHelp') : s('assignHelp')}
        </Typography.Text>
        <Form layout="inline">
          <Form.Item label={t('rooms')} htmlFor="layout-room">
            <Select
              id="layout-room"
              style={{ minWidth: 200 }}
              value={roomId ?? null}
              onChange={(id: string) => (setRoomId(id), setMoved(undefined))}
              options={rooms.map((r) => ({ value: r.roomId, label: `${r.name} (${r.roomId})` }))}
            />
          </Form.Item>
          <Form.Item label={s('modeLabel')}>
            <Segmented<Mode>
              aria-label={s('modeLabel')}
              value={mode}
              onChange={(next) => (setMode(next), setMoved(undefined))}
              options={[
                { value: 'edit', label: s('modeEdit') },
                { value: 'assign', label: s('modeAssign') },
              ]}
            />
          </Form.Item>
        </Form>
        {error !== undefined && <Alert type="error" showIcon role="alert" title={error} />}
        {locked && mode === 'assign' && (
          <Alert
            type="warning"
            showIcon
            title={s('checkInOpen')}
            action={<a href={`#/s/${encodeURIComponent(sessionId)}/monitor`}>{s('toMonitor')}</a>}
          />
        )}
        {room !== undefined && mode === 'edit' && (
          <LayoutEditor
            key={room.roomId}
            sessionId={sessionId}
            room={room}
            onSaved={() => void reload()}
          />
        )}
        {room !== undefined && mode === 'assign' && (
          <>
            {moved !== undefined && (
              <Alert
                type="success"
                showIcon
                title={s('assigned', { text: movedText(moved, rooms, lang) })}
              />
            )}
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
              <div style={{ flex: '0 1 auto', minWidth: 0, maxWidth: '100%' }}>
                <AssignGrid
                  layout={room.layout}
                  occupants={occupants}
                  title={`${room.name} · ${occupants.size} / ${room.layout.seats.length} ${t('seatsUnit')}`}
                  disabled={locked}
                  onPick={setPicked}
                />
              </div>
              <div style={{ flex: '1 1 420px', minWidth: 0 }}>
                <AutoSeatCard
                  key={room.roomId}
                  sessionId={sessionId}
                  roomId={room.roomId}
                  rooms={rooms}
                  disabled={locked}
                  onSaved={() => (setMoved(undefined), void reload())}
                />
              </div>
            </div>
          </>
        )}
        {room !== undefined && <ChartButtons sessionId={sessionId} roomId={room.roomId} />}
      </Space>
      {room !== undefined && picked !== undefined && data !== undefined && (
        <AssignSeatDialog
          sessionId={sessionId}
          target={{ roomId: room.roomId, seat: picked }}
          rooms={rooms}
          candidates={data.candidates}
          onCancel={() => setPicked(undefined)}
          onDone={(done) => {
            setPicked(undefined);
            setMoved(done);
            void reload();
          }}
        />
      )}
    </Card>
  );
}
