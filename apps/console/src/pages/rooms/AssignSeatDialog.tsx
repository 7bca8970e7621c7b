import type { SeatedCandidate } from '@skillexam/shared';
import { Alert, Form, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSeatText } from './seat-messages';
import { candidateOptions, seatLabelOf, type SeatRoom } from './seat-view';
import { useSeatsApi } from './seats-api';

export interface SeatTarget {
  readonly roomId: string;
  readonly seat: number;
}

interface Props {
  readonly sessionId: string;
  readonly target: SeatTarget;
  readonly rooms: readonly SeatRoom[];
  /** Every live candidate of the session (any room). */
  readonly candidates: readonly SeatedCandidate[];
  readonly onCancel: () => void;
  /** The candidates moved (one, or two for a swap) with their new seats. */
  readonly onDone: (moved: readonly SeatedCandidate[]) => void;
}

/**
 * One seat, one candidate of the session picked by 准考证号 or name; the server moves them (one
 * call, audited) and swaps with whoever sits there — the dialog says so before confirming.
 */
export function AssignSeatDialog({
  sessionId,
  target,
  rooms,
  candidates,
  onCancel,
  onDone,
}: Props) {
  const s = useSeatText();
  const api = useSeatsApi();
  const [candidateId, setCandidateId] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const room = rooms.find((r) => r.roomId === target.roomId);
  const label = seatLabelOf(rooms, target.roomId, target.seat);
  const occupant = candidates.find((c) => c.roomId === target.roomId && c.seat === target.seat);
  const picked = candidates.find((c) => c.candidateId === candidateId);

  const submit = async () => {
    if (candidateId === undefined) return;
    setBusy(true);
    try {
      const { moved } = await api.assign({ sessionId, candidateId, ...target });
      onDone(moved);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={s('assignTitle', { label, room: room?.name ?? target.roomId })}
      okText={s('assignOk')}
      cancelText={s('cancel')}
      okButtonProps={{ disabled: candidateId === undefined, loading: busy }}
      onOk={() => void submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Form layout="vertical">
          <Form.Item label={s('candidate')} htmlFor="assign-candidate">
            <Select
              id="assign-candidate"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={s('candidatePlaceholder')}
              value={candidateId ?? null}
              onChange={(id: string) => (setCandidateId(id), setError(undefined))}
              options={candidateOptions(candidates, rooms)}
            />
          </Form.Item>
        </Form>
        {picked !== undefined && (
          <Typography.Text type="secondary">
            {s('moveNote', {
              name: picked.name,
              room: rooms.find((r) => r.roomId === picked.roomId)?.name ?? picked.roomId,
              label: seatLabelOf(rooms, picked.roomId, picked.seat),
            })}
          </Typography.Text>
        )}
        {occupant !== undefined && occupant.candidateId !== candidateId && (
          <Alert
            type="warning"
            showIcon
            title={s('swapWarning', {
              name: occupant.name,
              ticket: occupant.admissionTicketNumber,
            })}
          />
        )}
        {error !== undefined && <Alert type="error" showIcon role="alert" title={error} />}
      </Space>
    </Modal>
  );
}
