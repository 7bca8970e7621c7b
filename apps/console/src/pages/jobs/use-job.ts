import { errorMessage } from '@skillexam/shared';
import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import {
  cancelJob,
  fetchJob,
  fetchJobs,
  startJob,
  type JobKind,
  type JobView,
} from '../../api/jobs-client';
import { useConsole } from '../../console-context';

/** How often a running job is read (GET /api/jobs?id=): often enough for a bar to move. */
export const POLL_MS = 400;

export interface JobControl {
  /** The admin's jobs, newest first, each as last read. */
  readonly jobs: readonly JobView[];
  start(kind: JobKind, sessionId?: string): Promise<void>;
  cancel(id: string): Promise<void>;
}

/** The signed-in admin's jobs; running ones are polled until they end. */
export function useJobs(): JobControl {
  const { login } = useConsole();
  const { message } = App.useApp();
  const [jobs, setJobs] = useState<readonly JobView[]>([]);
  const put = useCallback((job: JobView) => {
    setJobs((list) =>
      list.some((j) => j.id === job.id)
        ? list.map((j) => (j.id === job.id ? job : j))
        : [job, ...list],
    );
  }, []);
  const fail = useCallback((err: unknown) => void message.error(errorMessage(err), 6), [message]);

  useEffect(() => {
    fetchJobs(login.token).then(setJobs, fail);
  }, [login.token, fail]);

  const running = jobs.filter((job) => job.status === 'running').map((job) => job.id);
  const runningKey = running.join(',');
  useEffect(() => {
    if (runningKey === '') return undefined;
    const timer = setInterval(() => {
      for (const id of runningKey.split(',')) fetchJob(login.token, id).then(put, fail);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [runningKey, login.token, put, fail]);

  return {
    jobs,
    start: async (kind, sessionId) => {
      try {
        put(await startJob(login.token, kind, sessionId));
      } catch (err) {
        fail(err);
      }
    },
    cancel: async (id) => {
      try {
        put(await cancelJob(login.token, id));
      } catch (err) {
        fail(err);
      }
    },
  };
}
