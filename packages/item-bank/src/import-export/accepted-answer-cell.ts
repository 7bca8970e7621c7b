import { parseAcceptedAnswerText, type AcceptedAnswer } from '@skillexam/shared';

/*
 * The 填空 answers of one blank in a spreadsheet/CSV key cell, already split at `|`: a text is
 * kept as written; `数值：4 ±0.2`, `数值：4 ±5%`, `数值：4` … are numeric answers (the written
 * form of shared `accepted-answer-text.ts`, which item-to-row writes back).
 */

export type { AcceptedAnswer };

export type BlankAnswersResult =
  { ok: true; answers: AcceptedAnswer[] } | { ok: false; reason: string };

export function blankAnswersOfParts(
  parts: readonly string[],
  blankLabel: string,
): BlankAnswersResult {
  const answers: AcceptedAnswer[] = [];
  for (const part of parts) {
    const parsed = parseAcceptedAnswerText(part);
    if (!parsed.ok) return { ok: false, reason: `${blankLabel}：${parsed.reason}` };
    answers.push(parsed.value);
  }
  return { ok: true, answers };
}
