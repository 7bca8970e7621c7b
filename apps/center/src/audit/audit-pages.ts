import type { Queryable } from '../db/center-db';
import { readAuditRowsOfAction, type AuditRow } from './audit-repository';

/*
 * The records of one action in chain order, read a page at a time, so a check over every
 * certificate.issue or batch.approve record holds one page in memory, not the whole chain.
 */

export async function* auditRecordsOf(
  db: Queryable,
  action: string,
  page = 200,
): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const rows = await readAuditRowsOfAction(db, action, after, page);
    for (const row of rows) yield { ...row, seq: Number(row.seq) };
    const last = rows.at(-1);
    if (rows.length < page || last === undefined) return;
    after = Number(last.seq);
  }
}

/** A row whose content does not match the audit record that pins it. */
export interface ContentProblem {
  readonly seq: number;
  readonly subject: string;
  readonly problem: string;
}
