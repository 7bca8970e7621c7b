import { Space } from 'antd';
import { AuditCheckCard } from './AuditCheckCard';
import { SimilarityPanel } from './SimilarityPanel';
import { SiteComparison } from './SiteComparison';

/**
 * 质量督导 (supervisors and centre admins): sites compared with the province, similar-response
 * pairs per room, and the audit chain checked against anchors held outside the centre.
 */
export function SupervisionPage() {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <SiteComparison />
      <SimilarityPanel />
      <AuditCheckCard />
    </Space>
  );
}
