import { useMemo } from 'react';
import { useConsole } from '../../console-context';
import { adminApi, type AdminApi } from './admin-api';

/** The admin set-up routes with the logged-in token. */
export function useAdminApi(): AdminApi {
  const { login } = useConsole();
  return useMemo(() => adminApi(login.token), [login.token]);
}
