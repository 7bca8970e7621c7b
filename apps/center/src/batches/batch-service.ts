import { randomUUID } from 'node:crypto';
import type { CenterPrincipal } from '../auth/center-roles';
import type { Queryable } from '../db/center-db';
import type { CenterContext } from '../http/center-route';
import { batchForEditing, batchForReading, ownOrganisation } from './batch-access';
import { occupationMatcher } from './batch-levels';
import {
  addMaker,
  findTheoryResults,
  insertBatch,
  listBatches,
  readCandidates,
  updateCandidateScores,
  upsertCandidateTheory,
  type CandidateTheory,
} from './batch-repository';
import type { Batch, BatchCandidate, TheoryResultRow } from './batch-types';
import { candidateOutcome, PassRuleSchema, theoryScoreOf, type PassRule } from './pass-rule';

/*
 * Creating batches, reading them, and adding candidates from ingested theory results
 * (docs/center-batches.md). Every write is audited in its own transaction.
 */

export interface NewBatchRequest {
  readonly name: string;
  readonly occupationCode: string;
  readonly occupationName: string;
  readonly level: number;
  readonly passRule?: { [K in keyof PassRule]?: number | undefined } | undefined;
}

export async function createBatch(
  ctx: CenterContext,
  principal: CenterPrincipal,
  request: NewBatchRequest,
): Promise<Batch> {
  const organisationId = ownOrganisation(principal);
  const id = `B-${randomUUID()}`;
  const passRule = PassRuleSchema.parse(request.passRule ?? {});
  return ctx.db.transaction(async (tx) => {
    await insertBatch(tx, {
      id,
      organisationId,
      name: request.name,
      occupationCode: request.occupationCode,
      occupationName: request.occupationName,
      level: request.level,
      passRule,
      createdBy: principal.staffId,
      createdAt: ctx.now(),
    });
    await ctx.audit.append(tx, {
      actor: principal.username,
      action: 'batch.create',
      subject: id,
      details: { ...request, passRule, organisationId },
    });
    return batchForReading(tx, principal, id);
  });
}

export interface BatchSummary {
  readonly candidates: number;
  readonly pass: number;
  readonly fail: number;
  readonly incomplete: number;
}

export function summarise(candidates: readonly BatchCandidate[]): BatchSummary {
  const count = (outcome: string) => candidates.filter((c) => c.outcome === outcome).length;
  return {
    candidates: candidates.length,
    pass: count('pass'),
    fail: count('fail'),
    incomplete: count('incomplete'),
  };
}

export async function getBatch(
  ctx: CenterContext,
  principal: CenterPrincipal,
  id: string,
): Promise<{ batch: Batch; candidates: BatchCandidate[]; summary: BatchSummary }> {
  const batch = await batchForReading(ctx.db, principal, id);
  const candidates = await readCandidates(ctx.db, id);
  return { batch, candidates, summary: summarise(candidates) };
}

export async function listVisibleBatches(
  ctx: CenterContext,
  principal: CenterPrincipal,
): Promise<Batch[]> {
  return listBatches(
    ctx.db,
    principal.role === 'org_staff' ? ownOrganisation(principal) : undefined,
  );
}

export interface AddCandidatesRequest {
  readonly examId?: string | undefined;
  readonly sessionId?: string | undefined;
  /** Exactly this text; by default any text naming the batch's occupation and level. */
  readonly occupationAndLevel?: string | undefined;
}

export interface AddCandidatesReport {
  readonly added: number;
  readonly updated: number;
  /** Results skipped: absent or voided candidates, older results of the same ID number. */
  readonly skipped: { readonly absent: number; readonly voided: number; readonly older: number };
  /** Candidates whose theory result awaits marking (theory score missing until re-added). */
  readonly pending: number;
}

function theoryOf(row: TheoryResultRow): CandidateTheory {
  const scored = row.result !== 'pending' && row.total !== null && row.fullMarks !== null;
  return {
    idNumber: row.idNumber,
    name: row.name,
    theoryResultId: row.id,
    theoryScore: scored ? theoryScoreOf(row.total ?? 0, row.fullMarks ?? 0) : null,
  };
}

export async function addCandidates(
  ctx: CenterContext,
  principal: CenterPrincipal,
  batchId: string,
  request: AddCandidatesRequest,
): Promise<AddCandidatesReport> {
  return ctx.db.transaction(async (tx) => {
    const batch = await batchForEditing(tx, principal, batchId);
    const occupation = occupationMatcher(batch.occupationName, batch.level);
    const results = await findTheoryResults(tx, {
      organisationId: batch.organisationId,
      ...request,
      occupation,
    });
    const seen = new Set<string>();
    const skipped = { absent: 0, voided: 0, older: 0 };
    const chosen: CandidateTheory[] = [];
    for (const row of results) {
      if (row.status !== 'normal') {
        skipped[row.status] += 1;
        continue;
      }
      if (seen.has(row.idNumber)) {
        skipped.older += 1;
        continue;
      }
      seen.add(row.idNumber);
      chosen.push(theoryOf(row));
    }
    const before = new Map((await readCandidates(tx, batchId)).map((c) => [c.idNumber, c]));
    await upsertCandidateTheory(tx, batchId, chosen);
    await refreshOutcomes(tx, batch);
    await addMaker(tx, batchId, principal.staffId);
    const report: AddCandidatesReport = {
      added: chosen.filter((c) => !before.has(c.idNumber)).length,
      updated: chosen.filter((c) => before.has(c.idNumber)).length,
      skipped,
      pending: chosen.filter((c) => c.theoryScore === null).length,
    };
    await ctx.audit.append(tx, {
      actor: principal.username,
      action: 'batch.candidates.add',
      subject: batchId,
      details: {
        filter: { ...request, ...(request.occupationAndLevel === undefined ? { occupation } : {}) },
        ...report,
      },
    });
    return report;
  });
}

/** Recomputes every candidate's outcome from the stored scores and the batch's rule. */
export async function refreshOutcomes(tx: Queryable, batch: Batch): Promise<void> {
  const candidates = await readCandidates(tx, batch.id);
  const changed = candidates
    .map((c) => ({ c, outcome: candidateOutcome(c, batch.passRule, batch.level) }))
    .filter(({ c, outcome }) => c.outcome !== outcome);
  await updateCandidateScores(
    tx,
    batch.id,
    changed.map(({ c, outcome }) => ({
      idNumber: c.idNumber,
      skillsScore: c.skillsScore,
      reviewScore: c.reviewScore,
      outcome,
    })),
  );
}
