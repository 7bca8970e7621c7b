import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnswerValue, ConsoleDownload } from '@skillexam/shared';
import { verifyResultsPackage } from '@skillexam/item-bank/results-package';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { exportResults, type ResultsExportFiles } from '../../src/export/results-export';
import { okData, runningSession, type RunningSession } from '../support/running-session';
import { call, type TestClient } from '../support/util';

/*
 * Each console download builds its one file on its own (docs/decisions/0980), and that file is
 * the export's: a results export made afterwards at the same time holds the same bytes (the
 * package, the statistics, the responses) or the same content (xlsx and PDF, whose containers
 * may carry their own write time).
 */

let room: RunningSession | undefined;
afterEach(async () => {
  await room?.server.closeAll();
  room = undefined;
});

const tf = (value: boolean): AnswerValue => ({ kind: 'true_false', value });
const sc = (option: 'A' | 'B' | 'C' | 'D'): AnswerValue => ({ kind: 'choice', selected: [option] });

async function answer(client: TestClient, attemptId: string, plan: [string, AnswerValue][]) {
  for (const [index, [itemId, value]] of plan.entries())
    okData(
      await call(client, 'answer:save', {
        attemptId,
        seq: index + 1,
        itemId,
        value,
        clientTime: new Date().toISOString(),
      }),
    );
}

const FILES: Readonly<
  Record<Exclude<ConsoleDownload, 'incident-record'>, keyof ResultsExportFiles>
> = {
  // a key-bearing file first: its download records the key's release (0220), which moves
  // the chain head every file names
  'results-package': 'resultsPackage',
  'answer-sheets': 'answerSheets',
  'item-statistics': 'itemStatistics',
  responses: 'responses',
  'score-summary': 'scoreSummary',
};

/** Every cell of every sheet of an .xlsx (the zip's entries carry their own write time). */
async function sheetValues(bytes: Uint8Array): Promise<unknown[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[] = [sheet.name];
    sheet.eachRow((row) => rows.push(JSON.stringify(row.values)));
    return rows;
  });
}

/** The text a PDF or xlsx shows, without the container's own timestamps. */
function stripTimes(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('latin1')
    .replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, '')
    .replace(/\/ID \[[^\]]*\]/g, '');
}

describe('single-file results downloads', () => {
  it('serves each file built on its own, equal to the export of the same moment', async () => {
    room = await runningSession(4, { settings: { answerGraceMs: 0 } });
    const { server, proctor, seeded, candidates, clock } = room;
    const plans: [string, AnswerValue][][] = [
      [
        ['tf1', tf(true)],
        ['tf2', tf(true)],
        ['sc1', sc('A')],
        ['sc2', sc('C')],
      ],
      [
        ['tf1', tf(false)],
        ['sc1', sc('B')],
      ],
      [
        ['tf1', tf(true)],
        ['tf3', tf(true)],
        ['sc3', sc('A')],
      ],
      [],
    ];
    for (const [index, plan] of plans.entries()) {
      const c = candidates[index]!;
      await answer(c.client, c.attemptId, plan);
    }
    clock.advanceMinutes(60);
    for (const c of candidates)
      okData(
        await call(proctor, 'proctor:force-submit', { attemptId: c.attemptId, reason: '收卷' }),
      );
    okData(await call(proctor, 'session:end', { sessionId: seeded.sessionId, reason: '考试结束' }));

    const token = await server.staffToken('admin', 'admin1');
    const downloaded = new Map<string, Uint8Array>();
    for (const file of Object.keys(FILES)) {
      const res = await fetch(
        `${server.url}/api/console/download?sessionId=${seeded.sessionId}&file=${file}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      expect(res.status, file).toBe(200);
      downloaded.set(file, new Uint8Array(await res.arrayBuffer()));
    }
    // the export, at the moment the downloads were made, after them (the key release is recorded)
    const out = mkdtempSync(join(tmpdir(), 'single-file-'));
    const files = await exportResults(server.components.store, {
      sessionId: seeded.sessionId,
      outDir: out,
      now: new Date(clock.now()),
      siteName: '考点',
      occupationAndLevel: '职业技能等级认定',
    });
    for (const [file, key] of Object.entries(FILES)) {
      const single = downloaded.get(file)!;
      const exported = new Uint8Array(readFileSync(String(files[key])));
      if (file === 'score-summary') {
        expect(await sheetValues(single)).toEqual(await sheetValues(exported));
      } else if (file === 'answer-sheets') {
        expect(stripTimes(single), file).toBe(stripTimes(exported));
      } else {
        expect(Buffer.from(single).equals(Buffer.from(exported)), file).toBe(true);
      }
    }
    // the signed results package: signed by this server's key, with every candidate
    const { store } = server.components;
    const publicPem = store.serverKey.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const verified = verifyResultsPackage(downloaded.get('results-package')!, [publicPem]);
    expect(verified.ok).toBe(true);
    if (verified.ok) expect(verified.payload.candidates).toHaveLength(4);
    expect(new TextDecoder().decode(downloaded.get('responses')).split('\n')[0]).toMatch(
      /^考生,tf1,/,
    );
  }, 60_000);
});
