import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createPgAuditLog } from '../src/audit/pg-audit-log';
import type { CenterDb } from '../src/db/center-db';
import { migrate } from '../src/db/migrate';
import { openPostgresDb } from '../src/db/postgres-db';
import {
  deriveScores,
  theoryRowsOf,
  verifyEnvelope,
  type TheoryResultRow,
  type VerifiedPackage,
} from '../src/ingest/ingest-package';
import {
  ingestRowCounts,
  insertPackage,
  insertTheoryResults,
} from '../src/ingest/ingest-repository';
import { ingestPackage } from '../src/ingest/ingest-service';
import { enrolSite } from '../src/sites/enrol-site';
import { FakeSite } from '../test/ingest/fake-site';
import { addOrganisation, admin } from '../test/ingest/ingest-fixtures';

/*
 * Results-package ingest against a real PostgreSQL server (DATABASE_URL; a fresh database is
 * created and dropped). UPLOADERS concurrent uploaders, one site each, hand in PACKAGES packages
 * of CANDIDATES candidates × ITEMS items in chain order through `ingestPackage` — full
 * verification: envelope hash and Ed25519 signature, site claims, every score re-derived with its
 * chained record rebuilt, the record headers relinked, continuity under the site's row lock, one
 * transaction with the audit record. Baseline in the same run: the same rows written bare
 * (package row + one multi-row INSERT … SELECT FROM unnest of the results, no verification,
 * no audit), same concurrency. Packages are made before timing starts.
 *
 *   DATABASE_URL=postgres://… PACKAGES=1000 npx tsx apps/center/bench/ingest.bench.ts
 */

const PACKAGES = Number(process.env['PACKAGES'] ?? 1000);
const CANDIDATES = Number(process.env['CANDIDATES'] ?? 100);
const ITEMS = Number(process.env['ITEMS'] ?? 50);
const UPLOADERS = Number(process.env['UPLOADERS'] ?? 8);

