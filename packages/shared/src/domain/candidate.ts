import { z } from 'zod';
import { AssetHashSchema } from '../content/asset-hash';
import { isValidChineseIdNumber } from './chinese-id-number';
import { EntityIdSchema, nameSchema } from './common';

/** 准考证号: letters and digits (a hyphen allowed), as printed on the admission ticket. */
export const AdmissionTicketNumberSchema = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9-]{3,31}$/,
    'An admission ticket number (准考证号) is 4–32 letters, digits or "-"',
  );
export type AdmissionTicketNumber = z.infer<typeof AdmissionTicketNumberSchema>;

/** 身份证号: 18 characters with a valid GB 11643 check character; stored upper-case. */
export const ChineseIdNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidChineseIdNumber, {
    message: 'Not a valid 18-character ID number (身份证号): wrong length or check character',
  });

/**
 * 考生便利措施 granted on the roster: extra minutes (already part of the deadline, as 补时), and
 * the kiosk's largest text size and high contrast, preset at login.
 */
export const AccommodationsSchema = z.object({
  extraMinutes: z.int().min(0).max(600),
  largeText: z.boolean(),
  highContrast: z.boolean(),
});
export type Accommodations = z.infer<typeof AccommodationsSchema>;

/** 考生: one row of a session roster. */
export const CandidateSchema = z.object({
  admissionTicketNumber: AdmissionTicketNumberSchema,
  name: nameSchema(50),
  idNumber: ChineseIdNumberSchema,
  /** Photo for identity confirmation, stored by content hash. */
  photoAssetHash: AssetHashSchema.optional(),
  /** The 考场 (ExamRoom id) and the seat number in it (对号入座). */
  roomId: EntityIdSchema,
  seat: z.int().min(1).max(999),
  accommodations: AccommodationsSchema.optional(),
});
export type Candidate = z.infer<typeof CandidateSchema>;
