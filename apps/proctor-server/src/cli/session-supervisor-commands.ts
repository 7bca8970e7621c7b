import type { Command } from 'commander';
import { openStore } from '../db/store';
import { assignSupervisors } from '../sessions/session-proctors';
import { output } from './cli-io';
import { parseUsernames } from './session-proctor-commands';

const actor = (): string => `cli:${process.env['USER'] ?? 'unknown'}`;

/**
 * `session assign-supervisors <sessionId> [username...]`: records the session's 督考人员
 * (docs/decisions/0985), as the console's 人员 page does; none given clears the record.
 * Replaces the list; audited as `cli:<user>`. Supervisors keep reading every session.
 */
export function addAssignSupervisorsCommand(session: Command): void {
  session
    .command('assign-supervisors <sessionId> [usernames...]')
    .description('记录场次的督考人员（替换原名单）(record the supervisors of a session)')
    .requiredOption('--data <dir>', 'data directory')
    .option('--json', 'print JSON')
    .action((sessionId: string, usernames: string[], opts: { data: string; json?: boolean }) => {
      const names = usernames.length === 0 ? [] : parseUsernames(...usernames);
      const store = openStore(opts.data);
      try {
        const supervisors = assignSupervisors(
          store.db,
          store.audit,
          sessionId,
          names,
          actor(),
          Date.now(),
        );
        output(opts.json === true, { sessionId, supervisors }, () => [
          `场次 ${sessionId} 的督考人员: ${supervisors.length === 0 ? '—' : supervisors.join(', ')}`,
        ]);
      } finally {
        store.close();
      }
    });
}
