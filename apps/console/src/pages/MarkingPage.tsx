import { Alert, Button, Card, Empty, InputNumber, List, Space, Tag, Typography } from 'antd';
import type { MarkingTask } from '@skillexam/shared';
import { useState } from 'react';
import { useAction, useQuery } from '../components/use-call';
import { useConsole } from '../console-context';
import { usePageText } from './page-messages';

function TaskItem({ task, onDone }: { task: MarkingTask; onDone: () => void }) {
  const { t } = useConsole();
  const text = usePageText();
  const act = useAction();
  const [points, setPoints] = useState<number | null>(task.myPoints ?? null);
  return (
    <List.Item
      actions={[
        <Space key="mark">
          <InputNumber
            min={0}
            max={task.maxPoints}
            step={0.5}
            value={points}
            onChange={setPoints}
          />
          <span>/ {task.maxPoints}</span>
          <Button
            type="primary"
            disabled={points === null || task.myPoints !== undefined}
            onClick={async () => {
              if (points === null) return;
              const done = await act(
                'marking:submit',
                { attemptId: task.attemptId, itemId: task.itemId, points },
                `${t('submitMark')} ✓`,
              );
              if (done !== undefined) onDone();
            }}
          >
            {t('submitMark')}
          </Button>
        </Space>,
      ]}
    >
      <List.Item.Meta
        title={
          <Space>
            {t('item')} {task.number}
            <Tag>
              {task.status === 'final'
                ? text('markFinal')
                : task.status === 'needs_third_marker'
                  ? text('markNeedsThird')
                  : text('markPending')}
            </Tag>
            <Typography.Text type="secondary">{task.attemptId}</Typography.Text>
          </Space>
        }
        description={
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {task.answerText === '' ? text('unanswered') : task.answerText}
          </Typography.Paragraph>
        }
      />
    </List.Item>
  );
}

/** 简答题 manual marking queue; markers see only their own marks. */
export function MarkingPage({ sessionId }: { sessionId: string }) {
  const { t } = useConsole();
  const { data, error, reload } = useQuery('marking:queue', { sessionId }, [sessionId]);
  return (
    <Card title={t('marking')} extra={<Button onClick={reload}>{t('refresh')}</Button>}>
      {error !== undefined && <Alert type="error" showIcon title={error} />}
      {data !== undefined && data.tasks.length === 0 && <Empty description={t('noTasks')} />}
      {data !== undefined && data.tasks.length > 0 && (
        <List
          dataSource={data.tasks}
          renderItem={(task) => (
            <TaskItem key={`${task.attemptId}/${task.itemId}`} task={task} onDone={reload} />
          )}
        />
      )}
    </Card>
  );
}
