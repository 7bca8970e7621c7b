import { errorMessage } from '@skillexam/shared';
import type { z } from 'zod';
import { StandardDocumentSchema, type StandardDocument } from './standard-document';
import type { StandardIssue } from './standard-issue';
import { deriveTheoryWeights, validateStandard } from './validate-standard';

export interface ReadStandardResult {
  /** Present only when there is no error (warnings allowed). */
  readonly document?: StandardDocument;
  readonly issues: StandardIssue[];
}

export function zodIssuesToStandardIssues(error: z.ZodError, file: string): StandardIssue[] {
  return error.issues.map((issue) => ({
    file,
    field: issue.path.length === 0 ? '(文件)' : issue.path.map(String).join('.'),
    reason: issue.message,
    severity: 'error' as const,
  }));
}

/** Shared last step of both readers: fill derived weights, run the cross checks. */
export function finishStandardDocument(doc: StandardDocument, file: string): ReadStandardResult {
  const completed: StandardDocument =
    doc.standard.theoryWeights.length > 0
      ? doc
      : { ...doc, standard: { ...doc.standard, theoryWeights: deriveTheoryWeights(doc) } };
  const issues = validateStandard(completed, file);
  return issues.some((issue) => issue.severity === 'error')
    ? { issues }
    : { document: completed, issues };
}

/** Reads a standard from the JSON format (docs/formats/standard-json.md). */
export function readStandardJson(bytes: Uint8Array, file: string): ReadStandardResult {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    const detail = errorMessage(error);
    return {
      issues: [{ file, reason: `不是有效的 UTF-8 JSON 文件 (${detail})`, severity: 'error' }],
    };
  }
  const parsed = StandardDocumentSchema.safeParse(raw);
  if (!parsed.success) return { issues: zodIssuesToStandardIssues(parsed.error, file) };
  return finishStandardDocument(parsed.data, file);
}
