import { createHash } from 'node:crypto';
import {
  contentBuilders,
  FRAGMENT_HTML,
  htmlText,
  isEmptyItemBody,
  itemBody,
  OPTION_IDS,
  parseHtml,
  type AcceptedAnswer,
  type HtmlElement,
  type ItemBody,
} from '@skillexam/shared';
import type { WeightDecision } from './answer-weights';
import type {
  FileIssue,
  ParsedAsset,
  ParsedItem,
  ParsedItemContent,
  ParsedItemFile,
} from './item-file-types';
import { markupToItemBody } from './markup-to-item-body';
import {
  moodleAcceptedTexts,
  moodleChoiceKey,
  moodleNumericAnswers,
  moodleTrueFalseKey,
  unsupportedTypeReason,
} from './moodle-answers';
import { elementsOf, firstElement, parseXml } from './markup-tree';
import { blankNodes, itemBodyFromCellText } from './rich-text';
import { categoryTags } from './category-tags';
import { splitList } from './text-normalize';
import { validateParsedContent } from './validate-parsed-item';

/*
 * Moodle XML import: multichoice (single/multi), truefalse, shortanswer and numerical
 * (→ 填空), essay (→ 简答, reference answer from graderinfo); answer fractions decide the key
 * only where the bank holds them exactly (moodle-answers), otherwise the question is reported. Categories become tags. HTML is reduced to the
 * document model (see markup-to-item-body); `@@PLUGINFILE@@` pictures come from the
 * question's embedded base64 <file> elements, data: URIs are decoded, remote ones dropped.
 */

const IGNORED_TYPES = new Set(['category', 'description']);

/** 1-based line of every `<question` start tag, CDATA and comments blanked out first. */
function questionLines(xml: string): number[] {
  const blanked = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, (match) =>
    match.replace(/[^\n]/g, ' '),
  );
  const lines: number[] = [];
  for (const match of blanked.matchAll(/<question[\s>]/g)) {
    lines.push(blanked.slice(0, match.index).split('\n').length);
  }
  return lines;
}

interface QuestionContext {
  files: Map<string, Uint8Array>;
  assets: Map<string, ParsedAsset>;
  problems: string[];
  warnings: string[];
}

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

function addAsset(context: QuestionContext, bytes: Uint8Array, mime: string): string {
  const hash = createHash('sha256').update(bytes).digest('hex');
  context.assets.set(hash, { bytes, mime });
  return hash;
}

