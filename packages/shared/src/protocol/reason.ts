import { z } from 'zod';

/*
 * The reason every destructive action carries into the audit chain (docs/decisions/0986):
 * trimmed, 1–500 characters. One rule for socket events and HTTP routes alike.
 */
export const ReasonSchema = z
  .string()
  .trim()
  .min(1, '请填写原因 (a reason is required)')
  .max(500, '原因最多 500 个字符 (a reason is at most 500 characters)');
