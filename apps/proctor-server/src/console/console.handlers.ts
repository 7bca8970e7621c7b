import { readWitnessOf, verifyStoreChain } from '../audit/verify-store';
import { roleOf } from '../auth/principal';
import type { ServerContext } from '../server-context';
import { actorName, onAction } from '../socket/actions';
import type { AppSocket } from '../socket/validated';
import { candidateTimeline } from './candidate-timeline';
import { consoleSessions } from './console-sessions';
import { recordKeyRelease } from './key-release';
import { buildResultsSummary } from './results-summary';

/** Read models of the proctor console (session list, timeline, results, audit status). */
export function registerConsoleHandlers(socket: AppSocket, ctx: ServerContext): void {
  const { store, now } = ctx.components;
  onAction(socket, ctx, 'console:sessions', (_payload, p) => ({
    sessions: consoleSessions(store.db, now(), p),
  }));
  onAction(socket, ctx, 'console:timeline', ({ attemptId }) => ({
    entries: candidateTimeline(store.db, attemptId),
  }));
  onAction(socket, ctx, 'results:summary', ({ sessionId }, p) => {
    const summary = buildResultsSummary(store.db, sessionId, roleOf(p));
    // item statistics and per-option correctness shown: the key is out (0220)
    if (summary.itemsWithheld === undefined)
      recordKeyRelease(store.db, store.audit, sessionId, 'results-summary', actorName(p), now());
    return summary;
  });
  onAction(socket, ctx, 'audit:status', () => {
    // Chain, signatures and witness only: replaying answers and scores takes seconds on a full
    // site and would stall the exam-day event loop; `proctor-server audit verify` does it all.
    const result = verifyStoreChain(store, 20, readWitnessOf(store.dataDir), false);
    return {
      ok: result.ok,
      records: result.records,
      checkpoints: result.checkpoints,
      lastSeq: result.lastSeq,
      verifiedAt: now(),
      problems: result.problems.map((p) => ({ ...p })),
    };
  });
}
