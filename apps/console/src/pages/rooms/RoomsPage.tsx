import { PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, InputNumber, Select, Space, Typography } from 'antd';
import type { RoomView, SeatLayout } from '@skillexam/shared';
import { useEffect, useState } from 'react';
import { useConsole } from '../../console-context';
import { useAdminApi } from '../sessions-admin/use-admin-api';
import { draftOf, gapsOf, toggleDisabled, type GridDraft } from './grid-gaps';
import { SeatGridView } from './SeatGridView';

/**
 * 座位图 editor (exam admin, docs/decisions/0967): rows × columns, aisles and disabled seats;
 * the server numbers the seats (as `room set-layout` does) and refuses a map that strands a
 * candidate; print the chart from the browser.
 */
export function RoomsPage({ sessionId }: { readonly sessionId: string }) {
  const { t, login } = useConsole();
  const api = useAdminApi();
  const [rooms, setRooms] = useState<RoomView[]>([]);
  const [roomId, setRoomId] = useState<string>();
  const [draft, setDraft] = useState<GridDraft>();
  const [layout, setLayout] = useState<SeatLayout>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void api
      .setup(sessionId)
      .then((s) => {
        setRooms(s.rooms);
        const first = s.rooms[0];
        if (first !== undefined) {
          setRoomId(first.roomId);
          setDraft(draftOf(first.layout));
        }
      })
      .catch((err: Error) => setError(err.message));
  }, [api, sessionId]);

  useEffect(() => {
    if (draft === undefined || roomId === undefined) return;
    const request = {
      sessionId,
      roomId,
      rows: draft.rows,
      columns: draft.columns,
      gaps: gapsOf(draft),
    };
    let live = true;
    void api
      .grid({ ...request, save: false })
      .then((r) => live && (setLayout(r.layout), setError(undefined)))
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [api, draft, roomId, sessionId]);

  if (login.role !== 'admin') return <Alert type="warning" showIcon title={t('adminOnly')} />;
  const room = rooms.find((r) => r.roomId === roomId);
  const change = (next: GridDraft) => {
    setSaved(false);
    setDraft(next);
  };
  const save = async () => {
    if (draft === undefined || roomId === undefined) return;
    try {
      const r = await api.grid({
        sessionId,
        roomId,
        rows: draft.rows,
        columns: draft.columns,
        gaps: gapsOf(draft),
        save: true,
      });
      setLayout(r.layout);
      setRooms((list) => list.map((x) => (x.roomId === roomId ? { ...x, layout: r.layout } : x)));
      setSaved(true);
      setError(undefined);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <Card title={t('roomLayout')} data-testid="rooms-page">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('roomLayoutHelp')}</Typography.Text>
        <Form layout="inline">
          <Form.Item label={t('rooms')} htmlFor="layout-room">
            <Select
              id="layout-room"
              style={{ minWidth: 200 }}
              value={roomId ?? null}
              onChange={(id: string) => {
                setRoomId(id);
                const next = rooms.find((r) => r.roomId === id);
                if (next !== undefined) change(draftOf(next.layout));
              }}
              options={rooms.map((r) => ({ value: r.roomId, label: `${r.name} (${r.roomId})` }))}
            />
          </Form.Item>
          {draft !== undefined && (
            <>
              <Form.Item label={t('gridRows')} htmlFor="grid-rows">
                <InputNumber
                  id="grid-rows"
                  min={1}
                  max={100}
                  precision={0}
                  value={draft.rows}
                  onChange={(v) => v !== null && change({ ...draft, rows: v })}
                />
              </Form.Item>
              <Form.Item label={t('gridColumns')} htmlFor="grid-columns">
                <InputNumber
                  id="grid-columns"
                  min={1}
                  max={100}
                  precision={0}
                  value={draft.columns}
                  onChange={(v) => v !== null && change({ ...draft, columns: v })}
                />
              </Form.Item>
              <Form.Item label={t('aisles')} htmlFor="grid-aisles">
                <Select
                  id="grid-aisles"
                  mode="multiple"
                  style={{ minWidth: 160 }}
                  value={[...draft.aisles]}
                  onChange={(aisles: number[]) => change({ ...draft, aisles })}
                  options={Array.from({ length: draft.columns }, (_, i) => ({
                    value: i + 1,
                    label: `${i + 1}`,
                  }))}
                />
              </Form.Item>
            </>
          )}
        </Form>
        {error !== undefined && <Alert type="error" showIcon role="alert" title={error} />}
        {saved && <Alert type="success" showIcon title={t('layoutSaved')} />}
        {draft !== undefined && room !== undefined && (
          <SeatGridView
            draft={draft}
            layout={layout}
            title={`${room.name} · ${layout?.seats.length ?? 0} ${t('seatsUnit')}`}
            onToggle={(row, column) => change(toggleDisabled(draft, row, column))}
          />
        )}
        <Space>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={error !== undefined || layout === undefined}
            onClick={() => void save()}
          >
            {t('saveLayout')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('printChart')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
