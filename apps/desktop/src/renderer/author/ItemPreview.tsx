import {
  collectAssetHashes,
  renderToSafeHtml,
  type ItemBody,
  type ItemContent,
} from '@skillexam/shared';
import { Tag, Typography } from 'antd';
import katex from 'katex';
import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { useAssetUrls } from './asset-cache';

/** The kiosk's KaTeX settings: the preview renders formulas exactly as the exam does. */
export function renderFormula(latex: string, display: boolean): string {
  return katex.renderToString(latex, {
    displayMode: display,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
  });
}

/** One document through the shared safe renderer (the same one the kiosk uses). */
export function BodyView({
  body,
  className,
}: {
  readonly body: ItemBody;
  readonly className?: string;
}) {
  const assetUrl = useAssetUrls(collectAssetHashes(body));
  const html = renderToSafeHtml(body, { assetUrl, renderFormula });
  return <div className={className ?? 'item-body'} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The item as the candidate sees it: stem, then lettered options. No key, no explanation. */
export function ItemPreview({
  content,
}: {
  readonly content: Partial<ItemContent> & Pick<ItemContent, 'type' | 'stem'>;
}) {
  const { t } = useI18n();
  const options = useMemo(
    () => ('options' in content && Array.isArray(content.options) ? content.options : []),
    [content],
  );
  return (
    <div className="author-preview" data-testid="item-preview">
      <Typography.Text type="secondary">
        <Tag>{t(`itemType.${content.type}`)}</Tag>
        {t('author.preview.asCandidate')}
      </Typography.Text>
      <BodyView body={content.stem} className="item-body author-preview-stem" />
      {content.type === 'true_false' && (
        <div className="author-preview-options">
          <div className="author-preview-option">√ {t('author.editor.true')}</div>
          <div className="author-preview-option">× {t('author.editor.false')}</div>
        </div>
      )}
      <div className="author-preview-options">
        {options.map((option) => (
          <div key={option.id} className="author-preview-option">
            <b>{option.id}.</b>
            <BodyView body={option.content} className="item-body" />
          </div>
        ))}
      </div>
      {content.type === 'fill_blank' && (
        <Typography.Text type="secondary">{t('author.preview.blanksHint')}</Typography.Text>
      )}
    </div>
  );
}
