import type { CandidateAdminRow } from '@skillexam/shared';

/** The rows matching a search: 准考证号, name, room (name or id), or the ID number's last digits. */
export function filterCandidates(
  rows: readonly CandidateAdminRow[],
  query: string,
): CandidateAdminRow[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...rows];
  return rows.filter(
    (row) =>
      row.admissionTicketNumber.toLowerCase().includes(q) ||
      row.name.toLowerCase().includes(q) ||
      row.roomName.toLowerCase().includes(q) ||
      row.roomId.toLowerCase().includes(q) ||
      row.idNumber.toLowerCase().endsWith(q),
  );
}
