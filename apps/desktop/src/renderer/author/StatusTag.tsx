import type { ReviewStatus } from '@skillexam/shared';
import { Tag } from 'antd';
import { useI18n } from '../i18n';

const COLORS: Record<ReviewStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  approved: 'success',
  rejected: 'error',
  retired: 'warning',
};

export function StatusTag({ status }: { readonly status: ReviewStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="status-tag">
      {t(`author.status.${status}`)}
    </Tag>
  );
}
