import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  anchorText,
  CodedError,
  type CentreSetting,
  type ResultsPushReply,
} from '@skillexam/shared';
import { transaction } from '@skillexam/shared/sql';
import { assertStaffMaySee } from '../auth/session-scope';
import type { Components } from '../components';
import type { StaffPrincipal } from '../http/staff-route';
import type { JobRunner } from '../jobs/job-runner';
import { getSession } from '../sessions/session-repository';
import { pushResultsBytes, verdictLines } from './push-to-centre';
import { readSiteSetting, writeSiteSetting } from './site-settings-repository';

/*
 * 上报评价中心 from the console (docs/decisions/0991): the results package the admin exported for
 * an ended session (their latest finished export job) goes to the centre through the same
 * function as `results push`; the address is remembered for the site (every admin sees it) and
 * every push is audited (`results.pushed`: centre, package hash, verdict, and the centre's
 * receipt — its own audit record of the package, kept here as an anchor of the centre's chain;
 * docs/decisions/1070-center-audit-anchored-by-witnesses.md).
 */

export const CENTRE_URL_KEY = 'results.centre-url';
const DEFAULT_TIMEOUT_MS = 60_000;

export function centreSetting(components: Components): CentreSetting {
  const row = readSiteSetting(components.store.db, CENTRE_URL_KEY);
  return row === undefined
    ? { centreUrl: null }
    : { centreUrl: row.value, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
}

/** The package file of the admin's latest finished export of the session. */
function exportedPackage(jobs: JobRunner, owner: string, sessionId: string) {
  const name = `results-${sessionId}.json`;
  const job = jobs
    .list(owner)
    .find(
      (j) =>
        j.kind === 'results-export' &&
        j.sessionId === sessionId &&
        j.status === 'succeeded' &&
        j.files.some((f) => f.name === name),
    );
  if (job === undefined)
    throw new CodedError(
      'CONFLICT',
      `请先在本页导出场次 ${sessionId} 的成绩，再上报 (export the session's results first)`,
    );
  return jobs.file(job.id, owner, name);
}

export async function pushSessionResults(
  components: Components,
  jobs: JobRunner,
  staff: StaffPrincipal,
  input: { readonly sessionId: string; readonly centreUrl: string },
): Promise<ResultsPushReply> {
  const { store, now } = components;
  assertStaffMaySee(store.db, staff, input.sessionId);
  const session = getSession(store.db, input.sessionId);
  if (session.status !== 'ended')
    throw new CodedError(
      'CONFLICT',
      `场次 ${input.sessionId} 尚未结束，不能上报成绩 (the session has not ended)`,
    );
  const file = exportedPackage(jobs, staff.username, input.sessionId);
  const bytes = readFileSync(file.path);
  const packageSha256 = createHash('sha256').update(bytes).digest('hex');
  const verdict = await pushResultsBytes(bytes, input.centreUrl, {
    timeoutMs: components.settings.centrePushTimeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  const actor = `staff:${staff.username}`;
  transaction(store.db, () => {
    writeSiteSetting(store.db, CENTRE_URL_KEY, input.centreUrl, actor, now());
    store.audit.append(
      store.db,
      {
        actor,
        action: 'results.pushed',
        payload: {
          sessionId: input.sessionId,
          centreUrl: input.centreUrl,
          packageSha256,
          verdict: verdict.ok ? (verdict.data?.status ?? 'accepted') : 'refused',
          httpStatus: verdict.status,
          ...(verdict.data?.centreReceipt === undefined
            ? {}
            : {
                centreReceipt: anchorText(verdict.data.centreReceipt),
              }),
          ...(verdict.error === undefined
            ? {}
            : { code: verdict.error.code, message: verdict.error.message.slice(0, 500) }),
        },
      },
      now(),
    );
  });
  return {
    verdict,
    packageFile: file.name,
    packageSha256,
    centreUrl: input.centreUrl,
    lines: verdictLines(verdict),
  };
}
