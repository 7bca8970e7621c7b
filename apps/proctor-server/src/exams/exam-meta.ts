import {
  CodedError,
  PaperVariationSchema,
  levelInfo,
  type PaperVariation,
  type TheoryLevelCode,
} from '@skillexam/shared';
import { z } from 'zod';
import type { ReadableDb } from '@skillexam/shared/sql';
import { examManifestRow } from './exam-repository';

/*
 * What the server needs from an exam's package manifest besides the paper: the occupation and
 * level for the identity screen, and the paper's variation flags (乱序). Read leniently: exams
 * imported before these fields existed simply have none.
 */

const ManifestFactsSchema = z.object({
  standard: z.object({ occupationCode: z.string() }).optional().catch(undefined),
  level: z
    .union([z.literal(5), z.literal(4), z.literal(3), z.literal(2), z.literal(1)])
    .optional()
    .catch(undefined),
  variation: PaperVariationSchema.optional().catch(undefined),
});

export interface ExamMeta {
  readonly title: string;
  readonly occupationCode: string | undefined;
  readonly level: TheoryLevelCode | undefined;
  readonly variation: PaperVariation | undefined;
}

export function examMeta(db: ReadableDb, examId: string): ExamMeta {
  const row = examManifestRow(db, examId);
  if (row === undefined) throw new CodedError('NOT_FOUND', `考试 ${examId} 不存在 (unknown exam)`);
  const facts = ManifestFactsSchema.safeParse(JSON.parse(row.manifest_json));
  const data = facts.success ? facts.data : {};
  return {
    title: row.title,
    occupationCode: data.standard?.occupationCode,
    level: data.level,
    variation: data.variation,
  };
}

/** 电工（四级）理论知识试卷 → 电工: the title up to the first bracket or space. */
export function occupationNameFromTitle(title: string): string {
  const head = title.split(/[（(\s]/)[0]?.trim() ?? '';
  return head === '' ? title : head;
}

/** 四级/中级工 for level 4; an empty name when the package did not say. */
export function levelView(level: TheoryLevelCode | undefined): { code: string; name: string } {
  return level === undefined
    ? { code: '', name: '' }
    : { code: String(level), name: levelInfo(level).zhName };
}
