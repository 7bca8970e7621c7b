import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import {
  errorMessage,
  FRAGMENT_HTML,
  isEmptyItemBody,
  parseHtml,
  type AuthoredDifficulty,
  type HtmlNode,
  type ItemBody,
} from '@skillexam/shared';
import type mammoth from 'mammoth';
import type { FileIssue, ParsedAsset, ParsedItem, ParsedItemFile } from '../item-file-types';
import { markupToItemBody } from '../markup-to-item-body';
import { segmentDocx, type DocxSegment } from './docx-segments';

/*
 * Word (.docx) → items (docs/decisions/0552-docx-import.md). mammoth turns the document into
 * simple HTML (paragraphs, marks, tables, lists, pictures); pictures are kept as assets by
 * their SHA-256; the layout rules live in docx-segments.ts. Items carry no status, so they land
 * as drafts for review.
 */

const ASSET_SRC = 'asset:';
const TRUE_WORDS = new Set(['√', '✓', '对', '正确', 'T', 'TRUE', 'Y', '是']);
const FALSE_WORDS = new Set(['×', '✗', 'X', '错', '错误', 'F', 'FALSE', 'N', '否']);
const DIFFICULTY_WORDS: Record<string, AuthoredDifficulty> = {
  易: 1,
  容易: 1,
  较易: 2,
  中: 3,
  中等: 3,
  适中: 3,
  较难: 4,
  难: 5,
  困难: 5,
};

