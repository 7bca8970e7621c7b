import { FileDoneOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Select, Space } from 'antd';
import { useState } from 'react';
import { useQuery } from '../../components/use-call';
import { useConsole } from '../../console-context';
import { JobCard } from './JobCard';
import { ResultsPushCard } from './ResultsPushCard';
import { ResultsVerifyCard } from './ResultsVerifyCard';
import { useJobs } from './use-job';

/*
 * 成绩导出 (exam admin): export a session's results, follow the job as the server reports it,
 * cancel it, download its files (docs/decisions/0949). Backups moved to 备份与恢复 (0981).
 * Push a package to the evaluation centre and check one, as `results push | verify` (0991, 0992).
 */
export function JobsPage() {
  const { t, login } = useConsole();
  const sessions = useQuery('console:sessions', {}, []);
  const { jobs: all, start, cancel } = useJobs();
  const jobs = all.filter((job) => job.kind === 'results-export');
  const [sessionId, setSessionId] = useState<string | undefined>();
  if (login.role !== 'admin') return <Alert type="warning" showIcon title={t('adminOnly')} />;
  const list = (sessions.data?.sessions ?? []).map((s) => s.session);
  // results are exported once a session has ended (the key is withheld before, 0220)
  const chosen = sessionId ?? (list.find((s) => s.status === 'ended') ?? list[0])?.id;
  const running = jobs.some((job) => job.status === 'running' && job.sessionId === chosen);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('jobs')}>
        <Space wrap>
          <Select
            style={{ minWidth: 420 }}
            aria-label={t('session')}
            placeholder={t('session')}
            loading={sessions.data === undefined && sessions.error === undefined}
            value={chosen}
            onChange={setSessionId}
            options={list.map((s) => ({
              value: s.id,
              label: `${s.name} (${s.id})`,
            }))}
            data-testid="job-session"
          />
          <Button
            type="primary"
            icon={<FileDoneOutlined />}
            disabled={chosen === undefined || running}
            onClick={() => void start('results-export', chosen)}
          >
            {t('exportResults')}
          </Button>
        </Space>
      </Card>
      <ResultsPushCard jobs={jobs} names={new Map(list.map((s) => [s.id, s.name]))} />
      <ResultsVerifyCard />
      {jobs.length === 0 ? (
        <Empty description={t('noJobs')} />
      ) : (
        jobs.map((job) => <JobCard key={job.id} job={job} onCancel={() => void cancel(job.id)} />)
      )}
    </Space>
  );
}
