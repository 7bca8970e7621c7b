import { Card, Col, Row, Statistic } from 'antd';
import type { StatusCounts } from '../../store/counts';
import { COUNT_TILES } from './monitor-labels';
import { useMonitorText } from './monitor-messages';

/** One tile per status bucket: 未登录, 已登录, 待审核, 作答中, 暂停, 离线, 已交卷. */
export function StatusCountTiles({ counts }: { readonly counts: StatusCounts }) {
  const text = useMonitorText();
  return (
    <Row gutter={[12, 12]} data-testid="status-counts">
      {COUNT_TILES.map((tile) => (
        <Col key={tile.key} flex="1 1 120px">
          <Card size="small" styles={{ body: { padding: '10px 14px' } }}>
            <Statistic
              title={text(tile.key)}
              value={counts[tile.key]}
              styles={{ content: { color: tile.color, fontSize: 26 } }}
              data-testid={`count-${tile.key}`}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
