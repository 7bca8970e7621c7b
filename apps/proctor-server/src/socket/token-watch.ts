import { liveTokenHashes } from '../auth/token-repository';
import { hashToken } from '../auth/tokens';
import type { ReadableDb } from '@skillexam/shared/sql';
import type { AppSocket } from './validated';

/** How often open sockets are checked against their tokens (well under the one-second promise). */
export const TOKEN_SWEEP_MS = 400;
const CHUNK = 500;

/**
 * The sockets opened with each token (docs/decisions/0217). A token that is revoked (logout,
 * a new candidate login, an admin's revoke, a CLI command in another process) or that expires
 * takes its sockets with it: every sweep asks the database which tracked tokens are still live
 * and disconnects the rest, so no code path has to remember to tell the sockets.
 */
export class TokenWatch {
  private readonly byToken = new Map<string, Set<AppSocket>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly db: ReadableDb,
    private readonly now: () => number,
    sweepMs = TOKEN_SWEEP_MS,
  ) {
    this.timer = setInterval(() => this.sweep(), sweepMs);
    this.timer.unref();
  }

  track(socket: AppSocket, token: string): void {
    const key = hashToken(token);
    let sockets = this.byToken.get(key);
    if (sockets === undefined) {
      sockets = new Set();
      this.byToken.set(key, sockets);
    }
    sockets.add(socket);
    socket.once('disconnect', () => {
      const set = this.byToken.get(key);
      set?.delete(socket);
      if (set?.size === 0) this.byToken.delete(key);
    });
  }

  /** How many sockets are open with this token now. */
  socketCount(token: string): number {
    return this.byToken.get(hashToken(token))?.size ?? 0;
  }

  /** Disconnects every socket whose token is no longer live. */
  sweep(): void {
    if (this.byToken.size === 0) return;
    const hashes = [...this.byToken.keys()];
    const now = this.now();
    for (let i = 0; i < hashes.length; i += CHUNK) {
      const chunk = hashes.slice(i, i + CHUNK);
      const live = new Set(liveTokenHashes(this.db, chunk, now));
      for (const hash of chunk) if (!live.has(hash)) this.drop(hash);
    }
  }

  close(): void {
    clearInterval(this.timer);
  }

  private drop(hash: string): void {
    const sockets = this.byToken.get(hash);
    this.byToken.delete(hash);
    for (const socket of sockets ?? []) {
      const data = socket.data as { principal?: { kind: string } };
      if (data.principal?.kind === 'candidate') {
        socket.emit('attempt:revoked', {
          reason: '登录已失效，请重新登录 (login expired or revoked)',
        });
      }
      socket.disconnect(true);
    }
  }
}