function resolveImage(context: QuestionContext, src: string): string | 'skip' | undefined {
  const data = /^data:(image\/[\w+.-]+);base64,(.*)$/s.exec(src);
  if (data !== null)
    return addAsset(
      context,
      new Uint8Array(Buffer.from(data[2] ?? '', 'base64')),
      data[1] ?? 'image/png',
    );
  if (src.startsWith('@@PLUGINFILE@@')) {
    let name = src.replace(/^@@PLUGINFILE@@\/?/, '').split(/[?#]/)[0] ?? '';
    try {
      name = decodeURIComponent(name);
    } catch {
      return undefined;
    }
    const bytes = context.files.get(name) ?? context.files.get(name.split('/').pop() ?? '');
    if (bytes === undefined) return undefined;
    const extension = name.toLowerCase().split('.').pop() ?? '';
    return addAsset(context, bytes, MIME_BY_EXTENSION[extension] ?? 'application/octet-stream');
  }
  context.warnings.push(`外部图片“${src}”未导入（只导入题目文件中内嵌的图片）`);
  return 'skip';
}

function textBody(
  holder: HtmlElement | undefined,
  context: QuestionContext,
  nextBlankId?: () => string,
): ItemBody | undefined {
  if (holder === undefined) return undefined;
  const textElement = firstElement(holder, 'text');
  const raw = textElement === undefined ? '' : htmlText(textElement);
  if (raw.trim() === '') return undefined;
  const format = holder.attrs.format ?? 'html';
  if (format !== 'html' && format !== 'moodle_auto_format') {
    return itemBodyFromCellText(raw.trim(), { blanks: nextBlankId !== undefined });
  }
  return markupToItemBody(parseHtml(raw, FRAGMENT_HTML).children, {
    resolveImage: (src) => resolveImage(context, src),
    onProblem: (reason) => context.problems.push(reason),
    ...(nextBlankId !== undefined ? { nextBlankId } : {}),
  });
}

function embeddedFiles(question: HtmlElement): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const visit = (element: HtmlElement) => {
    for (const child of elementsOf(element)) {
      if (child.tag === 'file' && child.attrs.name !== undefined) {
        const path = (child.attrs.path ?? '/').replace(/^\/|\/$/g, '');
        const bytes = new Uint8Array(Buffer.from(htmlText(child).replace(/\s+/g, ''), 'base64'));
        files.set(path === '' ? child.attrs.name : `${path}/${child.attrs.name}`, bytes);
        files.set(child.attrs.name, bytes);
      } else visit(child);
    }
  };
  visit(question);
  return files;
}

type Built =
  { ok: true; content: ParsedItemContent } | { ok: false; field: string; reason: string };

function appendBlank(body: ItemBody): ItemBody {
  const blocks = [...body.content];
  const last = blocks[blocks.length - 1];
  if (last?.type === 'paragraph') {
    blocks[blocks.length - 1] = contentBuilders.paragraph(
      ...last.children,
      contentBuilders.blank('b1'),
    );
  } else {
    blocks.push(contentBuilders.paragraph(contentBuilders.blank('b1')));
  }
  return itemBody(...blocks);
}

function buildContent(type: string, question: HtmlElement, context: QuestionContext): Built {
  let blankCount = 0;
  const nextBlankId = () => `b${++blankCount}`;
  const stem = textBody(
    firstElement(question, 'questiontext'),
    context,
    type === 'shortanswer' || type === 'numerical' ? nextBlankId : undefined,
  );
  if (stem === undefined) return { ok: false, field: 'questiontext', reason: '题干为空' };
  const explanation = textBody(firstElement(question, 'generalfeedback'), context);
  const base = {
    stem,
    ...(explanation !== undefined && !isEmptyItemBody(explanation) ? { explanation } : {}),
  };
  const answers = elementsOf(question, 'answer');
  switch (type) {
    case 'truefalse': {
      const key = moodleTrueFalseKey(answers);
      if (!key.ok) return { ok: false, field: 'answer', reason: key.reason };
      context.warnings.push(...key.warnings);
      return { ok: true, content: { type: 'true_false', ...base, key: key.value } };
    }
    case 'multichoice': {
      if (answers.length > OPTION_IDS.length)
        return {
          ok: false,
          field: 'answer',
          reason: `选项有 ${answers.length} 个，最多 6 个（A–F）`,
        };
      const options = answers.map((answer, index) => ({
        id: OPTION_IDS[index] ?? 'F',
        content: textBody(answer, context) ?? itemBody(),
      }));
      const key = moodleChoiceKey(question, answers);
      if (!key.ok) return { ok: false, field: 'answer', reason: key.reason };
      context.warnings.push(...key.warnings);
      if (typeof key.value === 'string')
        return { ok: true, content: { type: 'single_choice', ...base, options, key: key.value } };
      return { ok: true, content: { type: 'multiple_choice', ...base, options, key: key.value } };
    }
    case 'shortanswer':
    case 'numerical': {
      const accepted: WeightDecision<AcceptedAnswer[]> =
        type === 'numerical'
          ? moodleNumericAnswers(question, answers)
          : moodleAcceptedTexts(answers);
      if (!accepted.ok) return { ok: false, field: 'answer', reason: accepted.reason };
      const blanks = blankNodes(stem);
      if (blanks.length > 1)
        return {
          ok: false,
          field: 'questiontext',
          reason: `${type} 题只能有一个空，题干中有 ${blanks.length} 个`,
        };
      const withBlank = blanks.length === 1 ? stem : appendBlank(stem);
      const blankId = blankNodes(withBlank)[0]?.blankId ?? 'b1';
      return {
        ok: true,
        content: {
          type: 'fill_blank',
          ...base,
          stem: withBlank,
          key: { [blankId]: accepted.value },
        },
      };
    }
    case 'essay': {
      const reference = textBody(firstElement(question, 'graderinfo'), context);
      if (reference === undefined)
        return {
          ok: false,
          field: 'graderinfo',
          reason: '问答（essay）题缺少参考答案（graderinfo）',
        };
      return {
        ok: true,
        content: { type: 'short_answer', ...base, key: { referenceAnswer: reference } },
      };
    }
    default:
      return {
        ok: false,
        field: 'type',
        reason: unsupportedTypeReason(type),
      };
  }
}

export function readMoodleXml(bytes: Uint8Array, fileName: string): Promise<ParsedItemFile> {
  return Promise.resolve(readMoodleXmlSync(bytes, fileName));
}

function readMoodleXmlSync(bytes: Uint8Array, fileName: string): ParsedItemFile {
  const assets = new Map<string, ParsedAsset>();
  const items: ParsedItem[] = [];
  const issues: FileIssue[] = [];
  const xml = new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
  const parsed = parseXml(xml);
  if (!parsed.ok)
    return {
      format: 'moodle',
      items,
      assets,
      issues: [{ file: fileName, line: parsed.line, reason: parsed.reason, severity: 'error' }],
    };
  if (parsed.root.tag !== 'quiz') {
    return {
      format: 'moodle',
      items,
      assets,
      issues: [
        {
          file: fileName,
          reason: `根元素是 <${parsed.root.tag}>，Moodle XML 应为 <quiz>`,
          severity: 'error',
        },
      ],
    };
  }
  const lines = questionLines(xml);
  let category: string[] = [];
  elementsOf(parsed.root, 'question').forEach((question, index) => {
    const type = question.attrs.type ?? '';
    const line = lines[index];
    const name = htmlText(firstElement(question, 'name') ?? question)
      .trim()
      .slice(0, 100);
    const where = {
      file: fileName,
      ...(line !== undefined ? { line } : {}),
      ...(name !== '' ? { item: name } : {}),
    };
    if (type === 'category') {
      category = categoryTags(htmlText(firstElement(question, 'category') ?? question));
      return;
    }
    if (IGNORED_TYPES.has(type)) {
      issues.push({ ...where, reason: `说明（${type}）不是试题，已跳过`, severity: 'warning' });
      return;
    }
    const context: QuestionContext = {
      files: embeddedFiles(question),
      assets: new Map(),
      problems: [],
      warnings: [],
    };
    const built = buildContent(type, question, context);
    const [problem] = context.problems;
    if (!built.ok || problem !== undefined) {
      issues.push({
        ...where,
        field: built.ok ? '图片' : built.field,
        reason: built.ok ? (problem ?? '') : built.reason,
        severity: 'error',
      });
      return;
    }
    const invalid = validateParsedContent(built.content, where);
    if (invalid.length > 0) {
      issues.push(...invalid);
      return;
    }
    for (const warning of context.warnings)
      issues.push({ ...where, reason: warning, severity: 'warning' });
    for (const [hash, asset] of context.assets) assets.set(hash, asset);
    const ownTags = elementsOf(firstElement(question, 'tags') ?? question, 'tag').flatMap((tag) =>
      splitList(htmlText(tag)),
    );
    const idNumber = htmlText(
      firstElement(question, 'idnumber') ?? { tag: 'idnumber', attrs: {}, children: [] },
    ).trim();
    items.push({
      ref: `${fileName} 第${line ?? '?'}行${name !== '' ? `（${name}）` : ''}`,
      ...(line !== undefined ? { row: line } : {}),
      content: built.content,
      tags: [...new Set([...category, ...ownTags])],
      ...(idNumber !== '' ? { externalId: idNumber } : {}),
    });
  });
  if (items.length === 0 && !issues.some((issue) => issue.severity === 'error')) {
    issues.push({ file: fileName, reason: '文件中没有试题', severity: 'error' });
  }
  return { format: 'moodle', items, assets, issues };
}
