import { z } from 'zod';

/*
 * First run (docs/decisions/0970): while the site has no enabled exam admin, `proctor-server
 * serve` prints a one-time set-up code on its console and writes it to `first-run-code.txt`;
 * whoever types it in the console creates the first admin account. Replies as the server sends
 * them inside its `{ ok, data }` envelope.
 */

/** GET /api/setup/status (public). */
export const SetupStatusSchema = z.object({ firstRun: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatusSchema>;

/**
 * POST /api/setup/first-admin (public; the server checks the code itself). Username and password
 * are only bounded here: their rules and messages are those of `proctor-server user add`.
 */
export const FirstAdminRequestSchema = z.object({
  setupCode: z.string().trim().min(1).max(64),
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type FirstAdminRequest = z.infer<typeof FirstAdminRequestSchema>;

export const FirstAdminResultSchema = z.object({
  username: z.string(),
  role: z.literal('admin'),
});
export type FirstAdminResult = z.infer<typeof FirstAdminResultSchema>;
