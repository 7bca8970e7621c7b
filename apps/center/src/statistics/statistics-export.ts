import { writeResponsesCsv } from '@skillexam/item-bank/statistics';
import { CodedError, PaperAnswerKeysSchema } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import type { CenterDb } from '../db/center-db';
import { mergedResponseMatrix } from './merged-responses';
import { readExamPapers, readExamResults, readExamSpread } from './statistics-repository';

/*
 * The statistics export for the bank: every site's answers to one exam merged into the response
 * file `qbank stats import` reads (docs/formats/responses-csv.md), anonymous, naming its
 * administration: #考试 = the exam (paper) id, #场次 = MERGED_SESSION_ID, #日期 = the last
 * session's date. The bank records one administration per exam and session, so a later export
 * with more sites is refused until imported with --replace, which swaps the figures
 * (docs/decisions/1033-merged-response-file.md).
 */

export const MERGED_SESSION_ID = 'centre-all-sites';

export interface StatisticsExport {
  readonly fileName: string;
  readonly csv: string;
  readonly candidates: number;
  readonly items: number;
  readonly sites: number;
  readonly sessions: number;
}

/** YYYY-MM-DD in China time (UTC+8), as sites date their sessions. */
function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export async function exportExamResponses(
  deps: { readonly db: CenterDb; readonly audit: AuditLog },
  actor: string,
  examId: string,
): Promise<StatisticsExport> {
  const papers = await readExamPapers(deps.db, examId);
  const [paper] = papers;
  if (paper === undefined)
    throw new CodedError('NOT_FOUND', `没有试卷 ${examId} 的成绩 (no results for the exam)`);
  if (papers.length > 1)
    throw new CodedError(
      'CONFLICT',
      `试卷 ${examId} 在不同考点的答案不一致，不能合并 (keys differ between sites)`,
    );
  const keys = PaperAnswerKeysSchema.parse(paper.answerKeys);
  const results = await readExamResults(deps.db, examId);
  if (results.length === 0)
    throw new CodedError('NOT_FOUND', `试卷 ${examId} 没有实考考生 (nobody sat the exam)`);
  const spread = await readExamSpread(deps.db, examId);
  const matrix = mergedResponseMatrix(
    keys,
    paper.items.map((item) => item.itemId),
    results,
  );
  const csv = writeResponsesCsv(matrix, '考生', {
    examId,
    sessionId: MERGED_SESSION_ID,
    ...(spread.lastStartsAt === null ? {} : { administeredOn: chinaDate(spread.lastStartsAt) }),
  });
  const report = {
    fileName: `responses-${examId}-${MERGED_SESSION_ID}.csv`,
    candidates: results.length,
    items: matrix.items.length,
    sites: spread.sites,
    sessions: spread.sessions,
  };
  await deps.db.transaction((tx) =>
    deps.audit.append(tx, {
      actor,
      action: 'statistics.export',
      subject: examId,
      details: { ...report },
    }),
  );
  return { ...report, csv };
}
