import { z } from 'zod';

/*
 * A numeric accepted answer of a 填空题 blank. The candidate's text is read as a number
 * (`readNumberInput`) and compared with `number`:
 * - `absolute`: |given − number| ≤ tolerance (tolerance 0: exactly equal);
 * - `relative`: |given − number| ≤ |number| × tolerance / 100 (tolerance is a percentage);
 * - `decimal_places` / `significant_figures`: both rounded half away from zero to `figures`
 *   decimal places / significant figures, then equal (QTI `equalRounded`).
 * Bounds are inclusive. A text accepted answer stays a plain JSON string; a numeric one is an
 * object such as `{ "number": 4, "tolerance": 0.2, "mode": "absolute" }`.
 */

const finiteNumber = z.number().refine(Number.isFinite, 'A numeric answer must be a finite number');
const tolerance = z
  .number()
  .min(0, 'A tolerance cannot be negative')
  .refine(Number.isFinite, 'A tolerance must be a finite number');

export const NumericAnswerSchema = z.discriminatedUnion('mode', [
  z.strictObject({ number: finiteNumber, tolerance, mode: z.literal('absolute') }),
  z.strictObject({ number: finiteNumber, tolerance, mode: z.literal('relative') }),
  z.strictObject({
    number: finiteNumber,
    figures: z.int().min(0).max(15),
    mode: z.literal('decimal_places'),
  }),
  z.strictObject({
    number: finiteNumber,
    figures: z.int().min(1).max(15),
    mode: z.literal('significant_figures'),
  }),
]);
export type NumericAnswer = z.infer<typeof NumericAnswerSchema>;
export type NumericAnswerMode = NumericAnswer['mode'];

/** A number that must be given exactly (`{ number, tolerance: 0, mode: 'absolute' }`). */
export function exactNumber(number: number): NumericAnswer {
  return { number, tolerance: 0, mode: 'absolute' };
}
