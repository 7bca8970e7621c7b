import {
  AssessmentRangeTreeSchema,
  OccupationSchema,
  StandardSchema,
  type AssessmentRange,
  type Occupation,
  type Standard,
} from '@skillexam/shared';
import { z } from 'zod';

/*
 * A whole standard as one document: the occupation, the standard (levels, 理论知识权重表)
 * and its 鉴定要素细目表 tree. Both file formats (docs/formats/standard-json.md and
 * standard-xlsx.md) are read into this shape and then validated by `validateStandard`.
 */

export const STANDARD_FILE_FORMAT = 'skillexam-standard';
export const STANDARD_FILE_VERSION = 1;

export const StandardDocumentSchema = z.object({
  format: z.literal(STANDARD_FILE_FORMAT),
  formatVersion: z.literal(STANDARD_FILE_VERSION),
  occupation: OccupationSchema,
  standard: StandardSchema,
  ranges: AssessmentRangeTreeSchema,
});

export interface StandardDocument {
  readonly occupation: Occupation;
  readonly standard: Standard;
  readonly ranges: AssessmentRange[];
}

/** The bank's id of a standard: `6-31-01-03:2018`. */
export function standardId(occupationCode: string, version: string): string {
  return `${occupationCode}:${version}`;
}

/** Range and point ids are the standard id plus the path code: `6-31-01-03:2018:A-B-001`. */
export function nodeId(standardIdValue: string, path: string): string {
  return `${standardIdValue}:${path}`;
}
