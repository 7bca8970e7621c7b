import { Alert, Space } from 'antd';
import { useCenter } from '../../center-context';
import { CertificateActions } from './CertificateActions';
import { MonthlyReports } from './MonthlyReports';

/** 证书: one certificate by number (PDF, void), the monthly upload sheet and statistics. */
export function CertificatesPage() {
  const { t } = useCenter();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('noRoute', { what: 'GET /api/certificates?q=' })} />
      <CertificateActions />
      <MonthlyReports />
    </Space>
  );
}
