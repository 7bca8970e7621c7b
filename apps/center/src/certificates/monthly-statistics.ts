import { LEVEL_NAMES, type CertificateLevel } from './certificate-number';
import type { StatisticsRow } from './export-repository';

/*
 * 证书统计 of one month (Beijing calendar): certificates issued, of them voided, and still
 * valid — in total and by occupation, by level and by site (organisation + 站点序列码). Pure:
 * built from the grouped counts the repository returns.
 */

export interface Counts {
  readonly issued: number;
  readonly voided: number;
  readonly valid: number;
}

export interface MonthlyStatistics {
  readonly month: string;
  readonly organisationId: string | null;
  readonly totals: Counts;
  readonly byOccupation: readonly (Counts & { occupationCode: string; occupationName: string })[];
  readonly byLevel: readonly (Counts & { level: number; levelName: string })[];
  readonly bySite: readonly (Counts & {
    organisationId: string;
    organisationName: string;
    siteSerial: string;
    siteName: string | null;
  })[];
}

function add(into: { issued: number; voided: number }, row: StatisticsRow): void {
  into.issued += row.issued;
  into.voided += row.voided;
}

function group<V extends { issued: number; voided: number }>(
  rows: readonly StatisticsRow[],
  key: (row: StatisticsRow) => string,
  make: (row: StatisticsRow) => V,
): (V & Counts)[] {
  const groups = new Map<string, V>();
  for (const row of rows) {
    const k = key(row);
    let entry = groups.get(k);
    if (entry === undefined) {
      entry = make(row);
      groups.set(k, entry);
    }
    add(entry, row);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, entry]) => ({ ...entry, valid: entry.issued - entry.voided }));
}

export function monthlyStatistics(
  month: string,
  organisationId: string | undefined,
  rows: readonly StatisticsRow[],
): MonthlyStatistics {
  const totals = { issued: 0, voided: 0 };
  for (const row of rows) add(totals, row);
  return {
    month,
    organisationId: organisationId ?? null,
    totals: { ...totals, valid: totals.issued - totals.voided },
    byOccupation: group(
      rows,
      (row) => row.occupation_code,
      (row) => ({
        occupationCode: row.occupation_code,
        occupationName: row.occupation_name,
        issued: 0,
        voided: 0,
      }),
    ),
    byLevel: group(
      rows,
      (row) => String(row.level),
      (row) => ({
        level: row.level,
        levelName: LEVEL_NAMES[row.level as CertificateLevel],
        issued: 0,
        voided: 0,
      }),
    ),
    bySite: group(
      rows,
      (row) => `${row.organisation_id}\u0000${row.site_serial}`,
      (row) => ({
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
        siteSerial: row.site_serial,
        siteName: row.site_name,
        issued: 0,
        voided: 0,
      }),
    ),
  };
}
