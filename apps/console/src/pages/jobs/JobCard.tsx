import { DownloadOutlined } from '@ant-design/icons';
import { errorMessage } from '@skillexam/shared';
import { App, Button, Card, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { downloadJobFile, type JobView } from '../../api/jobs-client';
import { ProgressPanel } from '../../components/ProgressPanel';
import { useConsole } from '../../console-context';
import type { MessageKey } from '../../i18n/messages';

/** One job: what it is, its progress from the work, cancel, and its files once done. */

const STATUS: Readonly<Record<JobView['status'], { key: MessageKey; color: string }>> = {
  running: { key: 'jobRunning', color: 'processing' },
  succeeded: { key: 'jobSucceeded', color: 'success' },
  failed: { key: 'jobFailed', color: 'error' },
  cancelled: { key: 'jobCancelled', color: 'default' },
};

function sizeOf(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}

export function JobCard({ job, onCancel }: { job: JobView; onCancel: () => void }) {
  const { t, lang, login } = useConsole();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | undefined>();
  const status = STATUS[job.status];
  const title =
    job.kind === 'backup' ? t('backupNow') : `${t('exportResults')} · ${job.sessionId ?? ''}`;
  const download = async (name: string) => {
    setBusy(name);
    try {
      void message.success(`${await downloadJobFile(login.token, job.id, name)} ✓`);
    } catch (err) {
      void message.error(errorMessage(err), 6);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Card
      size="small"
      title={title}
      data-testid={`job-${job.kind}`}
      data-status={job.status}
      extra={<Tag color={status.color}>{t(status.key)}</Tag>}
    >
      <ProgressPanel
        lang={lang}
        phases={job.phases}
        {...(job.current === undefined ? {} : { current: job.current })}
        running={job.status === 'running'}
        {...(job.status === 'succeeded' ? { outcome: 'success' as const } : {})}
        {...(job.status === 'failed' ? { outcome: 'exception' as const } : {})}
        cancelLabel={t('cancel')}
        onCancel={onCancel}
      />
      {job.status === 'failed' && job.error !== undefined && (
        <Typography.Text type="danger">{job.error.message}</Typography.Text>
      )}
      {job.files.length > 0 && (
        <List
          size="small"
          data-testid="job-files"
          dataSource={job.files}
          renderItem={(file) => (
            <List.Item
              actions={[
                <Button
                  key="download"
                  size="small"
                  icon={<DownloadOutlined />}
                  loading={busy === file.name}
                  onClick={() => void download(file.name)}
                >
                  {t('download')}
                </Button>,
              ]}
            >
              {file.name} <Typography.Text type="secondary">({sizeOf(file.bytes)})</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
