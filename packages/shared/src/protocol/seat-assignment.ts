import { z } from 'zod';
import { SeatLayoutSchema, SessionStatusSchema } from '../domain/session';

/*
 * 排座 in the console before check-in opens (docs/decisions/0977–0979): automatic assignment of
 * a room or a whole session (准考证号 order or a recorded random draw), a manual move or swap of
 * one candidate, the seat page's view of who sits where, and the printable 座位表 / 门贴.
 */

const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/);
/** A random draw's seed: 32 hex digits (128 bits from the server's CSPRNG). */
export const SeatSeedSchema = z.string().regex(/^[0-9a-f]{32}$/, '应为 32 位十六进制 (seed)');

export const SeatOrderSchema = z.enum(['admission', 'random']);
export type SeatOrder = z.infer<typeof SeatOrderSchema>;

/** POST /api/sessions/seats/auto: seat a room (or every room of the session). */
export const AutoSeatRequestSchema = z.strictObject({
  sessionId: Id,
  /** Absent: the whole session — its rooms filled one after the other (by room id). */
  roomId: Id.optional(),
  order: SeatOrderSchema,
  /** false: only show the plan (preview); true: save it (audited). */
  save: z.boolean().default(false),
  /**
   * Saving a random draw that was previewed: the seed the preview returned. Only a seed this
   * server drew for the same session and room is accepted; otherwise a new one is drawn.
   */
  seed: SeatSeedSchema.optional(),
});
export type AutoSeatRequest = z.input<typeof AutoSeatRequestSchema>;

/** One candidate's seat in a plan: where they sit now and where the plan puts them. */
export const SeatAssignmentSchema = z.object({
  candidateId: z.string(),
  admissionTicketNumber: z.string(),
  name: z.string(),
  /** The room and seat the plan puts the candidate on. */
  roomId: z.string(),
  fromRoomId: z.string(),
  fromSeat: z.int(),
  seat: z.int(),
  label: z.string(),
});
export type SeatAssignment = z.infer<typeof SeatAssignmentSchema>;

export const AutoSeatResultSchema = z.object({
  order: SeatOrderSchema,
  /** The random draw's seed (recorded in the audit when saved). */
  seed: SeatSeedSchema.optional(),
  saved: z.boolean(),
  rooms: z.array(
    z.object({
      roomId: z.string(),
      name: z.string(),
      seats: z.int(),
      assignments: z.array(SeatAssignmentSchema),
    }),
  ),
});
export type AutoSeatResult = z.infer<typeof AutoSeatResultSchema>;

/**
 * POST /api/sessions/seats/assign: one candidate (of any room of the session) to a seat; a seat
 * held by another candidate swaps the two. One transaction, audited.
 */
export const AssignSeatRequestSchema = z.strictObject({
  sessionId: Id,
  candidateId: z.string().min(1).max(64),
  roomId: Id,
  seat: z.int().min(1).max(999),
});
export type AssignSeatRequest = z.input<typeof AssignSeatRequestSchema>;

/** A candidate holding a seat, as the seat page shows them. */
export const SeatedCandidateSchema = z.object({
  candidateId: z.string(),
  admissionTicketNumber: z.string(),
  name: z.string(),
  roomId: z.string(),
  seat: z.int(),
});
export type SeatedCandidate = z.infer<typeof SeatedCandidateSchema>;

export const AssignSeatResultSchema = z.object({
  moved: z.array(SeatedCandidateSchema),
});
export type AssignSeatResult = z.infer<typeof AssignSeatResultSchema>;

/** GET /api/sessions/seats?sessionId=: the rooms with their maps and who sits where. */
export const SessionSeatsSchema = z.object({
  sessionId: z.string(),
  status: SessionStatusSchema,
  rooms: z.array(z.object({ roomId: z.string(), name: z.string(), layout: SeatLayoutSchema })),
  candidates: z.array(SeatedCandidateSchema),
});
export type SessionSeats = z.infer<typeof SessionSeatsSchema>;

/** GET /api/sessions/seating-chart?sessionId=&roomId=&kind=: 座位表 or 门贴 as a PDF. */
export const SeatingChartKindSchema = z.enum(['chart', 'door']);
export type SeatingChartKind = z.infer<typeof SeatingChartKindSchema>;
