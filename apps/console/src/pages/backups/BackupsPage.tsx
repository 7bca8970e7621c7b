import { CloudUploadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useConsole } from '../../console-context';
import { JobCard } from '../jobs/JobCard';
import { useJobs } from '../jobs/use-job';
import { useAdminLoad } from '../keys/use-admin-api';
import { listBackups } from './backups-api';
import { useBackupText } from './backups-messages';
import { BackupTable } from './BackupTable';
import { RestoreCard } from './RestoreCard';

/*
 * 备份与恢复 (exam admin): the server's backup folder, 立即备份 as a job with progress, download
 * of a listed backup, and the restore steps with this server's exact command
 * (docs/decisions/0981, 0982).
 */
export function BackupsPage() {
  const { t, login } = useConsole();
  const text = useBackupText();
  const { data, error, reload } = useAdminLoad(() => listBackups(login.token));
  const { jobs, start, cancel } = useJobs();
  const [chosen, setChosen] = useState<string | undefined>();
  const backupJobs = jobs.filter((job) => job.kind === 'backup');
  const latest = backupJobs[0];
  const latestDone = latest?.status === 'succeeded' ? latest.id : undefined;
  useEffect(() => {
    if (latestDone !== undefined) reload();
  }, [latestDone, reload]);
  if (login.role !== 'admin') return <Alert type="warning" showIcon title={t('adminOnly')} />;
  const backups = data?.backups ?? [];
  const selected = backups.find((b) => b.name === chosen) ?? backups[0];
  const running = latest?.status === 'running';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('backups')}
        loading={data === undefined && error === undefined}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={reload}>
              {text('refresh')}
            </Button>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              disabled={running || data?.available === false}
              onClick={() => void start('backup')}
            >
              {t('backupNow')}
            </Button>
          </Space>
        }
      >
        {error !== undefined && <Alert type="error" showIcon title={error} />}
        {data?.available === false && <Alert type="info" showIcon title={text('noFolder')} />}
        {data?.available === true && (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <Typography.Text type="secondary" data-testid="backup-folders">
              {text('folders', {
                backupDir: data.backupDir ?? '',
                dataDir: data.dataDir ?? '',
                keep: String(data.keep),
              })}
            </Typography.Text>
            <BackupTable backups={backups} chosen={selected?.name} onChoose={setChosen} />
          </Space>
        )}
      </Card>
      {latest !== undefined && <JobCard job={latest} onCancel={() => void cancel(latest.id)} />}
      {selected !== undefined && (
        <RestoreCard
          backup={selected}
          {...(data?.serverPid === undefined ? {} : { serverPid: data.serverPid })}
        />
      )}
    </Space>
  );
}
