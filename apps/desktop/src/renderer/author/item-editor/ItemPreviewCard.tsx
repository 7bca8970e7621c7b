import { type BankItemView } from '@skillexam/shared';
import { Card, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { contentFromDraft, type ItemDraft } from '../item-draft';
import { ItemPreview } from '../ItemPreview';

interface Props {
  readonly draft: ItemDraft;
  readonly view: BankItemView | undefined;
}

/** The draft as the candidate will see it, and the item's last review event. */
export function ItemPreviewCard({ draft, view }: Props) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('author.preview.title')} className="author-preview-card">
      <ItemPreview
        content={contentFromDraft(draft) as Parameters<typeof ItemPreview>[0]['content']}
      />
      {view !== undefined && view.events.length > 0 && (
        <div className="author-last-event">
          <Typography.Text type="secondary">
            {t('author.review.lastEvent')}：{view.events.at(-1)?.actor} ·{' '}
            {view.events.at(-1)?.comment ?? ''}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}
