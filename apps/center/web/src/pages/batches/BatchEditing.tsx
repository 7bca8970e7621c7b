import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useCenter } from '../../center-context';
import type { AddCandidatesReport, Batch, ImportScoresReport } from '../../api/center-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilePicker } from '../../components/FilePicker';
import { useAction } from '../../components/use-load';
import { levelHasReview } from './batch-levels';

interface Props {
  readonly batch: Batch;
  readonly onChanged: () => void;
}

interface Filter {
  readonly examId?: string;
  readonly sessionId?: string;
}

const optional = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

/** Adding candidates from ingested theory results, and importing the skills score sheet. */
export function BatchEditing({ batch, onChanged }: Props) {
  const { api, t } = useCenter();
  const adding = useAction();
  const importing = useAction();
  const [added, setAdded] = useState<AddCandidatesReport | undefined>();
  const [imported, setImported] = useState<ImportScoresReport | undefined>();

  const add = async (filter: Filter) => {
    const examId = optional(filter.examId);
    const sessionId = optional(filter.sessionId);
    const report = await adding.run(() =>
      api.post<AddCandidatesReport>(`/api/batches/${batch.id}/candidates`, {
        ...(examId === undefined ? {} : { examId }),
        ...(sessionId === undefined ? {} : { sessionId }),
      }),
    );
    setAdded(report);
    if (report !== undefined) onChanged();
  };
  const upload = async (file: File) => {
    setImported(undefined);
    const path = `/api/batches/${batch.id}/scores?fileName=${encodeURIComponent(file.name)}`;
    const report = await importing.run(() => api.upload<ImportScoresReport>(path, file));
    setImported(report);
    if (report !== undefined) onChanged();
  };
  const review = levelHasReview(batch.level);

  return (
    <Space wrap align="start" size="middle" style={{ width: '100%' }}>
      <Card title={t('addCandidates')} size="small" style={{ width: 520 }}>
        <Typography.Paragraph type="secondary">{t('addCandidatesHelp')}</Typography.Paragraph>
        <ErrorAlert error={adding.error} />
        {added !== undefined && (
          <Alert
            type="success"
            showIcon
            data-testid="candidates-added"
            style={{ marginBottom: 12 }}
            title={t('candidatesAdded', {
              added: added.added,
              updated: added.updated,
              absent: added.skipped.absent,
              voided: added.skipped.voided,
              older: added.skipped.older,
              pending: added.pending,
            })}
          />
        )}
        <Form layout="inline" onFinish={(values: Filter) => void add(values)} style={{ rowGap: 8 }}>
          <Form.Item name="examId">
            <Input placeholder={t('examIdOptional')} style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="sessionId">
            <Input placeholder={t('sessionIdOptional')} style={{ width: 170 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={adding.busy}>
            {t('add')}
          </Button>
        </Form>
      </Card>
      <Card title={t('uploadScores')} size="small" style={{ width: 520 }}>
        <Typography.Paragraph type="secondary">
          {t('uploadScoresHelp', { review: review ? `、${t('review')}` : '' })}
        </Typography.Paragraph>
        <ErrorAlert error={importing.error} />
        {imported !== undefined && (
          <Alert
            type="success"
            showIcon
            data-testid="scores-imported"
            style={{ marginBottom: 12 }}
            title={t('scoresImported', {
              rows: imported.rows,
              skills: imported.skills,
              review: imported.review,
              absent: imported.absent,
              notInSheet: imported.notInSheet,
            })}
            description={Object.entries(imported.columns)
              .map(([field, column]) => `${field}: ${column}`)
              .join('；')}
          />
        )}
        <FilePicker
          label={t('uploadScores')}
          accept=".xlsx,.csv"
          busy={importing.busy}
          testId="pick-scores"
          onFile={(file) => void upload(file)}
        />
      </Card>
    </Space>
  );
}
