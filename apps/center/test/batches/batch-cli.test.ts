import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBatch } from '../../src/batches/batch-service';
import { migrate } from '../../src/db/migrate';
import { openCenterDb } from '../../src/db/open-center-db';
import { CENTER_BIN, runBin } from '../statistics/support/sample-bank';
import { testContext } from '../support/center-db';
import { addOrganisation, addStaff } from './support/centre-fixtures';

/* `center batch list|show` on a store in a folder, through the built command. */

const dir = mkdtempSync(join(tmpdir(), 'center-batch-cli-'));
let batchId = '';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const db = await openCenterDb({ dataDir: dir });
  try {
    await migrate(db);
    const maker = await addStaff(db, 'org_staff', await addOrganisation(db));
    const batch = await createBatch(testContext(db), maker, {
      name: '命令行批次',
      occupationCode: '6-31-01-03',
      occupationName: '电工',
      level: 3,
    });
    batchId = batch.id;
  } finally {
    await db.close();
  }
}, 120_000);

it(
  'lists and shows batches; an unknown id exits 2 with the reason',
  { timeout: 60_000 },
  async () => {
    const list = await runBin(CENTER_BIN, ['batch', 'list', '--data', dir]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`${batchId}\\s+draft\\s+电工 3 级\\s+命令行批次`));
    const show = await runBin(CENTER_BIN, ['batch', 'show', batchId, '--data', dir, '--json']);
    expect(JSON.parse(show.stdout)).toMatchObject({
      batch: { id: batchId },
      summary: { candidates: 0 },
    });
    const missing = await runBin(CENTER_BIN, ['batch', 'show', 'B-none', '--data', dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/没有批次 B-none/);
  },
);
