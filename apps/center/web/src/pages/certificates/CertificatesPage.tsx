import { Space } from 'antd';
import { CertificateSearch } from './CertificateSearch';
import { MonthlyReports } from './MonthlyReports';

/** 证书: find certificates (PDF, void), the monthly upload sheet and statistics. */
export function CertificatesPage() {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <CertificateSearch />
      <MonthlyReports />
    </Space>
  );
}
