import { InvalidInputError } from '@skillexam/shared';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { openStore } from '../db/store';
import { gridLayout, parseGaps } from '../rooms/grid-layout';
import { setRoomLayout } from '../rooms/room-layout';
import { listRooms } from '../rooms/room-repository';
import { cliActor, output } from './cli-io';

/** `room list`, `room set-layout`: 考场座位图. */
export function addRoomCommands(program: Command): void {
  const room = program.command('room').description('考场与座位图 (rooms and seat maps)');
  room
    .command('list')
    .description('列出场次的考场与座位图')
    .requiredOption('--data <dir>', 'data directory')
    .requiredOption('--session <id>', 'session id')
    .option('--json', 'print JSON')
    .action((opts: { data: string; session: string; json?: boolean }) => {
      const store = openStore(opts.data);
      try {
        const rooms = listRooms(store.db, opts.session);
        output(opts.json === true, rooms, () =>
          rooms.map(
            (r) =>
              `${r.roomId}\t${r.name}\t${r.layout.rows}×${r.layout.columns}\t${r.layout.seats.length} 座`,
          ),
        );
      } finally {
        store.close();
      }
    });
  room
    .command('set-layout <roomId>')
    .description('设置座位图: --rows/--columns [--gaps 行:列,…] 或 --file layout.json')
    .requiredOption('--data <dir>', 'data directory')
    .requiredOption('--session <id>', 'session id')
    .option('--rows <n>', 'rows of the grid (row 1 is the front)')
    .option('--columns <n>', 'columns of the grid')
    .option('--gaps <cells>', 'cells without a seat, e.g. 1:4,2:4 (aisles)', '')
    .option(
      '--file <json>',
      'a full seat map { rows, columns, seats: [{ seat, label, row, column }] }',
    )
    .option('--json', 'print JSON')
    .action(
      (
        roomId: string,
        opts: {
          data: string;
          session: string;
          rows?: string;
          columns?: string;
          gaps: string;
          file?: string;
          json?: boolean;
        },
      ) => {
        let layout: unknown;
        if (opts.file !== undefined) {
          try {
            layout = JSON.parse(readFileSync(opts.file, 'utf8')) as unknown;
          } catch (error) {
            throw new InvalidInputError(
              `--file ${opts.file}: 不是有效的 JSON (${(error as Error).message})`,
            );
          }
        } else if (opts.rows !== undefined && opts.columns !== undefined) {
          layout = gridLayout(Number(opts.rows), Number(opts.columns), parseGaps(opts.gaps));
        } else {
          throw new InvalidInputError(
            '请给出 --rows 与 --columns，或 --file (a grid or a seat map file)',
          );
        }
        const store = openStore(opts.data);
        try {
          const updated = setRoomLayout(
            store.db,
            store.audit,
            { sessionId: opts.session, roomId, layout },
            cliActor(),
            Date.now(),
          );
          output(opts.json === true, updated, () => [
            `已设置 ${updated.name} 座位图: ${updated.layout.rows}×${updated.layout.columns}, ${updated.layout.seats.length} 座`,
          ]);
        } finally {
          store.close();
        }
      },
    );
}
