import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { errorMessage, FRAGMENT_HTML, parseHtml } from '@skillexam/shared';
import type mammoth from 'mammoth';
import type { FileIssue, ParsedAsset, ParsedItem, ParsedItemFile } from '../item-file-types';
import { ASSET_SRC, buildItem, unsupportedPictureSrc } from './docx-item';
import { attachKeyPart } from './docx-key-match';
import { prepareDocx } from './docx-prepare';
import { segmentDocx } from './docx-segments';

/*
 * Word (.docx) → items (docs/decisions/0552-docx-import.md). mammoth turns the document into
 * simple HTML (paragraphs, marks, tables, lists, pictures) after docx-prepare.ts has written
 * Word's automatic numbers into the text (decision 0933); pictures are kept as assets by
 * their SHA-256; the layout rules live in docx-segments.ts (questions), docx-key-part.ts and
 * docx-key-match.ts (a key part at the end) and docx-item.ts (types and keys). Items carry no status, so they land
 * as drafts for review.
 */

/** mammoth's notes that do not matter here: styles (the reader goes by the text) and picture types (checked below). */
const IGNORED_WARNINGS =
  /^(Unrecognised (paragraph|run|table) style|Image of type .* is unlikely to display)/;
/** Picture types browsers and the exam kiosk display; others (EMF, WMF, TIFF) are reported by name. */
const DISPLAYABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

async function toHtml(
  bytes: Uint8Array,
  assets: Map<string, ParsedAsset>,
  pictureName: (bytes: Uint8Array) => string | undefined,
): Promise<{ html: string; warnings: string[] }> {
  let unsupported = 0;
  // mammoth loads when a .docx is read, not with the import code (decision 0723)
  const { default: docx }: { default: typeof mammoth } = await import('mammoth');
  const result = await docx.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      externalFileAccess: false,
      convertImage: docx.images.imgElement(async (image) => {
        const data = new Uint8Array(await image.readAsArrayBuffer());
        if (!DISPLAYABLE.has(image.contentType)) {
          // Not kept: named in the report of the question it belongs to (docx-item.ts).
          unsupported += 1;
          const alt = (image as { altText?: unknown }).altText;
          const file = pictureName(data) ?? '';
          const name = typeof alt === 'string' && alt !== '' ? alt : file || `第${unsupported}张`;
          return { src: unsupportedPictureSrc(name, image.contentType, file) };
        }
        const hash = createHash('sha256').update(data).digest('hex');
        assets.set(hash, { bytes: data, mime: image.contentType });
        return { src: `${ASSET_SRC}${hash}` };
      }),
    },
  );
  return {
    html: result.value,
    warnings: result.messages.map((message) => message.message),
  };
}

/** Reads a .docx of numbered items; never throws for bad input (every problem is an issue). */
export async function readDocxItems(bytes: Uint8Array, fileName: string): Promise<ParsedItemFile> {
  const assets = new Map<string, ParsedAsset>();
  const issues: FileIssue[] = [];
  const unreadable = (detail: string): ParsedItemFile => {
    issues.push({
      file: fileName,
      reason: `无法读取 Word 文档（应为 .docx 格式，旧版 .doc 请先另存为 .docx）：${detail}`,
      severity: 'error',
    });
    return { format: 'docx', items: [], assets, issues };
  };
  let prepared: Awaited<ReturnType<typeof prepareDocx>>;
  let converted: { html: string; warnings: string[] };
  try {
    prepared = await prepareDocx(bytes);
    if (!prepared.ok) return unreadable(prepared.reason);
    converted = await toHtml(prepared.bytes, assets, prepared.pictureName);
  } catch (error) {
    return unreadable(errorMessage(error));
  }
  const { html } = converted;
  const warnings = [...prepared.warnings, ...converted.warnings];
  for (const warning of warnings.filter((text) => !IGNORED_WARNINGS.test(text))) {
    issues.push({ file: fileName, reason: `Word 转换提示：${warning}`, severity: 'warning' });
  }
  const { segments, stray, preamble, keyPart } = segmentDocx(parseHtml(html, FRAGMENT_HTML));
  if (preamble.length > 0 && segments.length > 0) {
    issues.push({
      file: fileName,
      reason: `第 ${preamble.slice(0, 10).join('、')} 段在第一道题之前（试卷标题、考试说明等），不作为试题导入`,
      severity: 'warning',
    });
  }
  if (keyPart !== undefined) issues.push(...attachKeyPart(segments, keyPart, fileName));
  if (stray.length > 0) {
    issues.push({
      file: fileName,
      reason: `第 ${stray.slice(0, 10).join('、')} 段不在任何题目之下（题目应以“1.”或“1、”开头），已忽略`,
      severity: 'warning',
    });
  }
  if (segments.length === 0) {
    issues.push({
      file: fileName,
      reason:
        '文档中没有找到题目：每题应以题号开头（如“1.”或“1、”），选项以“A.”开头，并有“答案：”行',
      severity: 'error',
    });
  }
  const items: ParsedItem[] = [];
  for (const segment of segments) {
    const built = buildItem(segment, { fileName, hasKeyPart: keyPart !== undefined });
    issues.push(...built.issues);
    if (built.item !== undefined && !built.issues.some((entry) => entry.severity === 'error')) {
      items.push(built.item);
    }
  }
  return { format: 'docx', items, assets, issues };
}
