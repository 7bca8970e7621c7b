/* eslint-disable no-console */
import { parseArgs } from 'node:util';
import { createPgAuditLog } from '../src/audit/pg-audit-log';
import type { CenterPrincipal } from '../src/auth/center-roles';
import { residentIdCheckChar } from '../src/certificates/holder-id';
import { issueCertificates } from '../src/certificates/issue-certificates';
import { allocatePendingInFilingOrder, requestRange } from '../src/certificates/number-ranges';
import { openBenchStore } from './bench-store';

/*
 * `DATABASE_URL=postgres://… npx tsx apps/center/bench/certificates.bench.ts --total 100000`
 * 8 concurrent issuers number `--total` certificates in calls of `--per-call` holders for 20
 * organisations (each call picks an organisation in turn), every call one transaction with a
 * per-certificate audit record. Then checks: no duplicate number, and every range's serials
 * are exactly first … next-1 (no gap). Prints certificates per second.
 */

const { values } = parseArgs({
  options: {
    total: { type: 'string', default: '100000' },
    issuers: { type: 'string', default: '8' },
    organisations: { type: 'string', default: '20' },
    'per-call': { type: 'string', default: '50' },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const TOTAL = Number(values.total);
const ISSUERS = Number(values.issuers);
const ORGS = Number(values.organisations);
const PER_CALL = Number(values['per-call']);
const NOW = new Date('2026-06-15T04:00:00Z');

function idNumber(n: number): string {
  const first17 = `110101${String(19700101 + (n % 28))}${String(n % 1000).padStart(3, '0')}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

const store = await openBenchStore('center_bench_cert', ISSUERS + 2);
const { db } = store;
const audit = createPgAuditLog(() => NOW);
const admin: CenterPrincipal = { staffId: 'a', username: 'bench-admin', role: 'centre_admin' };
const deps = { db, audit, now: () => NOW };
const orgIds = Array.from({ length: ORGS }, (_, i) => `org-${String(i).padStart(2, '0')}`);
for (const [index, id] of orgIds.entries()) {
  await db.query(
    `INSERT INTO organisations (id, kind, code, province, name, filed_at, created_by)
     VALUES ($1, 'S', '0000', '44', $2, $3, 'bench')`,
    [id, `评价机构${String(index)}`, new Date(Date.UTC(2024, 0, 1 + index))],
  );
  const staff: CenterPrincipal = {
    staffId: `s${String(index)}`,
    username: `staff-${id}`,
    role: 'org_staff',
    organisationId: id,
  };
  // Two ranges each, so issuing crosses from one range into the next.
  const share = Math.ceil(TOTAL / ORGS);
  for (const size of [Math.ceil(share / 3), share]) {
    await requestRange(deps, staff, {
      organisationId: id,
      siteSerial: String(100 + index).padStart(6, '0'),
      year: 2026,
      level: 4,
      size,
    });
  }
}
await allocatePendingInFilingOrder(deps, admin, 2026);

let next = 0;
let calls = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: ISSUERS }, async () => {
    for (;;) {
      const first = next;
      if (first >= TOTAL) return;
      const count = Math.min(PER_CALL, TOTAL - first);
      next += count;
      const organisationId = orgIds[calls % ORGS] ?? 'org-00';
      calls += 1;
      const holders = Array.from({ length: count }, (_, i) => ({
        idNumber: idNumber(first + i),
        name: `考生${String(first + i)}`,
        occupationCode: '6-31-01-03',
        occupationName: '电工',
        level: 4,
      }));
      await issueCertificates(db, {
        organisationId,
        holders,
        actor: {
          staffId: 'x',
          username: `staff-${organisationId}`,
          role: 'org_staff',
          organisationId,
        },
        audit,
        now: NOW,
      });
    }
  }),
);
const seconds = (performance.now() - started) / 1000;

const [{ total, distinct } = { total: 0, distinct: 0 }] = await db.query<{
  total: number;
  distinct: number;
}>('SELECT count(*)::int AS total, count(DISTINCT number)::int AS distinct FROM certificates');
const gaps = await db.query<{
  id: string;
  issued: number;
  expected: number;
  low: number;
  high: number;
}>(
  `SELECT r.id::text, count(c.id)::int AS issued, (r.next_serial - r.first_serial) AS expected,
          min(c.serial) AS low, max(c.serial) AS high, r.first_serial, r.next_serial
   FROM certificate_ranges r LEFT JOIN certificates c ON c.range_id = r.id
   GROUP BY r.id
   HAVING count(c.id) <> r.next_serial - r.first_serial
      OR (count(c.id) > 0 AND (min(c.serial) <> r.first_serial OR max(c.serial) <> r.next_serial - 1))`,
);
const [{ records } = { records: 0 }] = await db.query<{ records: number }>(
  `SELECT count(*)::int AS records FROM audit_log WHERE action = 'certificate.issue'`,
);
const result = {
  certificates: total,
  duplicates: total - distinct,
  rangesWithGaps: gaps.length,
  auditRecords: records,
  issuers: ISSUERS,
  organisations: ORGS,
  perCall: PER_CALL,
  seconds: Number(seconds.toFixed(1)),
  certificatesPerSecond: Math.round(total / seconds),
};
console.log(values.json ? JSON.stringify(result) : result);
await store.dispose(values.keep);
if (total !== TOTAL || result.duplicates !== 0 || gaps.length !== 0) process.exitCode = 1;
