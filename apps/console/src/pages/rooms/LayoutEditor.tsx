import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Form, InputNumber, Select, Space } from 'antd';
import type { SeatLayout } from '@skillexam/shared';
import { useEffect, useState } from 'react';
import { useConsole } from '../../console-context';
import { useAdminApi } from '../sessions-admin/use-admin-api';
import { draftOf, gapsOf, toggleDisabled, type GridDraft } from './grid-gaps';
import { SeatGridView } from './SeatGridView';
import type { SeatRoom } from './seat-view';

interface Props {
  readonly sessionId: string;
  readonly room: SeatRoom;
  readonly onSaved: (layout: SeatLayout) => void;
}

/**
 * 座位图 editor of one room (docs/decisions/0967): rows × columns, aisles and disabled seats;
 * the server numbers the seats (as `room set-layout` does) and refuses a map that strands a
 * candidate.
 */
export function LayoutEditor({ sessionId, room, onSaved }: Props) {
  const { t } = useConsole();
  const api = useAdminApi();
  const [draft, setDraft] = useState<GridDraft>(() => draftOf(room.layout));
  const [layout, setLayout] = useState<SeatLayout>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const { roomId } = room;

  useEffect(() => {
    const request = { sessionId, roomId, rows: draft.rows, columns: draft.columns };
    let live = true;
    void api
      .grid({ ...request, gaps: gapsOf(draft), save: false })
      .then((r) => live && (setLayout(r.layout), setError(undefined)))
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, [api, draft, roomId, sessionId]);

  const change = (next: GridDraft) => {
    setSaved(false);
    setDraft(next);
  };
  const save = async () => {
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
      setSaved(true);
      setError(undefined);
      onSaved(r.layout);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Form layout="inline">
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
      </Form>
      {error !== undefined && <Alert type="error" showIcon role="alert" title={error} />}
      {saved && <Alert type="success" showIcon title={t('layoutSaved')} />}
      <SeatGridView
        draft={draft}
        layout={layout}
        title={`${room.name} · ${layout?.seats.length ?? 0} ${t('seatsUnit')}`}
        onToggle={(row, column) => change(toggleDisabled(draft, row, column))}
      />
      <Button
        type="primary"
        icon={<SaveOutlined />}
        disabled={error !== undefined || layout === undefined}
        onClick={() => void save()}
      >
        {t('saveLayout')}
      </Button>
    </Space>
  );
}
