import { Space } from 'antd';
import { SimilarityPanel } from './SimilarityPanel';
import { SiteComparison } from './SiteComparison';

/** 质量督导: sites compared with the province, and similar-response pairs per room. */
export function SupervisionPage() {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <SiteComparison />
      <SimilarityPanel />
    </Space>
  );
}
