import { FilePdfOutlined } from '@ant-design/icons';
import type { SeatingChartKind } from '@skillexam/shared';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { useSeatText } from './seat-messages';
import { useSeatsApi } from './seats-api';

/** 打印座位表 / 门贴: one room's PDF from the server, handed to the browser as a download. */
export function ChartButtons({ sessionId, roomId }: { sessionId: string; roomId: string }) {
  const s = useSeatText();
  const api = useSeatsApi();
  const [busy, setBusy] = useState<SeatingChartKind>();
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const download = async (kind: SeatingChartKind) => {
    setBusy(kind);
    try {
      setResult({
        ok: true,
        text: s('downloaded', { name: await api.chart(sessionId, roomId, kind) }),
      });
    } catch (err) {
      setResult({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Space orientation="vertical">
      <Space wrap>
        <Button
          icon={<FilePdfOutlined />}
          loading={busy === 'chart'}
          onClick={() => void download('chart')}
        >
          {s('chartPdf')}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          loading={busy === 'door'}
          onClick={() => void download('door')}
        >
          {s('doorPdf')}
        </Button>
      </Space>
      {result !== undefined && (
        <Alert
          type={result.ok ? 'success' : 'error'}
          showIcon
          title={result.text}
          {...(result.ok ? {} : { role: 'alert' })}
        />
      )}
    </Space>
  );
}
