import { htmlText, type HtmlElement } from '@skillexam/shared';
import { createHash } from 'node:crypto';
import type { FileIssue, ParsedAsset, ParsedItem, ParsedItemFile } from './item-file-types';
import { elementsOf, findAll, parseXml } from './markup-tree';
import { QTI_MANIFEST, mimeOfPath, qtiAttributeName, qtiElementName } from './qti-format';
import { parseQtiItem, type QtiItemMetadata } from './qti-item-parser';
import { readZipSafely, type ZipLimits } from './safe-zip-reader';
import { validateParsedContent } from './validate-parsed-item';

/*
 * Reads a QTI content package (zip with imsmanifest.xml; QTI 3.0, 2.2 or 2.1 items) or a
 * single QTI item XML file. Broken XML is reported with the file inside the package and the
 * line; each item is accepted or rejected on its own.
 */

const renames = { element: qtiElementName, attribute: qtiAttributeName };

/** `dir/../x` → `x`; undefined when the path leaves the package. */
function resolvePath(base: string, href: string): string | undefined {
  let clean = href.split(/[?#]/)[0] ?? '';
  try {
    clean = decodeURI(clean);
  } catch {
    return undefined;
  }
  const parts = clean.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const part of clean.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

interface ItemResource {
  path: string;
  metadata?: QtiItemMetadata;
}

function resourcesOf(manifest: HtmlElement, manifestPath: string): ItemResource[] {
  return findAll(manifest, 'resource')
    .filter(
      (resource) =>
        /qti.*item|item.*qti/i.test(resource.attrs.type ?? '') && resource.attrs.href !== undefined,
    )
    .flatMap((resource) => {
      const path = resolvePath(manifestPath, resource.attrs.href ?? '');
      if (path === undefined) return [];
      const ours = findAll(resource, 'item').find(
        (node) => node.attrs.id !== undefined || node.attrs.type !== undefined,
      );
      const metadata =
        ours === undefined
          ? undefined
          : {
              attrs: ours.attrs,
              tags: elementsOf(ours, 'tag')
                .map((tag) => htmlText(tag).trim())
                .filter((tag) => tag !== ''),
            };
      return [{ path, ...(metadata !== undefined ? { metadata } : {}) }];
    });
}

export async function readQtiPackage(
  bytes: Uint8Array,
  fileName: string,
  limits?: ZipLimits,
): Promise<ParsedItemFile> {
  const assets = new Map<string, ParsedAsset>();
  const items: ParsedItem[] = [];
  const issues: FileIssue[] = [];
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  let entries: Map<string, Uint8Array>;
  if (isZip) {
    const zip = await readZipSafely(bytes, limits);
    if (!zip.ok) {
      const file = zip.entry === undefined ? fileName : `${fileName}!${zip.entry}`;
      return {
        format: 'qti',
        items,
        assets,
        issues: [{ file, reason: zip.reason, severity: 'error' }],
      };
    }
    entries = zip.entries;
  } else {
    entries = new Map([[fileName.split(/[\\/]/).pop() ?? 'item.xml', bytes]]);
  }
  const decode = (data: Uint8Array) => new TextDecoder('utf-8').decode(data).replace(/^\ufeff/, '');

  let resources: ItemResource[];
  const manifestPath = [...entries.keys()].find(
    (name) => name === QTI_MANIFEST || name.endsWith(`/${QTI_MANIFEST}`),
  );
  if (manifestPath !== undefined) {
    const parsed = parseXml(decode(entries.get(manifestPath) ?? new Uint8Array()));
    if (!parsed.ok) {
      return {
        format: 'qti',
        items,
        assets,
        issues: [
          {
            file: `${fileName}!${manifestPath}`,
            line: parsed.line,
            reason: parsed.reason,
            severity: 'error',
          },
        ],
      };
    }
    resources = resourcesOf(parsed.root, manifestPath);
  } else {
    resources = [...entries.keys()]
      .filter((name) => name.toLowerCase().endsWith('.xml'))
      .map((path) => ({ path }));
  }
  if (resources.length === 0) {
    return {
      format: 'qti',
      items,
      assets,
      issues: [
        {
          file: fileName,
          reason: '包中没有 QTI 试题（imsmanifest.xml 未列出任何 assessmentItem 资源）',
          severity: 'error',
        },
      ],
    };
  }

  for (const resource of resources) {
    const file = isZip ? `${fileName}!${resource.path}` : fileName;
    const data = entries.get(resource.path);
    if (data === undefined) {
      issues.push({ file, reason: 'imsmanifest.xml 列出的文件在包中不存在', severity: 'error' });
      continue;
    }
    const parsed = parseXml(decode(data), renames);
    if (!parsed.ok) {
      issues.push({ file, line: parsed.line, reason: parsed.reason, severity: 'error' });
      continue;
    }
    if (manifestPath === undefined && parsed.root.tag !== 'qti-assessment-item') continue;
    const resolveImage = (src: string): string | undefined => {
      const path = resolvePath(resource.path, src);
      const image = path === undefined ? undefined : entries.get(path);
      if (path === undefined || image === undefined) return undefined;
      const hash = createHash('sha256').update(image).digest('hex');
      assets.set(hash, { bytes: image, mime: mimeOfPath(path) });
      return hash;
    };
    const identifier = parsed.root.attrs.identifier ?? resource.path;
    const result = parseQtiItem(parsed.root, {
      ref: isZip ? `${fileName} ${resource.path}` : fileName,
      resolveImage,
      ...(resource.metadata !== undefined ? { metadata: resource.metadata } : {}),
    });
    if (!result.ok) {
      issues.push({
        file,
        item: identifier,
        field: result.field,
        reason: result.reason,
        severity: 'error',
      });
      continue;
    }
    const invalid = validateParsedContent(result.item.content, { file, item: identifier });
    if (invalid.length > 0) {
      issues.push(...invalid);
      continue;
    }
    for (const warning of result.warnings)
      issues.push({ file, item: identifier, reason: warning, severity: 'warning' });
    items.push(result.item);
  }
  if (items.length === 0 && issues.length === 0) {
    issues.push({ file: fileName, reason: '包中没有 QTI 试题', severity: 'error' });
  }
  return { format: 'qti', items, assets, issues };
}
