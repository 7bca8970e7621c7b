import type { FileIssue } from '../item-file-types';
import type { KeyEntry, KeyPart, SectionLookup } from './docx-key-part';
import type { DocxSegment } from './docx-segments';

/*
 * Matches the entries of a paper's key part to its questions by section title and number
 * (numbers restart in every section). Nothing is shifted: a key for a number the section does
 * not have, a section the questions do not have, or a second key for one question is reported
 * with its paragraph; a question the key part skips is reported when its item is built.
 */

/** How a question is named in reports: 「key-part.docx 判断题 第2题」. */
export function segmentRef(fileName: string, segment: DocxSegment): string {
  const section = segment.section === undefined ? '' : ` ${segment.section.title}`;
  return `${fileName}${section} 第${segment.number}题`;
}

function sectionOf(
  entry: KeyEntry,
  segments: readonly DocxSegment[],
): { ok: true; titles: Set<string | undefined> } | { ok: false; reason: string } {
  const titles = new Set(segments.map((segment) => segment.section?.title));
  if (entry.sectionTitle !== undefined) {
    if (titles.has(entry.sectionTitle)) return { ok: true, titles: new Set([entry.sectionTitle]) };
    return {
      ok: false,
      reason: `参考答案部分的大题“${entry.sectionTitle}”在试题中没有同名大题（试题中的大题：${[...titles].filter((t) => t !== undefined).join('、') || '无'}）`,
    };
  }
  if (titles.size <= 1) return { ok: true, titles };
  return {
    ok: false,
    reason:
      '参考答案部分的这一行前没有大题标题，而试题分为几个大题、题号各自从 1 起，无法确定是哪一题；请在参考答案中写上与试题相同的大题标题（如“一、单项选择题”）',
  };
}

/** What the questions say about a key part section: its type and question numbers (docx-key-lines.ts). */
export function sectionLookup(segments: readonly DocxSegment[]): SectionLookup {
  return (title) => {
    const titles = new Set(segments.map((segment) => segment.section?.title));
    // A key part without headings belongs to the questions only when they form one section.
    if (title === undefined && titles.size !== 1) return undefined;
    const chosen = title ?? [...titles][0];
    const questions = segments.filter((segment) => segment.section?.title === chosen);
    const [first] = questions;
    if (first === undefined) return undefined;
    const numbers = questions.map((segment) => segment.number);
    return first.typeHint === undefined ? { numbers } : { typeHint: first.typeHint, numbers };
  };
}

export function attachKeyPart(
  segments: readonly DocxSegment[],
  keyPart: KeyPart,
  fileName: string,
): FileIssue[] {
  const issues: FileIssue[] = [];
  const report = (entry: KeyEntry, reason: string) =>
    issues.push({
      file: fileName,
      item: `${fileName} 参考答案${entry.sectionTitle === undefined ? '' : ` ${entry.sectionTitle}`} 第${entry.number}题`,
      field: '答案',
      reason: `${reason}（第${entry.paragraph}段）`,
      severity: 'error',
    });
  const keyed = new Set<DocxSegment>();
  for (const entry of keyPart.entries) {
    const section = sectionOf(entry, segments);
    if (!section.ok) {
      report(entry, section.reason);
      continue;
    }
    const matches = segments.filter(
      (segment) => section.titles.has(segment.section?.title) && segment.number === entry.number,
    );
    const [segment, ...others] = matches;
    if (segment === undefined) {
      report(
        entry,
        `参考答案中有第${entry.number}题，试题${entry.sectionTitle === undefined ? '' : `“${entry.sectionTitle}”`}中没有这一题；答案不会挪给别的题`,
      );
      continue;
    }
    if (others.length > 0) {
      report(entry, `试题中有 ${matches.length} 道第${entry.number}题，无法确定这一答案属于哪一道`);
      continue;
    }
    if (keyed.has(segment) || (segment.answer !== undefined && segment.answer !== '')) {
      report(entry, `${segmentRef(fileName, segment)}已有答案，参考答案部分又给了一次`);
      continue;
    }
    keyed.add(segment);
    segment.answer = entry.answer;
    segment.answerMore.push(...entry.answerMore);
    segment.explanation.push(...entry.explanation);
  }
  for (const problem of keyPart.problems) {
    issues.push({
      file: fileName,
      field: '答案',
      reason: `参考答案部分：${problem.reason}（第${problem.paragraph}段）`,
      severity: 'error',
    });
  }
  for (const note of keyPart.notes) {
    issues.push({
      file: fileName,
      field: '答案',
      reason: `参考答案部分：${note.reason}（第${note.paragraph}段）`,
      severity: 'warning',
    });
  }
  if (keyPart.stray.length > 0) {
    issues.push({
      file: fileName,
      reason: `参考答案部分第 ${keyPart.stray.slice(0, 10).join('、')} 段不在任何题号之下（应为“1、参考答案：C”或“1. C”），已忽略`,
      severity: 'warning',
    });
  }
  return issues;
}
