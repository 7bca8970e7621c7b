import { z } from 'zod';

/**
 * Messages of the web shell's bridge: the browser's `window.desktop` sends a request over a
 * local WebSocket and gets exactly one reply carrying an Ack envelope.
 * Shared by src/web/client (browser) and src/web/server (Node); no runtime-specific imports.
 */
export const BRIDGE_PATH = '/bridge';

export const BridgeRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  input: z.unknown(),
});
export type BridgeRequest = z.infer<typeof BridgeRequestSchema>;

export const BridgeReplySchema = z.object({
  id: z.number().int().nonnegative(),
  reply: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data: z.unknown() }),
    z.object({
      ok: z.literal(false),
      error: z.object({ code: z.string(), message: z.string() }),
    }),
  ]),
});
export type BridgeReply = z.infer<typeof BridgeReplySchema>;

/** A host event pushed to the browser (no id: it answers no request). */
export const BridgePushSchema = z.object({ event: z.unknown() });
