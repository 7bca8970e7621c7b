import { createHash, randomBytes } from 'node:crypto';

/* Login tokens: 32 random bytes, opaque; only their SHA-256 is stored (docs/decisions/1003-center-token-auth.md). */

export const TOKEN_TTL_MS = 12 * 60 * 60_000;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
  return match?.[1];
}
