import { resolve } from 'node:path';
import { CodedError, shellWord } from '@skillexam/shared';
import { z } from 'zod';
import type { Components } from '../components';
import type { Router } from '../http/router';
import { readJsonInput, staffRoute, type StaffRouteDeps } from '../http/staff-route';
import { listSessions } from '../sessions/session-repository';
import { readWitnessOf, verifyStoreChain } from './verify-store';

/*
 * POST /api/audit/verify — 立即校验 on the console's 审计 page (exam admin, supervisor;
 * docs/decisions/0983): the same verification as `proctor-server audit verify --data <dir>`
 * (verifyStoreChain with the key file's public key, the chain-head witness, answers and scores
 * replayed against the chain), run now, never cached. It replays every answer on the server's
 * one event loop, so it is refused while a session is under way (the socket's `audit:status`
 * keeps to the chain and signatures; the CLI runs beside the server in its own process).
 */

const BUSY: ReadonlySet<string> = new Set(['check_in', 'running', 'paused']);

export function addAuditVerifyRoutes(router: Router, components: Components): Router {
  const deps: StaffRouteDeps = { db: components.store.db, now: components.now };
  const { store, now } = components;
  return router.post(
    '/api/audit/verify',
    staffRoute(deps, async (req) => {
      await readJsonInput(req, z.strictObject({}));
      const busy = listSessions(store.db).filter((s) => BUSY.has(s.status));
      if (busy.length > 0)
        throw new CodedError(
          'CONFLICT',
          `考试进行中 (${busy.map((s) => s.id).join(', ')})，完整校验请在场次结束后进行，或在服务器上运行命令行 (a session is under way: run the full check after it ends, or use the CLI)`,
        );
      const started = performance.now();
      const result = verifyStoreChain(store, 50, readWitnessOf(store.dataDir), true);
      return {
        ok: result.ok,
        records: result.records,
        checkpoints: result.checkpoints,
        lastSeq: result.lastSeq,
        verifiedAt: now(),
        tookMs: Math.round(performance.now() - started),
        problems: result.problems.map((p) => ({ seq: p.seq, problem: p.problem })),
        warnings: result.warnings.map((w) => ({ seq: w.seq, problem: w.problem })),
        ...(store.dataDir === undefined
          ? {}
          : { command: `proctor-server audit verify --data ${shellWord(resolve(store.dataDir))}` }),
      };
    }),
  );
}