async function freshDatabase(base: string): Promise<{ db: CenterDb; drop: () => Promise<void> }> {
  const name = `center_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = openPostgresDb({ databaseUrl: url.toString() });
  await migrate(db);
  return {
    db,
    async drop() {
      await db.close();
      const again = new pg.Client({ connectionString: base });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0;
}

interface RunResult {
  readonly seconds: number;
  readonly perPackageMs: number[];
}

/** Each uploader works through its own site's packages in order; all uploaders at once. */
async function run(
  queues: readonly Uint8Array[][],
  handIn: (uploader: number, bytes: Uint8Array) => Promise<void>,
): Promise<RunResult> {
  const perPackageMs: number[] = [];
  const start = performance.now();
  await Promise.all(
    queues.map(async (queue, uploader) => {
      for (const bytes of queue) {
        const t = performance.now();
        await handIn(uploader, bytes);
        perPackageMs.push(performance.now() - t);
      }
    }),
  );
  return { seconds: (performance.now() - start) / 1000, perPackageMs };
}

const say = (line: string): boolean => process.stdout.write(`${line}\n`);
const note = (line: string): boolean => process.stderr.write(`${line}\n`);

interface Uploader {
  readonly site: FakeSite;
  readonly packages: Uint8Array[];
  /** The site's id in the baseline store. */
  bareSiteId: string;
  /** Verified and re-derived before timing: the baseline only writes. */
  readonly bareRows: { verified: VerifiedPackage; rows: TheoryResultRow[] }[];
}

async function enrolAll(db: CenterDb, uploaders: readonly Uploader[]): Promise<string[]> {
  await addOrganisation(db, 'org-bench');
  const ids: string[] = [];
  for (const [index, { site }] of uploaders.entries()) {
    const deps = { db, audit: createPgAuditLog(), now: () => new Date() };
    const view = await enrolSite(deps, admin, {
      organisationId: 'org-bench',
      name: site.name,
      siteSerial: String(300000 + index),
      publicKeyPem: site.publicKeyPem,
    });
    ids.push(view.id);
  }
  return ids;
}

async function bareWrite(
  db: CenterDb,
  siteId: string,
  prepared: Uploader['bareRows'][number],
): Promise<void> {
  const { verified, rows } = prepared;
  const p = verified.payload;
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await insertPackage(tx, {
      id,
      siteId,
      sha256: verified.sha256,
      formatVersion: verified.version,
      sessionId: p.session.id,
      sessionName: p.session.name,
      sessionStartsAt: new Date(p.session.startsAt),
      examId: p.exam.id,
      examTitle: p.exam.title,
      occupationAndLevel: p.exam.occupationAndLevel,
      generatedAt: new Date(p.generatedAt),
      receivedAt: new Date(),
      receivedBy: 'bench',
      byteSize: 1,
      chainSeq: p.audit?.head.seq ?? 1,
      chainHash: p.audit?.head.hash ?? '0'.repeat(64),
      candidates: rows.length,
    });
    const pkg = {
      packageId: id,
      siteId,
      sessionId: p.session.id,
      examId: p.exam.id,
      occupationAndLevel: p.exam.occupationAndLevel,
      fullMarks: p.exam.fullMarks,
    };
    await insertTheoryResults(tx, pkg, rows);
  });
}

async function main(): Promise<void> {
  const base = process.env['DATABASE_URL'];
  if (base === undefined || base === '') throw new Error('set DATABASE_URL to a PostgreSQL server');
  note(`making ${PACKAGES} packages × ${CANDIDATES} candidates × ${ITEMS} items …`);
  const uploaders: Uploader[] = Array.from({ length: UPLOADERS }, (_, i) => ({
    site: new FakeSite(`压测考点 ${i + 1}`),
    packages: [],
    bareSiteId: '',
    bareRows: [],
  }));
  let bytesTotal = 0;
  for (let p = 0; p < PACKAGES; p += 1) {
    const uploader = uploaders[p % UPLOADERS];
    if (uploader === undefined) throw new Error('no uploader');
    const bytes = uploader.site.makePackage({
      sessionId: `b${p}`,
      candidates: CANDIDATES,
      items: ITEMS,
      filler: 20,
    });
    bytesTotal += bytes.byteLength;
    uploader.packages.push(bytes);
  }
  note(`packages made: mean ${(bytesTotal / PACKAGES / 1024).toFixed(0)} KiB`);

  const full = await freshDatabase(base);
  const bare = await freshDatabase(base);
  try {
    await enrolAll(full.db, uploaders);
    const bareIds = await enrolAll(bare.db, uploaders);
    for (const [index, uploader] of uploaders.entries()) {
      uploader.bareSiteId = bareIds[index] ?? '';
      for (const bytes of uploader.packages) {
        const verified = verifyEnvelope(bytes, uploader.site.publicKeyPem);
        const derived = deriveScores(verified.payload, verified.version);
        uploader.bareRows.push({ verified, rows: theoryRowsOf(verified.payload, derived) });
      }
    }
    const queues = uploaders.map((u) => u.packages);
    const next = uploaders.map(() => 0);
    const bareRun = await run(queues, async (index) => {
      const uploader = uploaders[index];
      const prepared = uploader?.bareRows[next[index] ?? 0];
      next[index] = (next[index] ?? 0) + 1;
      if (uploader === undefined || prepared === undefined) throw new Error('no prepared rows');
      await bareWrite(bare.db, uploader.bareSiteId, prepared);
    });
    const deps = { db: full.db, audit: createPgAuditLog(), now: () => new Date() };
    const fullRun = await run(queues, async (_index, bytes) => {
      const outcome = await ingestPackage(deps, { kind: 'site' }, bytes);
      if (outcome.status !== 'ingested') throw new Error(`not ingested: ${outcome.status}`);
    });
    const counts = await ingestRowCounts(full.db);
    const bareCounts = await ingestRowCounts(bare.db);
    if (counts.results !== PACKAGES * CANDIDATES || bareCounts.results !== PACKAGES * CANDIDATES)
      throw new Error(`row counts wrong: ${JSON.stringify({ counts, bareCounts })}`);
    const line = (label: string, r: RunResult) =>
      `${label.padEnd(28)} ${(PACKAGES / r.seconds).toFixed(1).padStart(8)} packages/s ${((PACKAGES * CANDIDATES) / r.seconds).toFixed(0).padStart(8)} results/s   p95 ${p95(r.perPackageMs).toFixed(1)} ms/package   (${r.seconds.toFixed(1)} s)`;
    say(
      `ingest bench: ${PACKAGES} packages × ${CANDIDATES} candidates × ${ITEMS} items, ${UPLOADERS} concurrent uploaders, PostgreSQL`,
    );
    say(line('full verification + write', fullRun));
    say(line('bare baseline (unnest)', bareRun));
    say(`ratio full/bare time: ${(fullRun.seconds / bareRun.seconds).toFixed(1)}×`);
  } finally {
    await full.drop();
    await bare.drop();
  }
}

await main();
