import { Card, Table, Tabs } from 'antd';
import type { AttemptView, KioskEventNotice } from '@skillexam/shared';
import type { RefObject } from 'react';
import { useConsole } from '../../console-context';
import type { RoomState } from '../../store/room-state';
import { KioskEventList } from './KioskEventList';
import { useMonitorText } from './monitor-messages';

interface Props {
  /** The latest report of each kind per candidate. */
  readonly latestEvents: readonly KioskEventNotice[];
  /** Every recent report, newest first. */
  readonly kioskEvents: readonly KioskEventNotice[];
  readonly absent: RoomState['absent'];
  readonly attempts: RefObject<Readonly<Record<string, AttemptView>>>;
  readonly onSelect: (attemptId: string) => void;
}

/** Beside the seat map: the latest kiosk reports, all recent reports, and the absent list. */
export function MonitorSidePanel({ latestEvents, kioskEvents, absent, attempts, onSelect }: Props) {
  const { t } = useConsole();
  const text = useMonitorText();
  return (
    <Card size="small" styles={{ body: { padding: 0 } }}>
      <Tabs
        size="small"
        tabBarStyle={{ paddingInline: 12, marginBottom: 0 }}
        items={[
          {
            // the latest report of each kind per candidate: a flood buries none (0222)
            key: 'latest',
            label: `${t('latestEvents')} (${latestEvents.length})`,
            children: (
              <KioskEventList
                events={latestEvents}
                attempts={attempts}
                showCount
                testId="latest-kiosk-events"
                onSelect={onSelect}
              />
            ),
          },
          {
            key: 'events',
            label: `${t('recentEvents')} (${kioskEvents.length})`,
            children: (
              <KioskEventList
                events={kioskEvents.slice(0, 100)}
                attempts={attempts}
                onSelect={onSelect}
              />
            ),
          },
          {
            key: 'absent',
            label: `${t('absentList')} (${absent.length})`,
            children: (
              <Table
                size="small"
                data-testid="absent-list"
                rowKey="attemptId"
                pagination={false}
                scroll={{ y: 520 }}
                dataSource={[...absent]}
                locale={{ emptyText: text('absentEmpty') }}
                columns={[
                  { title: t('seat'), dataIndex: 'seat', width: 60 },
                  { title: t('ticket'), dataIndex: 'admissionTicketNumber' },
                  { title: t('name'), dataIndex: 'name', width: 80 },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
