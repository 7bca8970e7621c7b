import { Alert, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useConsole } from '../../console-context';
import type { AdminSession } from '../sessions-admin/admin-api';
import { useAdminApi } from '../sessions-admin/use-admin-api';
import { AdmissionSlips } from './AdmissionSlips';
import { RosterUpload } from './RosterUpload';

/** 考生名单与准考证 of one session (exam admin). */
export function RosterPage({ sessionId }: { readonly sessionId: string }) {
  const { t, login } = useConsole();
  const api = useAdminApi();
  const [session, setSession] = useState<AdminSession>();
  const [error, setError] = useState<string>();
  const reload = useCallback(() => {
    void api
      .setup(sessionId)
      .then(setSession)
      .catch((err: Error) => setError(err.message));
  }, [api, sessionId]);
  useEffect(reload, [reload]);
  if (login.role !== 'admin') return <Alert type="warning" showIcon title={t('adminOnly')} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {error !== undefined && <Alert type="error" showIcon role="alert" title={error} />}
      <RosterUpload sessionId={sessionId} onImported={reload} />
      <AdmissionSlips sessionId={sessionId} rooms={session?.rooms ?? []} />
    </Space>
  );
}
