import { CodedError, PaperAnswerKeysSchema, type PaperAnswerKeys } from '@skillexam/shared';
import type { CenterContext } from '../http/center-route';
import { itemRates, scoreBandCount, similarPairsInRoom } from './answer-similarity';
import { examineeOf, objectiveItems, talliesOf } from './objective-responses';
import { compareSites, type OccupationReport } from './site-comparison';
import {
  countExamCandidates,
  readAnswerTallies,
  readExamPapers,
  readPackageAudit,
  readRoomCandidates,
  readSessionExam,
  readSessionRooms,
  readSiteGroups,
  type RoomCandidateRow,
} from './supervision-repository';

/*
 * 质量督导 (read only): sites compared with the province per occupation and level, and pairs of
 * candidates in one room whose identical wrong answers are improbable for independent work,
 * each with its evidence and links to the package and its audit records
 * (docs/center-batches.md, decisions 1031 and 1032).
 */

export async function siteComparison(
  ctx: CenterContext,
  occupationAndLevel?: string,
): Promise<OccupationReport[]> {
  return compareSites(await readSiteGroups(ctx.db, occupationAndLevel));
}

async function examKeys(ctx: CenterContext, examId: string): Promise<PaperAnswerKeys> {
  const papers = await readExamPapers(ctx.db, examId);
  if (papers.length === 0)
    throw new CodedError('NOT_FOUND', `没有试卷 ${examId} 的答案 (no keys for the exam)`);
  if (papers.length > 1)
    throw new CodedError(
      'CONFLICT',
      `试卷 ${examId} 在不同考点的答案不一致，无法比较 (keys differ between sites)`,
    );
  return PaperAnswerKeysSchema.parse(papers[0]?.answerKeys);
}

function candidateView(row: RoomCandidateRow) {
  return {
    theoryResultId: row.id,
    admissionTicket: row.admissionTicket,
    name: row.name,
    seat: row.seat,
  };
}

export interface RoomQuery {
  readonly siteId: string;
  readonly sessionId: string;
  /** One room; every room of the session when omitted. */
  readonly roomName?: string | undefined;
}

export async function similarPairs(ctx: CenterContext, query: RoomQuery) {
  const examId = await readSessionExam(ctx.db, query.siteId, query.sessionId);
  if (examId === undefined)
    throw new CodedError(
      'NOT_FOUND',
      `考点 ${query.siteId} 没有场次 ${query.sessionId} 的成绩 (no such session)`,
    );
  const keys = await examKeys(ctx, examId);
  const items = objectiveItems(keys);
  const sat = await countExamCandidates(ctx.db, examId);
  const bands = scoreBandCount(sat);
  const rates = itemRates(
    talliesOf(await readAnswerTallies(ctx.db, examId, bands), items, sat, bands),
    bands,
  );
  const roomNames =
    query.roomName === undefined
      ? await readSessionRooms(ctx.db, query.siteId, query.sessionId)
      : [query.roomName];
  const rooms = [];
  const auditBySha = new Map<string, Awaited<ReturnType<typeof readPackageAudit>>>();
  for (const roomName of roomNames) {
    const rows = await readRoomCandidates(ctx.db, {
      examId,
      bands,
      siteId: query.siteId,
      sessionId: query.sessionId,
      roomName,
    });
    const byId = new Map(rows.map((row) => [String(row.id), row]));
    const result = similarPairsInRoom(
      rows.map((row) => examineeOf(String(row.id), row.band, row.answers, items)),
      rates,
    );
    const pairs = [];
    for (const pair of result.flagged) {
      const a = byId.get(pair.a);
      const b = byId.get(pair.b);
      if (a === undefined || b === undefined) continue;
      const codes = examineeOf(pair.a, a.band, a.answers, items).responses;
      const packages = [...new Set([a.packageSha256, b.packageSha256])];
      for (const sha of packages)
        if (!auditBySha.has(sha)) auditBySha.set(sha, await readPackageAudit(ctx.db, sha));
      pairs.push({
        candidates: [candidateView(a), candidateView(b)],
        index: 'wesolowsky-identical-wrong',
        identicalWrong: pair.identicalWrong.map((i) => ({
          number: items[i]?.number,
          itemId: items[i]?.itemId,
          answer: codes[i],
          key: items[i]?.key,
        })),
        expected: pair.expected,
        p: pair.p,
        threshold: result.threshold,
        packages: packages.map((sha) => ({
          sha256: sha,
          packageId: sha === a.packageSha256 ? a.packageId : b.packageId,
          auditUrl: `/api/audit?subject=${sha}`,
          audit: (auditBySha.get(sha) ?? []).map((entry) => ({
            seq: entry.seq,
            action: entry.action,
            at: entry.at,
          })),
        })),
      });
    }
    rooms.push({
      roomName,
      candidates: rows.length,
      pairsTested: result.pairsTested,
      threshold: result.threshold,
      flagged: pairs,
    });
  }
  return {
    siteId: query.siteId,
    sessionId: query.sessionId,
    examId,
    objectiveItems: items.length,
    examCandidates: sat,
    scoreBands: bands,
    rooms,
  };
}
