import { EyeOutlined, SaveOutlined } from '@ant-design/icons';
import type { AutoSeatResult, SeatOrder } from '@skillexam/shared';
import { Alert, Button, Card, Popconfirm, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSeatText } from './seat-messages';
import { seatName, type SeatRoom } from './seat-view';
import { useSeatsApi } from './seats-api';

interface Props {
  readonly sessionId: string;
  readonly roomId: string;
  readonly rooms: readonly SeatRoom[];
  readonly disabled: boolean;
  readonly onSaved: () => void;
}

type Scope = 'room' | 'session';

/**
 * 自动排座: this room or the whole session, by 准考证号 or at random; a preview first (nothing
 * written), then the previewed plan saved (a random draw keeps the seed the preview showed).
 */
export function AutoSeatCard({ sessionId, roomId, rooms, disabled, onSaved }: Props) {
  const s = useSeatText();
  const api = useSeatsApi();
  const [scope, setScope] = useState<Scope>('room');
  const [order, setOrder] = useState<SeatOrder>('admission');
  const [plan, setPlan] = useState<AutoSeatResult>();
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const request = { sessionId, order, ...(scope === 'room' ? { roomId } : {}) };

  const run = async (save: boolean) => {
    setBusy(true);
    try {
      const reply = await api.auto({
        ...request,
        save,
        ...(save && plan?.seed !== undefined ? { seed: plan.seed } : {}),
      });
      const count = reply.rooms.reduce((n, r) => n + r.assignments.length, 0);
      if (save) {
        setPlan(undefined);
        setResult({ ok: true, text: s('seatsSaved', { count }) });
        onSaved();
      } else {
        setPlan(reply);
        setResult(undefined);
      }
    } catch (err) {
      setResult({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const reset = () => setPlan(undefined);
  const rows = (plan?.rooms ?? []).flatMap((r) => r.assignments);

  return (
    <Card size="small" title={s('autoTitle')} data-testid="auto-seat">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{s('autoHelp')}</Typography.Text>
        <Space wrap>
          <Radio.Group
            aria-label={s('scope')}
            value={scope}
            disabled={disabled}
            onChange={(e) => (setScope(e.target.value as Scope), reset())}
            options={[
              { value: 'room', label: s('scopeRoom') },
              { value: 'session', label: s('scopeSession') },
            ]}
          />
          <Radio.Group
            aria-label={s('order')}
            value={order}
            disabled={disabled}
            onChange={(e) => (setOrder(e.target.value as SeatOrder), reset())}
            options={[
              { value: 'admission', label: s('orderAdmission') },
              { value: 'random', label: s('orderRandom') },
            ]}
          />
          <Button
            icon={<EyeOutlined />}
            loading={busy}
            disabled={disabled}
            onClick={() => void run(false)}
          >
            {s('preview')}
          </Button>
          <Popconfirm
            title={s('saveConfirm')}
            okText={s('saveSeats')}
            cancelText={s('cancel')}
            onConfirm={() => run(true)}
          >
            <Button
              type="primary"
              icon={<SaveOutlined />}
              disabled={disabled || plan === undefined}
            >
              {s('saveSeats')}
            </Button>
          </Popconfirm>
        </Space>
        {result !== undefined && (
          <Alert
            type={result.ok ? 'success' : 'error'}
            showIcon
            title={result.text}
            {...(result.ok ? {} : { role: 'alert' })}
          />
        )}
        {plan !== undefined && (
          <>
            <Typography.Text strong>
              {s('previewOf', { count: rows.length })}
              {plan.seed === undefined ? '' : ` · ${s('seed')} ${plan.seed}`}
            </Typography.Text>
            <Table
              size="small"
              data-testid="auto-seat-preview"
              rowKey="candidateId"
              dataSource={rows}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: s('colTicket'), dataIndex: 'admissionTicketNumber' },
                { title: s('colName'), dataIndex: 'name' },
                {
                  title: s('colFrom'),
                  key: 'from',
                  render: (_v, a) => seatName(rooms, a.fromRoomId, a.fromSeat),
                },
                {
                  title: s('colTo'),
                  key: 'to',
                  render: (_v, a) => seatName(rooms, a.roomId, a.seat),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
