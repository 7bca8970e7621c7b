/* eslint-disable no-console */
import { parseArgs } from 'node:util';
import { lookupCode } from '../src/lookup/lookup-code';
import { lookupSecret, verifyByCode, verifyByProof } from '../src/lookup/verify-certificate';
import { openBenchStore, percentile } from './bench-store';

/*
 * `DATABASE_URL=postgres://… npx tsx apps/center/bench/lookup.bench.ts --certificates 1000000`
 * Fills a fresh database with `--certificates` certificates of 20 organisations (bulk SQL, not
 * the issuing path — that has its own bench), then times `--lookups` public lookups one after
 * another: by number + name (half right, a quarter wrong name, a quarter unknown number) and by
 * QR code. Prints p50/p95/p99 in ms; the target is p95 ≤ 10 ms.
 */

const { values } = parseArgs({
  options: {
    certificates: { type: 'string', default: '1000000' },
    lookups: { type: 'string', default: '5000' },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const TOTAL = Number(values.certificates);
const LOOKUPS = Number(values.lookups);
const ORGS = 20;
const PER_ORG = Math.ceil(TOTAL / ORGS);

const store = await openBenchStore('center_bench_lookup');
const { db } = store;
const fillStarted = performance.now();
for (let org = 0; org < ORGS; org += 1) {
  const id = `org-${String(org).padStart(2, '0')}`;
  const siteSerial = String(200 + org).padStart(6, '0');
  const prefix = `S000044${siteSerial}265`;
  await db.query(
    `INSERT INTO organisations (id, kind, code, province, name, filed_at, created_by)
     VALUES ($1, 'S', '0000', '44', $2, now(), 'bench')`,
    [id, `评价机构${String(org)}`],
  );
  const [range] = await db.query<{ id: string }>(
    `INSERT INTO certificate_ranges (organisation_id, prefix, site_serial, year, level, first_serial,
       last_serial, next_serial, allocated_by, allocated_at)
     VALUES ($1, $2, $3, 2026, 5, 1, $4, $4 + 1, 'bench', now()) RETURNING id::text`,
    [id, prefix, siteSerial, PER_ORG],
  );
  await db.query(
    `INSERT INTO certificates (number, range_id, serial, organisation_id, id_type, id_number, name,
       occupation_code, occupation_name, level, issued_at, issued_by)
     SELECT $1 || lpad(n::text, 6, '0'), $2, n, $3, '居民身份证',
            '440106199001' || lpad((n % 1000000)::text, 6, '0'), '考生' || $4 || '-' || n,
            '4-04-05-04', '网络与信息安全管理员', 5, now(), 'bench'
     FROM generate_series(1, $5::int) AS n`,
    [prefix, range?.id, id, String(org), PER_ORG],
  );
}
await db.exec('VACUUM ANALYZE certificates');
const fillSeconds = (performance.now() - fillStarted) / 1000;

const secret = await lookupSecret(db);
function randomTarget(): { number: string; name: string; org: number; serial: number } {
  const org = Math.floor(Math.random() * ORGS);
  const serial = 1 + Math.floor(Math.random() * PER_ORG);
  return {
    org,
    serial,
    number: `S000044${String(200 + org).padStart(6, '0')}265${String(serial).padStart(6, '0')}`,
    name: `考生${String(org)}-${String(serial)}`,
  };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

const byProof: number[] = [];
const byCode: number[] = [];
let hits = 0;
for (let i = 0; i < 200; i += 1) await verifyByProof(db, randomTarget().number, '热身'); // warm-up
for (let i = 0; i < LOOKUPS; i += 1) {
  const target = randomTarget();
  const kind = i % 4;
  const number = kind === 3 ? `${target.number.slice(0, 16)}999999` : target.number;
  const proof = kind === 2 ? '不存在的姓名' : target.name;
  byProof.push(
    await time(async () => {
      if ((await verifyByProof(db, number, proof)) !== undefined) hits += 1;
    }),
  );
  byCode.push(await time(() => verifyByCode(db, target.number, lookupCode(secret, target.number))));
}
byProof.sort((a, b) => a - b);
byCode.sort((a, b) => a - b);
const ms = (n: number) => Number(n.toFixed(2));
const result = {
  certificates: PER_ORG * ORGS,
  fillSeconds: Number(fillSeconds.toFixed(1)),
  lookups: LOOKUPS,
  hits,
  byProof: {
    p50: ms(percentile(byProof, 50)),
    p95: ms(percentile(byProof, 95)),
    p99: ms(percentile(byProof, 99)),
  },
  byCode: {
    p50: ms(percentile(byCode, 50)),
    p95: ms(percentile(byCode, 95)),
    p99: ms(percentile(byCode, 99)),
  },
  targetP95Ms: 10,
};
console.log(values.json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
await store.dispose(values.keep);
if (result.byProof.p95 > 10 || result.byCode.p95 > 10) process.exitCode = 1;
