import { auditRecordsOf, type ContentProblem } from '../audit/audit-pages';
import type { AuditRow } from '../audit/audit-repository';
import { ListDigest } from '../audit/content-digest';
import type { Queryable } from '../db/center-db';
import { countCertificates, readAuditedCertificates } from './certificate-audit-repository';
import { certificateDigest, issuedDigest } from './certificate-digest';

/*
 * `audit verify`'s check of the certificates table against the chain
 * (docs/decisions/1067-center-audit-covers-content.md): each certificate.issue record's
 * contentDigest is recomputed from today's rows (a voided one as it was issued, once its own
 * row matches the digest its last certificate.void recorded), and the table may hold no more
 * certificates than the issue records list. Streams: one page of records and one chunk of
 * numbers at a time, whatever the number of certificates.
 */

const CHUNK = 1000;

function numbersOf(record: AuditRow): readonly string[] | undefined {
  const numbers = record.details['numbers'];
  return Array.isArray(numbers) && numbers.every((n) => typeof n === 'string')
    ? (numbers as string[])
    : undefined;
}

async function checkIssue(
  db: Queryable,
  record: AuditRow,
  numbers: readonly string[],
  expected: string,
): Promise<ContentProblem | undefined> {
  const problem = (subject: string, text: string): ContentProblem => ({
    seq: record.seq,
    subject,
    problem: text,
  });
  const list = new ListDigest();
  for (let start = 0; start < numbers.length; start += CHUNK) {
    const chunk = numbers.slice(start, start + CHUNK);
    const rows = new Map((await readAuditedCertificates(db, chunk)).map((r) => [r.number, r]));
    for (const number of chunk) {
      const row = rows.get(number);
      if (row === undefined) {
        return problem(number, `证书 ${number} 缺失 (certificate row is missing)`);
      }
      if (row.void_digest !== null && certificateDigest(row) !== row.void_digest) {
        return problem(
          number,
          `证书 ${number} 与其作废审计记录不符 (certificate does not match its void record)`,
        );
      }
      list.add(row.void_digest === null ? certificateDigest(row) : issuedDigest(row));
    }
  }
  if (list.finish() === expected) return undefined;
  return problem(
    record.subject,
    `证书 ${record.subject} 中有证书内容与发证审计记录不符 (a certificate of this issue record was changed)`,
  );
}

export async function verifyCertificates(
  db: Queryable,
  headSeq: number,
): Promise<ContentProblem | undefined> {
  let listed = 0;
  for await (const record of auditRecordsOf(db, 'certificate.issue')) {
    const numbers = numbersOf(record) ?? [];
    listed += numbers.length;
    const expected = record.details['contentDigest'];
    // records written before decision 1067 list numbers only: those count below, nothing more
    if (typeof expected !== 'string') continue;
    const found = await checkIssue(db, record, numbers, expected);
    if (found !== undefined) return found;
  }
  const stored = await countCertificates(db);
  if (stored === listed) return undefined;
  return {
    seq: headSeq,
    subject: 'certificates',
    problem: `证书表有 ${String(stored)} 张证书，发证审计记录列出 ${String(listed)} 张 (certificates without an issue record, or missing)`,
  };
}
