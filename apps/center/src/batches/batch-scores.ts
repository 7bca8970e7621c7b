import { InvalidInputError } from '@skillexam/shared';
import type { CenterPrincipal } from '../auth/center-roles';
import type { CenterContext } from '../http/center-route';
import { batchForEditing } from './batch-access';
import { levelHasReview } from './batch-levels';
import { addMaker, readCandidates, updateCandidateScores } from './batch-repository';
import { candidateOutcome } from './pass-rule';
import {
  formatScoreSheetIssue,
  parseScoreSheet,
  type ColumnMapping,
  type ScoreSheetIssue,
} from './parse-score-sheet';
import { readScoreTable, ScoreTableError, scoreTableKind } from './read-score-table';
import { columnLetter } from './score-sheet-columns';

/*
 * Imports skills (实操) and/or 综合评审 scores from an .xlsx or .csv sheet into a batch, all or
 * nothing: every problem is reported (row, column, what was expected) and nothing is written
 * unless there is none. A sheet updates only the score columns it has, for the candidates it
 * lists; each candidate's outcome is recomputed under the batch's pass rule.
 */

export interface ImportScoresRequest {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly mapping?: ColumnMapping;
}

export interface ImportScoresReport {
  readonly fileName: string;
  readonly rows: number;
  readonly skills: number;
  readonly review: number;
  readonly absent: number;
  /** Which column each field was read from, e.g. `{ skills: '技能成绩（C 列）' }`. */
  readonly columns: Readonly<Record<string, string>>;
  /** Batch candidates the sheet did not list (their scores are unchanged). */
  readonly notInSheet: number;
}

const SHOWN_ISSUES = 20;
export const MAX_SCORE_SHEET_BYTES = 10 * 1024 * 1024;

function refuse(fileName: string, issues: readonly ScoreSheetIssue[]): InvalidInputError {
  const lines = issues
    .slice(0, SHOWN_ISSUES)
    .map((issue) => formatScoreSheetIssue(fileName, issue));
  const more =
    issues.length > SHOWN_ISSUES ? `\n……另有 ${issues.length - SHOWN_ISSUES} 处问题` : '';
  return new InvalidInputError(
    `成绩表有 ${issues.length} 处问题，未导入任何成绩 (nothing imported)：\n${lines.join('\n')}${more}`,
    { issues },
  );
}

export async function importScores(
  ctx: CenterContext,
  principal: CenterPrincipal,
  batchId: string,
  request: ImportScoresRequest,
): Promise<ImportScoresReport> {
  const { fileName } = request;
  const kind = scoreTableKind(fileName);
  if (kind === undefined)
    throw refuse(fileName, [
      {
        row: 0,
        column: '',
        reason: '不支持的文件类型：请使用 .xlsx 或 .csv (expected .xlsx or .csv)',
      },
    ]);
  if (request.bytes.length > MAX_SCORE_SHEET_BYTES)
    throw refuse(fileName, [{ row: 0, column: '', reason: '文件超过 10 MB (file too large)' }]);
  let table: string[][];
  try {
    table = await readScoreTable(request.bytes, kind);
  } catch (error) {
    if (error instanceof ScoreTableError)
      throw refuse(fileName, [{ row: error.row, column: '', reason: error.reason }]);
    throw error;
  }
  return ctx.db.transaction(async (tx) => {
    const batch = await batchForEditing(tx, principal, batchId);
    const candidates = await readCandidates(tx, batchId);
    const parsed = parseScoreSheet(table, {
      candidates: new Map(candidates.map((c) => [c.idNumber, c.name])),
      hasReview: levelHasReview(batch.level),
      ...(request.mapping === undefined ? {} : { mapping: request.mapping }),
    });
    if (parsed.issues.length > 0) throw refuse(fileName, parsed.issues);
    const byId = new Map(candidates.map((c) => [c.idNumber, c]));
    const updates = parsed.rows.map((row) => {
      const c = byId.get(row.idNumber);
      if (c === undefined)
        throw new RangeError(`parsed row of an unknown candidate ${row.idNumber}`);
      const scores = {
        theoryScore: c.theoryScore,
        skillsScore: row.skills === undefined ? c.skillsScore : row.skills,
        reviewScore: row.review === undefined ? c.reviewScore : row.review,
      };
      return {
        idNumber: c.idNumber,
        ...scores,
        outcome: candidateOutcome(scores, batch.passRule, batch.level),
      };
    });
    await updateCandidateScores(tx, batchId, updates);
    await addMaker(tx, batchId, principal.staffId);
    const columns = Object.fromEntries(
      Object.entries(parsed.columns).map(([field, column]) => [
        field,
        `${column.header}（${columnLetter(column.index)} 列）`,
      ]),
    );
    const report: ImportScoresReport = {
      fileName,
      rows: parsed.rows.length,
      skills: parsed.rows.filter((r) => typeof r.skills === 'number').length,
      review: parsed.rows.filter((r) => typeof r.review === 'number').length,
      absent: parsed.rows.filter((r) => r.skills === null || r.review === null).length,
      columns,
      notInSheet: candidates.length - parsed.rows.length,
    };
    await ctx.audit.append(tx, {
      actor: principal.username,
      action: 'batch.scores.import',
      subject: batchId,
      details: {
        ...report,
        scores: updates.map((u) => [u.idNumber, u.skillsScore, u.reviewScore, u.outcome]),
      },
    });
    return report;
  });
}
