import { CodedError } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import type { CenterPrincipal } from '../auth/center-roles';
import type { CenterDb, Queryable } from '../db/center-db';
import { LEVEL_NAMES, numberFromPrefix, type CertificateLevel } from './certificate-number';
import {
  insertCertificates,
  lockOpenRanges,
  takeSerials,
  type CertificateRow,
  type NewCertificate,
  type OpenRangeRow,
} from './certificate-repository';
import { ListDigest } from '../audit/content-digest';
import { certificateDigest } from './certificate-digest';
import { chinaDate } from './china-time';
import { parseHolders, type Holder } from './holder-input';

/*
 * Issuing: an organisation's staff numbers certificates from the organisation's own ranges of
 * the year of issue (Beijing time) and level. One transaction: lock the open ranges, move each
 * counter, insert the certificates, append one audit record listing every number. A failure anywhere
 * rolls all of it back, so numbers are issued without duplicates and without gaps
 * (docs/decisions/1022-issuing-numbers-without-gaps.md).
 */

export interface IssueScope {
  readonly organisationId: string;
  readonly actor: CenterPrincipal;
  readonly audit: AuditLog;
  readonly now?: Date;
}

export interface IssueOptions extends IssueScope {
  /** Raw holder rows; validated here (see holder-input.ts). */
  readonly holders: readonly unknown[];
}

/** Who may issue for `organisationId`: that organisation's own staff only. */
export function requireIssuer(actor: CenterPrincipal, organisationId: string): void {
  if (actor.role !== 'org_staff' || actor.organisationId !== organisationId) {
    throw new CodedError('FORBIDDEN', '只能由本评价机构人员使用本机构的号段发证');
  }
}

function rangesFor(level: number, open: readonly OpenRangeRow[]): OpenRangeRow[] {
  return open.filter((range) => range.level === level);
}

/** Assigns numbers to holders of one level from the locked ranges, taking ranges in order. */
async function numberLevel(
  tx: Queryable,
  level: CertificateLevel,
  holders: readonly Holder[],
  open: readonly OpenRangeRow[],
  year: number,
): Promise<NewCertificate[]> {
  const ranges = rangesFor(level, open);
  const left = ranges.reduce((sum, range) => sum + range.last_serial - range.next_serial + 1, 0);
  if (left < holders.length) {
    throw new CodedError(
      'CONFLICT',
      `${String(year)} 年${LEVEL_NAMES[level]}证书编号号段不足：需要 ${String(holders.length)} 个，剩余 ${String(left)} 个，请向省级中心申请号段`,
    );
  }
  const made: NewCertificate[] = [];
  let cursor = 0;
  for (const range of ranges) {
    if (cursor >= holders.length) break;
    const count = Math.min(range.last_serial - range.next_serial + 1, holders.length - cursor);
    const first = await takeSerials(tx, range.id, count);
    for (let offset = 0; offset < count; offset += 1) {
      const holder = holders[cursor + offset] as Holder;
      made.push({
        number: numberFromPrefix(range.prefix, first + offset),
        rangeId: range.id,
        serial: first + offset,
        batchCandidateId: holder.batchCandidateId ?? null,
        idType: holder.idType,
        idNumber: holder.idNumber,
        name: holder.name,
        occupationCode: holder.occupationCode,
        occupationName: holder.occupationName,
        jobType: holder.jobType ?? null,
        level,
      });
    }
    cursor += count;
  }
  return made;
}

/** Issues inside the caller's transaction (the batch route also locks its batch in it). */
export async function issueInTransaction(
  tx: Queryable,
  options: IssueScope,
  holders: readonly Holder[],
): Promise<CertificateRow[]> {
  requireIssuer(options.actor, options.organisationId);
  const now = options.now ?? new Date();
  const year = chinaDate(now).year;
  const levels = [...new Set(holders.map((holder) => holder.level))].sort((a, b) => a - b);
  const open = await lockOpenRanges(tx, options.organisationId, year, levels);
  const rows: NewCertificate[] = [];
  for (const level of levels) {
    const ofLevel = holders.filter((holder) => holder.level === level);
    rows.push(...(await numberLevel(tx, level, ofLevel, open, year)));
  }
  const issued = await insertCertificates(
    tx,
    options.organisationId,
    options.actor.username,
    now,
    rows,
  );
  const byNumber = new Map(issued.map((row) => [row.number, row]));
  const content = new ListDigest();
  for (const row of rows)
    content.add(certificateDigest(byNumber.get(row.number) as CertificateRow));
  // One record per issuing act, listing every number it gave (first … last in the subject):
  // each number is traceable to who issued it, when, from which range and for which candidate;
  // `contentDigest` pins what each says, in the order of `numbers`, for `audit verify`
  // (docs/decisions/1067-center-audit-covers-content.md).
  await options.audit.append(tx, {
    actor: options.actor.username,
    action: 'certificate.issue',
    subject:
      rows.length === 1
        ? (rows[0]?.number ?? '')
        : `${rows[0]?.number ?? ''}…${rows.at(-1)?.number ?? ''}`,
    details: {
      organisationId: options.organisationId,
      count: rows.length,
      numbers: rows.map((row) => row.number),
      ranges: [...new Set(rows.map((row) => row.rangeId))],
      batchCandidateIds: rows.map((row) => row.batchCandidateId),
      contentDigest: content.finish(),
    },
  });
  return rows.map((row) => byNumber.get(row.number) as CertificateRow);
}

/** A second certificate for one batch candidate, as a CONFLICT; anything else unchanged. */
export function alreadyCertifiedError(error: unknown): unknown {
  const constraint = (error as { constraint?: unknown } | null)?.constraint;
  const message = error instanceof Error ? error.message : '';
  if (
    constraint === 'certificates_one_per_candidate' ||
    message.includes('certificates_one_per_candidate')
  ) {
    return new CodedError(
      'CONFLICT',
      '该考生已发过证书（一名批次考生只发一张证书，作废后不自动补发）',
    );
  }
  return error;
}

/** Validates the holders, then issues them all in one transaction, or none. */
export async function issueCertificates(
  db: CenterDb,
  options: IssueOptions,
): Promise<CertificateRow[]> {
  requireIssuer(options.actor, options.organisationId);
  const holders = parseHolders(options.holders);
  try {
    return await db.transaction((tx) => issueInTransaction(tx, options, holders));
  } catch (error) {
    throw alreadyCertifiedError(error);
  }
}
