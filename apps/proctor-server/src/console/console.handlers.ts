import { verifyAuditChain } from '../audit/verify';
import { assignProctors } from '../incidents/session-scope';
import type { ServerContext } from '../server-context';
import { actorName, onAction } from '../socket/actions';
import type { AppSocket } from '../socket/validated';
import { candidateTimeline } from './candidate-timeline';
import { consoleSessions } from './console-sessions';
import { buildResultsSummary } from './results-summary';

/** Read models of the proctor console (session list, timeline, results, audit status). */
export function registerConsoleHandlers(socket: AppSocket, ctx: ServerContext): void {
  const { store, now } = ctx.components;
  onAction(socket, ctx, 'console:sessions', () => ({ sessions: consoleSessions(store.db, now()) }));
  onAction(socket, ctx, 'console:timeline', ({ attemptId }) => ({
    entries: candidateTimeline(store.db, attemptId),
  }));
  onAction(socket, ctx, 'results:summary', ({ sessionId }) =>
    buildResultsSummary(store.db, sessionId),
  );
  onAction(socket, ctx, 'session:assign-proctors', ({ sessionId, usernames }, p) => ({
    proctors: assignProctors(store.db, store.audit, sessionId, usernames, actorName(p), now()),
  }));
  onAction(socket, ctx, 'audit:status', () => {
    const result = verifyAuditChain(store.db, 20);
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
