import { findAttempt } from '../attempts/attempt-repository';
import type { Principal } from '../auth/principal';
import { findStaff } from '../auth/staff-repository';
import { resolveToken } from '../auth/tokens';
import type { ReadableDb } from '@skillexam/shared/sql';
import { attemptRoom, STAFF_ROOM } from './notifier';
import { staffRooms } from './staff-rooms';
import type { TokenWatch } from './token-watch';
import type { AppSocket } from './validated';

export interface SocketData {
  principal: Principal;
  expiresAt: number;
}

/** Reads what the middleware stored; an unauthenticated socket is anonymous. */
export function principalOf(socket: AppSocket): { principal: Principal; expiresAt: number } {
  const data = socket.data as Partial<SocketData>;
  return {
    principal: data.principal ?? { kind: 'anonymous' },
    expiresAt: data.expiresAt ?? Number.POSITIVE_INFINITY,
  };
}

/**
 * `io.use()` middleware: a handshake without a token is anonymous (system:ping only); a token
 * must be live (not expired, not revoked) or the connection is refused with UNAUTHORIZED.
 * Sockets join the staff room or their attempt's room for pushes, and are tracked per token so
 * a revoked or expired token disconnects them (TokenWatch, docs/decisions/0217).
 */
export function createSocketAuth(db: ReadableDb, now: () => number, tokens: TokenWatch) {
  return (socket: AppSocket, next: (err?: Error) => void): void => {
    const auth = socket.handshake.auth as Record<string, unknown> | undefined;
    const token = auth?.['token'];
    const data = socket.data as SocketData;
    if (token === undefined) {
      data.principal = { kind: 'anonymous' };
      data.expiresAt = Number.POSITIVE_INFINITY;
      next();
      return;
    }
    if (typeof token !== 'string' || token.length > 200) {
      next(new Error('UNAUTHORIZED: 登录已失效，请重新登录 (malformed token)'));
      return;
    }
    const subject = resolveToken(db, token, now());
    if (subject === undefined) {
      next(new Error('UNAUTHORIZED: 登录已失效，请重新登录 (token unknown, expired or revoked)'));
      return;
    }
    if (subject.kind === 'staff') {
      const staff = findStaff(db, { id: Number(subject.subject) });
      if (staff === undefined || staff.disabledAt !== undefined) {
        next(new Error('UNAUTHORIZED: unknown staff'));
        return;
      }
      data.principal = {
        kind: 'staff',
        staffId: staff.id,
        username: staff.username,
        role: staff.role,
        token,
      };
      void socket.join([STAFF_ROOM, ...staffRooms(staff)]);
    } else {
      const attempt = findAttempt(db, subject.subject);
      if (attempt === undefined) {
        next(new Error('UNAUTHORIZED: unknown attempt'));
        return;
      }
      data.principal = {
        kind: 'candidate',
        attemptId: attempt.id,
        sessionId: attempt.sessionId,
        token,
      };
      void socket.join(attemptRoom(attempt.id));
    }
    data.expiresAt = subject.expiresAt;
    tokens.track(socket, token);
    next();
  };
}
