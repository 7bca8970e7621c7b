import { z } from 'zod';
import { MAX_LAYOUT_SIDE, SessionRulesSchema } from '../domain/session';

/*
 * The exam admin's session, roster and room pages in the console (docs/decisions/0965–0969):
 * session edit, roster preview (parse and check, write nothing) and the grid seat-map editor.
 */

const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/);

/** POST /api/sessions/update: the set-up fields of a session that check-in has not opened. */
export const UpdateSessionRequestSchema = z.strictObject({
  id: Id,
  name: z.string().trim().min(1).max(200),
  scheduledStart: z.number().int(),
  durationMinutes: z.int().min(1).max(600),
  rules: SessionRulesSchema,
  /** Automatic check-in time (epoch ms); absent: a proctor opens check-in by hand. */
  checkInAt: z.number().int().optional(),
});
export type UpdateSessionRequest = z.input<typeof UpdateSessionRequestSchema>;

/** One problem of a roster file: where it is and what was expected. */
export const RosterIssueSchema = z.object({
  file: z.string(),
  /** Row in the file as the spreadsheet numbers it (header included); 0 for the whole file. */
  row: z.number().int(),
  /** The Chinese column header, or '' for the whole row or file. */
  field: z.string(),
  reason: z.string(),
});
export type RosterIssueView = z.infer<typeof RosterIssueSchema>;

export const RosterPreviewRowSchema = z.object({
  row: z.number().int(),
  admissionTicketNumber: z.string(),
  name: z.string(),
  /** Masked: the first 6 and last 4 characters. */
  idNumber: z.string(),
  room: z.string(),
  roomId: z.string(),
  /** Absent only for an empty 座位号 whose room has too few free seats (an issue says so). */
  seat: z.number().int().optional(),
  /** true: 座位号 was empty and the import chose this seat (docs/decisions/0990). */
  seatAuto: z.boolean().optional(),
  photo: z.boolean(),
  extraMinutes: z.number().int().optional(),
});
export type RosterPreviewRow = z.infer<typeof RosterPreviewRowSchema>;

/** POST /api/sessions/roster-preview: what the import would do; nothing is written. */
export const RosterPreviewSchema = z.object({
  fileName: z.string(),
  rows: z.array(RosterPreviewRowSchema),
  issues: z.array(RosterIssueSchema),
  createdRooms: z.array(z.object({ id: z.string(), name: z.string(), seatCount: z.number() })),
});
export type RosterPreview = z.infer<typeof RosterPreviewSchema>;

/** POST /api/sessions/room-grid: a seat map from rows × columns minus empty cells. */
export const RoomGridRequestSchema = z.strictObject({
  sessionId: Id,
  roomId: Id,
  rows: z.int().min(1).max(MAX_LAYOUT_SIDE),
  columns: z.int().min(1).max(MAX_LAYOUT_SIDE),
  /** Cells without a seat: aisles (whole columns) and disabled seats. */
  gaps: z
    .array(z.object({ row: z.int().min(1), column: z.int().min(1) }))
    .max(10_000)
    .default([]),
  /** false: only draw the map (preview); true: save it (audited). */
  save: z.boolean().default(false),
});
export type RoomGridRequest = z.input<typeof RoomGridRequestSchema>;
