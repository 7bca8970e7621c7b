import { Empty, List, Tag } from 'antd';
import type { AttemptView, KioskEventNotice } from '@skillexam/shared';
import type { RefObject } from 'react';
import { formatClock } from '../../format/format';
import { kioskLabel, useMonitorText } from './monitor-messages';

interface Props {
  readonly events: readonly KioskEventNotice[];
  /** The room's attempts, read when an item renders (seat and name of the reporting candidate). */
  readonly attempts: RefObject<Readonly<Record<string, AttemptView>>>;
  /** Shows ×N for coalesced repeats. */
  readonly showCount?: boolean;
  readonly testId?: string;
  readonly onSelect: (attemptId: string) => void;
}

/** Kiosk reports, each naming its candidate's seat; a click opens the candidate. */
export function KioskEventList({ events, attempts, showCount = false, testId, onSelect }: Props) {
  const text = useMonitorText();
  return (
    <List
      size="small"
      {...(testId === undefined ? {} : { 'data-testid': testId })}
      style={{ maxHeight: 560, overflow: 'auto' }}
      dataSource={[...events]}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      renderItem={(event) => {
        const a = attempts.current[event.attemptId];
        return (
          <List.Item
            style={{ cursor: 'pointer', paddingInline: 12 }}
            onClick={() => onSelect(event.attemptId)}
          >
            <span>
              <b>{formatClock(event.at)}</b> {a?.seat ?? ''} {a?.name ?? event.attemptId}{' '}
              <Tag color="red">{kioskLabel(text, event.kind)}</Tag>
              {showCount && (event.count ?? 1) > 1 && <Tag>×{event.count}</Tag>}
            </span>
          </List.Item>
        );
      }}
    />
  );
}
