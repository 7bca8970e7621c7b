import { renderToSafeHtml, type ItemBody } from '@skillexam/shared';
import katex from 'katex';
import { memo, useMemo } from 'react';

/** KaTeX output is the one string inserted as-is; `trust: false` keeps \href and friends out. */
function renderFormula(latex: string, display: boolean): string {
  return katex.renderToString(latex, {
    displayMode: display,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
  });
}

/** Where the host serves images stored by content hash. */
const assetUrl = (hash: string) => `./assets/${hash}`;

/**
 * Rich item content through the shared safe renderer (every text and attribute escaped),
 * so what a candidate sees is exactly what the author's preview showed.
 */
export const ItemBodyView = memo(function ItemBodyView({
  body,
  className,
}: {
  readonly body: ItemBody;
  readonly className?: string;
}) {
  const html = useMemo(() => renderToSafeHtml(body, { assetUrl, renderFormula }), [body]);
  return <div className={className ?? 'item-body'} dangerouslySetInnerHTML={{ __html: html }} />;
});
