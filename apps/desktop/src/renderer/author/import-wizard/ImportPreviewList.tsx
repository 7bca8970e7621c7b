import type { ImportPreview, ImportPreviewItem } from '@skillexam/shared';
import { List, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { BodyView, ItemPreview } from '../ItemPreview';

/** The parts the candidate sees (the key is shown apart, as text). */
function asCandidateSees(item: ImportPreviewItem): Parameters<typeof ItemPreview>[0]['content'] {
  return { type: item.type, stem: item.stem, options: item.options } as Parameters<
    typeof ItemPreview
  >[0]['content'];
}

/** One question read from the file: as the candidate sees it, then its key and 解析. */
function PreviewEntry({ item }: { readonly item: ImportPreviewItem }) {
  const { t } = useI18n();
  return (
    <List.Item data-testid="import-preview-item">
      <div style={{ width: '100%' }}>
        <Typography.Text strong>{item.ref}</Typography.Text>
        <ItemPreview content={asCandidateSees(item)} />
        <div className="import-preview-key" data-testid="import-preview-key">
          <Typography.Text type="secondary">{t('author.import.previewKey')}</Typography.Text>{' '}
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{item.key}</Typography.Text>
        </div>
        {item.explanation !== undefined && (
          <div data-testid="import-preview-explanation">
            <Typography.Text type="secondary">
              {t('author.import.previewExplanation')}
            </Typography.Text>
            <BodyView body={item.explanation} />
          </div>
        )}
      </div>
    </List.Item>
  );
}

/** 导入预览: every question the file gives, before anything is written (problems are in the issue table). */
export function ImportPreviewList({ preview }: { readonly preview: ImportPreview }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      bordered
      header={
        <Typography.Text strong>
          {t('author.import.previewTitle', {
            total: preview.total,
            shown: preview.items.length,
          })}
        </Typography.Text>
      }
      dataSource={preview.items}
      rowKey={(item) => item.ref}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      renderItem={(item) => <PreviewEntry item={item} />}
      data-testid="import-preview"
    />
  );
}