async function toHtml(
  bytes: Uint8Array,
  assets: Map<string, ParsedAsset>,
): Promise<{ html: string; warnings: string[] }> {
  // mammoth loads when a .docx is read, not with the import code (decision 0723)
  const { default: docx }: { default: typeof mammoth } = await import('mammoth');
  const result = await docx.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      externalFileAccess: false,
      convertImage: docx.images.imgElement(async (image) => {
        const data = new Uint8Array(await image.readAsArrayBuffer());
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

function parseDifficulty(value: string | undefined): AuthoredDifficulty | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (Number.isInteger(number) && number >= 1 && number <= 5) return number as AuthoredDifficulty;
  return DIFFICULTY_WORDS[value];
}

function trueFalseKey(answer: string): boolean | undefined {
  const word = answer.trim().toUpperCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

const BLANK_MARK = /_{3,}|＿{2,}|[（(][\s\u3000]*[）)]/;

interface Built {
  readonly item?: ParsedItem;
  readonly issues: FileIssue[];
}

function buildItem(segment: DocxSegment, fileName: string): Built {
  const ref = `${fileName} 第${segment.number}题`;
  const issues: FileIssue[] = [];
  const issue = (field: string, reason: string, severity: FileIssue['severity'] = 'error') =>
    issues.push({ file: fileName, item: ref, field, reason, severity });
  const body = (nodes: HtmlNode[], field: string, blanks?: () => string): ItemBody =>
    markupToItemBody(nodes, {
      resolveImage: (src) => (src.startsWith(ASSET_SRC) ? src.slice(ASSET_SRC.length) : undefined),
      ...(blanks === undefined ? {} : { nextBlankId: blanks }),
      onProblem: (reason) => issue(field, reason, 'warning'),
    });
  const answer = (segment.answer ?? '').trim();
  if (answer === '') issue('答案', '缺少“答案：”行');
  const explanationBody = body(segment.explanation, '解析');
  const explanation = isEmptyItemBody(explanationBody) ? {} : { explanation: explanationBody };
  const difficulty = parseDifficulty(segment.difficulty);
  if (segment.difficulty !== undefined && difficulty === undefined) {
    issue('难度', `难度“${segment.difficulty}”无法识别，应为 1–5 或 易/较易/中/较难/难`);
  }
  const common = {
    ...explanation,
    ...(difficulty === undefined ? {} : { difficulty }),
  };
  const base = {
    ref,
    tags: [],
    ...(segment.pointCode === undefined || segment.pointCode === ''
      ? {}
      : { pointCode: segment.pointCode }),
  };
  const stemText = JSON.stringify(segment.stem);
  if (segment.options.length > 0) {
    const letters = [...new Set(answer.toUpperCase().match(/[A-F]/g) ?? [])];
    const options = segment.options.map((option) => ({
      id: option.letter as 'A' | 'B' | 'C' | 'D' | 'E' | 'F',
      content: body(option.nodes, `选项${option.letter}`),
    }));
    const stem = body(segment.stem, '题干');
    if (letters.length === 0 && answer !== '') issue('答案', `答案“${answer}”不是选项字母 A–F`);
    if (segment.typeHint === 'multiple_choice' || letters.length > 1) {
      return {
        issues,
        item: {
          ...base,
          content: {
            type: 'multiple_choice',
            stem,
            options,
            key: letters as ('A' | 'B')[],
            ...common,
          },
        },
      };
    }
    return {
      issues,
      item: {
        ...base,
        content: {
          type: 'single_choice',
          stem,
          options,
          key: (letters[0] ?? 'A') as 'A',
          ...common,
        },
      },
    };
  }
  const tf = trueFalseKey(answer);
  if (segment.typeHint === 'true_false' || (segment.typeHint === undefined && tf !== undefined)) {
    if (tf === undefined && answer !== '') issue('答案', `判断题答案“${answer}”应为 √/× 或 对/错`);
    return {
      issues,
      item: {
        ...base,
        content: {
          type: 'true_false',
          stem: body(segment.stem, '题干'),
          key: tf ?? true,
          ...common,
        },
      },
    };
  }
  if (
    segment.typeHint === 'fill_blank' ||
    (segment.typeHint === undefined && BLANK_MARK.test(stemText))
  ) {
    let next = 0;
    const stem = body(segment.stem, '题干', () => `b${(next += 1)}`);
    const parts = answer.split(/[;；]/).map((part) => part.trim());
    const key: Record<string, string[]> = {};
    for (let blank = 1; blank <= next; blank += 1) {
      key[`b${blank}`] = (parts[blank - 1] ?? '')
        .split(/[|/]/)
        .map((text) => text.trim())
        .filter((text) => text !== '');
    }
    return { issues, item: { ...base, content: { type: 'fill_blank', stem, key, ...common } } };
  }
  const reference = body([{ tag: 'p', attrs: {}, children: [{ text: answer }] }], '答案');
  return {
    issues,
    item: {
      ...base,
      content: {
        type: 'short_answer',
        stem: body(segment.stem, '题干'),
        key: { referenceAnswer: reference },
        ...common,
      },
    },
  };
}

/** Reads a .docx of numbered items; never throws for bad input (every problem is an issue). */
export async function readDocxItems(bytes: Uint8Array, fileName: string): Promise<ParsedItemFile> {
  const assets = new Map<string, ParsedAsset>();
  const issues: FileIssue[] = [];
  let converted: { html: string; warnings: string[] };
  try {
    converted = await toHtml(bytes, assets);
  } catch (error) {
    const detail = errorMessage(error);
    issues.push({
      file: fileName,
      reason: `无法读取 Word 文档（应为 .docx 格式，旧版 .doc 请先另存为 .docx）：${detail}`,
      severity: 'error',
    });
    return { format: 'docx', items: [], assets, issues };
  }
  const { html, warnings } = converted;
  for (const warning of warnings) {
    issues.push({ file: fileName, reason: `Word 转换提示：${warning}`, severity: 'warning' });
  }
  const { segments, stray } = segmentDocx(parseHtml(html, FRAGMENT_HTML));
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
    const built = buildItem(segment, fileName);
    issues.push(...built.issues);
    if (built.item !== undefined && !built.issues.some((entry) => entry.severity === 'error')) {
      items.push(built.item);
    }
  }
  return { format: 'docx', items, assets, issues };
}
