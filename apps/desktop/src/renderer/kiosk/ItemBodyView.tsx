import { renderToSafeHtml, type ItemBody } from '@skillexam/shared';
import katex from 'katex';
import { memo, useContext, useMemo } from 'react';
import { AssetUrlContext } from './asset-urls';

/** KaTeX output is the one string inserted as-is; `trust: false` keeps \href and friends out. */
function renderFormula(latex: string, display: boolean): string {
  return katex.renderToString(latex, {
    displayMode: display,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
  });
}

/** Images not in the paper's decrypted assets (the practice paper's) are served by hash. */
const servedAssetUrl = (hash: string) => `./assets/${hash}`;

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
  const assets = useContext(AssetUrlContext);
  const html = useMemo(
    () =>
      renderToSafeHtml(body, {
        assetUrl: (hash) => assets.get(hash) ?? servedAssetUrl(hash),
        renderFormula,
      }),
    [body, assets],
  );
  return <div className={className ?? 'item-body'} dangerouslySetInnerHTML={{ __html: html }} />;
});
