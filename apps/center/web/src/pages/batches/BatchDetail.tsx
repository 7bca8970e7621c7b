import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCenter } from '../../center-context';
import type { BatchDetail as Detail, IssuedCertificate } from '../../api/center-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateTime } from '../../components/format';
import { useLoad } from '../../components/use-load';
import { IssuedList } from '../certificates/IssuedList';
import { BatchEditing } from './BatchEditing';
import { BatchReview } from './BatchReview';
import { CandidatesTable } from './CandidatesTable';
import { LEVEL_NAMES, levelHasReview, STATUS_COLOUR } from './batch-levels';

interface Props {
  readonly batchId: string;
  readonly onBack: () => void;
  readonly onChanged: () => void;
}

/** One batch: what it is, its candidates' outcomes, editing while a draft, the review. */
export function BatchDetail({ batchId, onBack, onChanged }: Props) {
  const { api, login, t } = useCenter();
  const [issued, setIssued] = useState<readonly IssuedCertificate[] | undefined>();
  const detail = useLoad(() => api.get<Detail>(`/api/batches/${batchId}`), [api, batchId]);
  const changed = () => {
    detail.reload();
    onChanged();
  };
  const data = detail.data;
  if (data === undefined)
    return (
      <Card loading={detail.loading}>
        <ErrorAlert error={detail.error} />
        <Button onClick={onBack}>{t('back')}</Button>
      </Card>
    );
  const { batch, summary } = data;
  const review = levelHasReview(batch.level);
  const editable =
    login.staff.role === 'org_staff' && (batch.status === 'draft' || batch.status === 'returned');
  return (
    <Space
      orientation="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="batch-detail"
    >
      <Card
        size="small"
        title={
          <Space>
            <Typography.Text strong>{batch.name}</Typography.Text>
            <Tag color={STATUS_COLOUR[batch.status]} data-testid="batch-status">
              {t(`status_${batch.status}`)}
            </Tag>
          </Space>
        }
        extra={<Button onClick={onBack}>{t('back')}</Button>}
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label={t('occupationName')}>
            {batch.occupationName}（{batch.occupationCode}）
          </Descriptions.Item>
          <Descriptions.Item label={t('level')}>{LEVEL_NAMES[batch.level]}</Descriptions.Item>
          <Descriptions.Item label={t('passRule')}>
            {t('theory')} ≥ {batch.passRule.theory}，{t('skills')} ≥ {batch.passRule.skills}
            {review ? `，${t('review')} ≥ ${batch.passRule.review}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('createdAt')}>{dateTime(batch.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('submitted')}>
            {dateTime(batch.submittedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('approved')}>{dateTime(batch.approvedAt)}</Descriptions.Item>
        </Descriptions>
        <Typography.Text data-testid="batch-summary">
          {t('summary', { ...summary })}
        </Typography.Text>
      </Card>
      <BatchReview batch={batch} onChanged={changed} onIssued={setIssued} />
      {issued !== undefined && <IssuedList issued={issued} />}
      {editable && <BatchEditing batch={batch} onChanged={changed} />}
      <CandidatesTable candidates={data.candidates} review={review} />
    </Space>
  );
}
