import { Alert, Card } from 'antd';
import { useConsole } from '../../console-context';

/** Placeholder: being built. */
export function BackupsPage() {
  const { t, login } = useConsole();
  if (login.role !== 'admin') return <Alert type="warning" showIcon title={t('adminOnly')} />;
  return <Card title={t('backups')} />;
}
