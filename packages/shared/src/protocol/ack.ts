import { z } from 'zod';

/**
 * Error codes that may leave a server or host. Anything else is reported as INTERNAL
 * with a generic message, so internals never leak to a client
 * (docs/architecture.md#protocol-conventions).
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UNAVAILABLE',
  /** The exam client failed the server's integrity check (requiredClientIntegrity). */
  'CLIENT_REJECTED',
  /** The attempt or its session is paused: the kiosk keeps the answer and sends it after resume. */
  'PAUSED',
  /** 补时 beyond the candidate's cap (session rule or a cap an exam admin raised). */
  'EXTENSION_CAP_EXCEEDED',
  /** The server's TLS certificate is not the site's pinned one (or the server is not HTTPS). */
  'SERVER_CERT_MISMATCH',
  /** The person cancelled a long operation; nothing it would have written was written. */
  'CANCELLED',
  'INTERNAL',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorSchema = z.object({ code: ErrorCodeSchema, message: z.string() });
export type AppError = z.infer<typeof AppErrorSchema>;

/** Every ack and every bridge reply: `{ ok: true, data } | { ok: false, error }`. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AppError };

export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string): { ok: false; error: AppError } {
  return { ok: false, error: { code, message } };
}

/** Runtime schema for an ack whose data has the given schema. */
export function ackSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: AppErrorSchema }),
  ]);
}

/** An error that carries a whitelisted code; thrown by handlers, turned into a failed ack. */
export class CodedError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'CodedError';
    this.code = code;
  }
}

/** Turns a zod failure into one readable line: `field.path: what was expected`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(payload)';
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

/** Converts anything thrown by a handler into a failed ack without leaking internals. */
export function toFailedAck(error: unknown): { ok: false; error: AppError } {
  if (error instanceof CodedError) return fail(error.code, error.message);
  if (error instanceof z.ZodError) return fail('BAD_REQUEST', describeZodError(error));
  return fail('INTERNAL', 'Internal error');
}

/** Returns the data of a successful ack, or throws a CodedError carrying its code. */
export function unwrapAck<T>(ack: Ack<T>): T {
  if (ack.ok) return ack.data;
  const code = ErrorCodeSchema.safeParse(ack.error.code);
  throw new CodedError(code.success ? code.data : 'INTERNAL', ack.error.message);
}
