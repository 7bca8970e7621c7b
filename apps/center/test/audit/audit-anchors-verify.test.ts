import { expect, it } from 'vitest';
import { readAuditHead } from '../../src/audit/audit-repository';
import { createPgAuditLog } from '../../src/audit/pg-audit-log';
import { verifyAudit } from '../../src/audit/verify-audit';
import { describeStores } from '../support/center-db';
import { rewriteChainFrom } from '../support/rewrite-audit-chain';

/*
 * A chain rewritten from some record on, every later hash and the head recomputed, passes the
 * walk; an anchor kept outside the database (decision 1070) at or after that record names it.
 */

describeStores('audit chain against external anchors', (getDb) => {
  it('a rewritten tail passes the walk but not an anchor taken before the rewrite', async () => {
    const db = getDb();
    const audit = createPgAuditLog();
    const append = (subject: string) =>
      db.transaction((tx) =>
        audit.append(tx, { actor: 'x', action: 'probe', subject, details: { n: subject } }),
      );
    for (const subject of ['a', 'b', 'c']) await append(subject);
    const early = await readAuditHead(db); // #3, as a site's receipt would name it
    for (const subject of ['d', 'e']) await append(subject);
    const head = await readAuditHead(db); // #5, as a supervisor would write it down
    if (early === undefined || head === undefined) throw new Error('head expected');
    expect(await verifyAudit(db, [early, head])).toMatchObject({
      ok: true,
      records: 5,
      anchors: 2,
    });

    await rewriteChainFrom(db, 2, (details) => ({ ...details, n: 'forged' }));
    expect(await verifyAudit(db)).toMatchObject({ ok: true, records: 5 }); // the walk alone
    const verdict = await verifyAudit(db, [head, early]);
    expect(verdict).toMatchObject({ ok: false, seq: 3 }); // the earliest anchor that disagrees
    if (!verdict.ok) expect(verdict.problem).toMatch(/外部锚点 #3 不符/);
  });

  it('an anchor beyond the head says records were removed', async () => {
    const db = getDb();
    const head = await readAuditHead(db);
    if (head === undefined) throw new Error('head expected');
    const verdict = await verifyAudit(db, [{ seq: head.seq + 1, hash: 'f'.repeat(64) }]);
    expect(verdict).toMatchObject({ ok: false, seq: head.seq + 1 });
    if (!verdict.ok) expect(verdict.problem).toMatch(/不在链中/);
  });
});
