import { z } from 'zod';
import { CreateSessionInputSchema } from './session-setup';

/**
 * `POST /api/sessions`: the session set-up plus, optionally, the 监考员 assigned to it at once
 * (proctors see only the sessions they are assigned to, docs/decisions/0221).
 */
export const CreateSessionRequestSchema = CreateSessionInputSchema.extend({
  proctors: z.array(z.string().trim().min(1).max(64)).max(100).optional(),
});
