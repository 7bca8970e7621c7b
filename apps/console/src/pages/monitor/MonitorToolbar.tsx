import { Segmented, Space } from 'antd';
import { useConsole } from '../../console-context';

export type MonitorView = 'map' | 'table';

interface Props {
  readonly view: MonitorView;
  readonly onView: (view: MonitorView) => void;
  readonly roomId: string | undefined;
  readonly roomOptions: readonly { value: string; label: string }[];
  readonly onRoom: (roomId: string) => void;
}

/** Seat map or table, and (on the map, with several rooms) which room. */
export function MonitorToolbar({ view, onView, roomId, roomOptions, onRoom }: Props) {
  const { t } = useConsole();
  return (
    <Space>
      <Segmented
        value={view}
        onChange={(value) => onView(value === 'table' ? 'table' : 'map')}
        options={[
          { value: 'map', label: t('seatMap') },
          { value: 'table', label: t('table') },
        ]}
      />
      {view === 'map' && roomOptions.length > 1 && (
        <Segmented
          value={roomId ?? ''}
          onChange={(value) => onRoom(String(value))}
          options={[...roomOptions]}
        />
      )}
    </Space>
  );
}
