import { Button, Flex, Progress, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { countText, percentOf, phaseText } from './progress-view';
import type { OperationView } from './use-operation';

/**
 * A long operation's progress as the work reports it: phase, label, count, a bar with a
 * percentage when the total is known (indeterminate otherwise) and 取消.
 */
export function OperationProgress({
  view,
  onCancel,
  testId,
}: {
  readonly view: OperationView;
  readonly onCancel?: () => void;
  readonly testId: string;
}) {
  const { t } = useI18n();
  if (view.kind === 'finished') {
    return (
      <div data-testid={`${testId}-panel`} data-state="finished" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" data-testid={`${testId}-count`}>
          {view.summary}
        </Typography.Text>
        <Progress percent={100} data-testid={testId} />
      </div>
    );
  }
  const { event } = view;
  const percent = event === undefined ? undefined : percentOf(event);
  return (
    <div data-testid={`${testId}-panel`} data-state="running" style={{ marginBottom: 12 }}>
      <Flex justify="space-between" align="center" gap={12}>
        <Typography.Text type="secondary" data-testid={`${testId}-phase`}>
          {event === undefined ? view.title : phaseText(event, t)}
        </Typography.Text>
        <Flex align="center" gap={12}>
          {event !== undefined && (
            <Typography.Text data-testid={`${testId}-count`}>{countText(event, t)}</Typography.Text>
          )}
          {onCancel !== undefined && (
            <Button
              size="small"
              danger
              loading={view.cancelling}
              onClick={onCancel}
              data-testid={`${testId}-cancel`}
            >
              {t('common.cancel')}
            </Button>
          )}
        </Flex>
      </Flex>
      {percent === undefined ? (
        // Indeterminate: a moving bar, and no aria-valuenow (the total is not known).
        <Progress
          percent={100}
          status="active"
          showInfo={false}
          aria-valuenow={undefined}
          data-testid={testId}
          data-indeterminate="true"
        />
      ) : (
        <Progress percent={percent} status="active" data-testid={testId} />
      )}
    </div>
  );
}
