import {
  addAllCommands,
  addLazyCommands,
  type CommandModule,
  type LazyCommand,
} from '@skillexam/item-bank/lazy-commands';
import { Command } from 'commander';

/*
 * The `proctor-server` command tree. A command line loads only the module of the command it
 * names (docs/decisions/0721): `--help` loads none, `serve` the server, `tls show` the TLS code.
 * A new top-level command gets a line in PROCTOR_COMMANDS; cli-help.test.ts fails until it does.
 */

const server: CommandModule = async () => (await import('./commands')).addServerCommands;
const exams: CommandModule = async () => (await import('./exam-commands')).addExamCommands;
const rooms: CommandModule = async () => (await import('./room-commands')).addRoomCommands;
const kiosks: CommandModule = async () => (await import('./kiosk-commands')).addKioskCommands;
const tls: CommandModule = async () => (await import('../tls/tls-commands')).addTlsCommands;

const command = (
  name: string,
  term: string,
  description: string,
  modules: readonly CommandModule[],
): LazyCommand => ({ name, term, description, modules });

export const PROCTOR_COMMANDS: readonly LazyCommand[] = [
  command('serve', 'serve [options]', '启动服务器 (start the server)', [server]),
  command('user', 'user', '考务人员账号 (staff accounts)', [server]),
  command('audit', 'audit', '审计链 (audit trail)', [server]),
  command('backup', 'backup [options]', '立即在线备份 (online backup now)', [server]),
  command(
    'restore',
    'restore [options] <backup>',
    '从备份恢复 (server must be stopped; the backup is verified first)',
    [server],
  ),
  command('package', 'package', '考试包密钥 (exam package keys)', [exams]),
  command('exam', 'exam', '考试 (exams)', [exams]),
  command('session', 'session', '考试场次 (sessions)', [exams]),
  command('roster', 'roster', '考生名单 (rosters)', [exams]),
  command('results', 'results', '成绩 (results)', [exams]),
  command('room', 'room', '考场与座位图 (rooms and seat maps)', [rooms]),
  command('kiosk', 'kiosk', '考试机登记 (enrolled exam PCs)', [kiosks]),
  command('tls', 'tls', '考点证书 (the site TLS certificate)', [tls]),
];

/**
 * The program for `argv` (user arguments, without node and script): only the command it names
 * is registered. Without `argv`, every command (tests that drive several commands in-process).
 */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command('proctor-server')
    .description('考场服务器 — LAN proctor server for computer-based theory exams')
    .showHelpAfterError()
    .exitOverride();
  if (argv === undefined) await addAllCommands(program, PROCTOR_COMMANDS);
  else await addLazyCommands(program, PROCTOR_COMMANDS, argv);
  return program;
}
