import { InvalidInputError } from '@skillexam/shared';
import type { CenterPrincipal } from '../auth/center-roles';
import type { Queryable } from '../db/center-db';
import { organisationScope } from './certificate-access';
import { nationalUploadWorkbook, statisticsWorkbook } from './certificate-workbooks';
import { chinaMonthBounds } from './china-time';
import { certificateCounts, certificatesIssuedBetween } from './export-repository';
import { monthlyStatistics, type MonthlyStatistics } from './monthly-statistics';

/*
 * Monthly reporting: the certificate data for the national upload and the monthly statistics,
 * for the centre (all organisations or one) and for an organisation's own staff (their own).
 */

function monthOf(month: string): { from: Date; to: Date } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw new InvalidInputError(`月份应为 YYYY-MM 格式（如 2026-06），实际为 "${month}"`);
  }
  return chinaMonthBounds(month);
}

export async function certificateDataWorkbook(
  db: Queryable,
  actor: CenterPrincipal,
  month: string,
  organisationId?: string,
): Promise<{ fileName: string; bytes: Uint8Array; count: number }> {
  const { from, to } = monthOf(month);
  const scope = organisationScope(actor, organisationId);
  const rows = await certificatesIssuedBetween(db, from, to, scope);
  return {
    fileName: `证书数据-${month}${scope === undefined ? '' : `-${scope}`}.xlsx`,
    bytes: await nationalUploadWorkbook(rows),
    count: rows.length,
  };
}

export async function certificateStatistics(
  db: Queryable,
  actor: CenterPrincipal,
  month: string,
  organisationId?: string,
): Promise<MonthlyStatistics> {
  const { from, to } = monthOf(month);
  const scope = organisationScope(actor, organisationId);
  return monthlyStatistics(month, scope, await certificateCounts(db, from, to, scope));
}

export async function certificateStatisticsWorkbook(
  db: Queryable,
  actor: CenterPrincipal,
  month: string,
  organisationId?: string,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const statistics = await certificateStatistics(db, actor, month, organisationId);
  return {
    fileName: `证书统计-${month}${statistics.organisationId === null ? '' : `-${statistics.organisationId}`}.xlsx`,
    bytes: await statisticsWorkbook(statistics),
  };
}
