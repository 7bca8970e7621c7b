import { z } from 'zod';
import { PROGRESS_PHASES, PROGRESS_UNITS } from '../progress/progress';

/*
 * Progress of a long bank operation (import, dry run, assembly) as the desktop host pushes it
 * to the renderer (docs/decisions/0950-workbench-progress-and-cancel.md). The renderer picks
 * the operation id, passes it with the call and cancels by it (`bank:cancel-operation`).
 */

/** Chosen by the renderer per operation: letters, digits, `-` and `_`. */
export const OperationIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{1,64}$/,
    '操作编号只能含字母、数字、- 和 _ (operation id: [A-Za-z0-9_-]{1,64})',
  );

export const ProgressEventSchema = z.object({
  phase: z.enum(PROGRESS_PHASES),
  label: z.string().max(500).optional(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
  unit: z.enum(PROGRESS_UNITS).optional(),
  finished: z.boolean().optional(),
});

/** A progress event as it arrives over the bridge (a `ProgressEvent` fits it). */
export type ProgressEventMessage = z.infer<typeof ProgressEventSchema>;

/** The host event carrying one progress event of one operation. */
export const BankProgressEventSchema = z.object({
  type: z.literal('bank:progress'),
  operationId: OperationIdSchema,
  event: ProgressEventSchema,
});
export type BankProgressEvent = z.infer<typeof BankProgressEventSchema>;

/** The channel that cancels a running operation; spread into `bankChannels`. */
export const operationChannels = {
  /**
   * Cancels a running import or assembly by its operation id; that operation's own call then
   * fails with CANCELLED and nothing was written. `cancelled: false`: no such operation runs.
   */
  'bank:cancel-operation': {
    input: z.object({ operationId: OperationIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
} as const;
