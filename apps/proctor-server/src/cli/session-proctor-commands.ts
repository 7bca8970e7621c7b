import { InvalidInputError } from '@skillexam/shared';
import type { Command } from 'commander';
import { openStore } from '../db/store';
import { assignProctors } from '../sessions/session-proctors';
import { output } from './cli-io';

const actor = (): string => `cli:${process.env['USER'] ?? 'unknown'}`;

/** `a,b c` → ['a', 'b', 'c']: usernames given as several arguments or comma-separated. */
export function parseUsernames(...values: readonly string[]): string[] {
  const names = values.flatMap((value) => value.split(',')).map((name) => name.trim());
  const bad = names.find((name) => name === '' || name.length > 64);
  if (bad !== undefined)
    throw new InvalidInputError(
      `监考员用户名无效 "${bad}" (invalid username; e.g. proctor1,proctor2)`,
    );
  return names;
}

/**
 * `session assign-proctors <sessionId> <username...>`: the exam admin's set-up step that lets
 * 监考员 read and act on a session (strict: an unassigned session is open to no proctor,
 * docs/decisions/0221). Replaces the session's list; audited as `cli:<user>`.
 */
export function addAssignProctorsCommand(session: Command): void {
  session
    .command('assign-proctors <sessionId> <usernames...>')
    .description('指派监考员到场次（替换原名单）(assign proctors to a session; replaces the list)')
    .requiredOption('--data <dir>', 'data directory')
    .option('--json', 'print JSON')
    .action((sessionId: string, usernames: string[], opts: { data: string; json?: boolean }) => {
      const names = parseUsernames(...usernames);
      const store = openStore(opts.data);
      try {
        const proctors = assignProctors(
          store.db,
          store.audit,
          sessionId,
          names,
          actor(),
          Date.now(),
        );
        output(opts.json === true, { sessionId, proctors }, () => [
          `场次 ${sessionId} 的监考员: ${proctors.join(', ')}`,
        ]);
      } finally {
        store.close();
      }
    });
}
