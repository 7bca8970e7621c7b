import type { Locale, SeatedCandidate, SeatLayout } from '@skillexam/shared';
import { CLAUSE_SEPARATOR } from '../../format/format-messages';

/* What the seat page shows of who sits where: pure helpers, tested. */

export interface SeatRoom {
  readonly roomId: string;
  readonly name: string;
  readonly layout: SeatLayout;
}

/** Seat number → candidate for one room. */
export function occupantsOf(
  candidates: readonly SeatedCandidate[],
  roomId: string,
): Map<number, SeatedCandidate> {
  return new Map(candidates.filter((c) => c.roomId === roomId).map((c) => [c.seat, c]));
}

/** The seat's label in its room's map (the number when the map has no such seat). */
export function seatLabelOf(rooms: readonly SeatRoom[], roomId: string, seat: number): string {
  const room = rooms.find((r) => r.roomId === roomId);
  return room?.layout.seats.find((s) => s.seat === seat)?.label ?? String(seat);
}

/** "第一考场 07": a room's name and a seat's label. */
export function seatName(rooms: readonly SeatRoom[], roomId: string, seat: number): string {
  const room = rooms.find((r) => r.roomId === roomId);
  return `${room?.name ?? roomId} ${seatLabelOf(rooms, roomId, seat)}`;
}

/** The candidate picker's options: 准考证号, name and where they sit now, by 准考证号. */
export function candidateOptions(
  candidates: readonly SeatedCandidate[],
  rooms: readonly SeatRoom[],
): { value: string; label: string }[] {
  return [...candidates]
    .sort((a, b) => (a.admissionTicketNumber < b.admissionTicketNumber ? -1 : 1))
    .map((c) => ({
      value: c.candidateId,
      label: `${c.admissionTicketNumber} ${c.name} · ${seatName(rooms, c.roomId, c.seat)}`,
    }));
}

/** "T3 李军 → 第一考场 01；T1 张伟 → 第一考场 03": what a manual assignment moved. */
export function movedText(
  moved: readonly SeatedCandidate[],
  rooms: readonly SeatRoom[],
  lang: Locale = 'zh-CN',
): string {
  return moved
    .map((m) => `${m.admissionTicketNumber} ${m.name} → ${seatName(rooms, m.roomId, m.seat)}`)
    .join(CLAUSE_SEPARATOR[lang]);
}
