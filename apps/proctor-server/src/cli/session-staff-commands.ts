import { InvalidInputError } from '@skillexam/shared';
import type { Command } from 'commander';
import { openStore } from '../db/store';
import { assignProctors, assignSupervisors } from '../sessions/session-proctors';
import { cliActor, output } from './cli-io';

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

/** One of the two kinds of session staff an admin names (src/sessions/session-proctors.ts). */
interface StaffCommand {
  /** The command with its arguments. */
  readonly term: string;
  readonly description: string;
  /** The JSON key and the human label of the list printed back. */
  readonly key: 'proctors' | 'supervisors';
  readonly label: string;
  readonly assign: typeof assignProctors;
}

const COMMANDS: readonly StaffCommand[] = [
  /*
   * 监考员: the exam admin's set-up step that lets them read and act on a session (strict: an
   * unassigned session is open to no proctor, docs/decisions/0221). At least one name.
   */
  {
    term: 'assign-proctors <sessionId> <usernames...>',
    description: '指派监考员到场次（替换原名单）(assign proctors to a session; replaces the list)',
    key: 'proctors',
    label: '监考员',
    assign: assignProctors,
  },
  /*
   * 督考人员 (docs/decisions/0985), as the console's 人员 page records them; none given clears
   * the record. Supervisors keep reading every session.
   */
  {
    term: 'assign-supervisors <sessionId> [usernames...]',
    description: '记录场次的督考人员（替换原名单）(record the supervisors of a session)',
    key: 'supervisors',
    label: '督考人员',
    assign: assignSupervisors,
  },
];

/**
 * `session assign-proctors <sessionId> <username...>` and `session assign-supervisors
 * <sessionId> [username...]`: replace the session's list; audited as `cli:<user>`.
 */
export function addSessionStaffCommands(session: Command): void {
  for (const kind of COMMANDS) {
    session
      .command(kind.term)
      .description(kind.description)
      .requiredOption('--data <dir>', 'data directory')
      .option('--json', 'print JSON')
      .action((sessionId: string, usernames: string[], opts: { data: string; json?: boolean }) => {
        const names = usernames.length === 0 ? [] : parseUsernames(...usernames);
        const store = openStore(opts.data);
        try {
          const assigned = kind.assign(
            store.db,
            store.audit,
            sessionId,
            names,
            cliActor(),
            Date.now(),
          );
          output(opts.json === true, { sessionId, [kind.key]: assigned }, () => [
            `场次 ${sessionId} 的${kind.label}: ${assigned.length === 0 ? '—' : assigned.join(', ')}`,
          ]);
        } finally {
          store.close();
        }
      });
  }
}
