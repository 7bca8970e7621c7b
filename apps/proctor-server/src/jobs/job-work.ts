import { basename } from 'node:path';
import { backupNow } from '../backup/backup';
import { assertStaffMaySee } from '../auth/session-scope';
import type { Components } from '../components';
import { assertKeyReleased, recordKeyRelease } from '../console/key-release';
import { exportResults, type ResultsExportFiles } from '../export/results-export';
import type { StaffPrincipal } from '../http/staff-route';
import { getSession } from '../sessions/session-repository';
import type { JobStart } from './job-runner';

/*
 * The two jobs an exam admin starts from the console: a results export of one session (the
 * same files as `proctor-server results export`, into the job's private folder) and an online
 * backup now (into the server's backup folder, as the scheduled backups).
 */

export interface ExportJobInput {
  readonly sessionId: string;
  readonly siteName: string;
  readonly occupationAndLevel: string;
}

const EXPORT_FILES: readonly (keyof Omit<ResultsExportFiles, 'candidates'>)[] = [
  'scoreSummary',
  'answerSheets',
  'resultsPackage',
  'incidentRecord',
  'itemStatistics',
  'responses',
];

/** A results export: refused before it starts while the key must stay secret (0220). */
export function resultsExportJob(
  components: Components,
  staff: StaffPrincipal,
  input: ExportJobInput,
): JobStart {
  const { store, now } = components;
  assertStaffMaySee(store.db, staff, input.sessionId);
  getSession(store.db, input.sessionId); // NOT_FOUND for an unknown session
  assertKeyReleased(store.db, input.sessionId);
  return {
    kind: 'results-export',
    scope: input.sessionId,
    owner: staff.username,
    sessionId: input.sessionId,
    work: async ({ progress, dir }) => {
      // the export writes the answer sheets, the package and the statistics: the key is out
      // (recorded first, so the package pins its own release; docs/decisions/0220)
      recordKeyRelease(
        store.db,
        store.audit,
        input.sessionId,
        'results-export',
        `staff:${staff.username}`,
        now(),
      );
      const files = await exportResults(store, {
        ...input,
        outDir: dir,
        now: new Date(now()),
        progress,
      });
      return EXPORT_FILES.map((key) => ({ name: basename(files[key]), path: files[key] }));
    },
  };
}

export interface BackupJobInput {
  readonly backupDir: string;
  readonly keep: number;
}

/** An online backup now; its file and chain-head witness stay in the backup folder. */
export function backupJob(
  components: Components,
  staff: StaffPrincipal,
  input: BackupJobInput,
): JobStart {
  const { store, now } = components;
  return {
    kind: 'backup',
    scope: 'server',
    owner: staff.username,
    work: async ({ progress }) => {
      const path = await backupNow(store.db, input.backupDir, now(), input.keep, { progress });
      return [{ name: basename(path), path }];
    },
  };
}
