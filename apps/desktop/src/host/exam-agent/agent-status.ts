import { type AttemptMessage, type AttemptView, type KioskEnrollment } from '@skillexam/shared';
import { type ContentState } from './content-release';
import { type OutboxStatus } from './outbox';

export interface AgentStatus {
  readonly connection: 'connecting' | 'online' | 'offline';
  /**
   * What the save badge says: 已同步到服务器 / 已保存到本机 / 离线 / held while the exam is paused
   * (sent after the resume) / rejected: the server refused an answer for good (`saveRejection`).
   */
  readonly save: 'synced' | 'local' | 'offline' | 'held' | 'rejected';
  /** Journaled answers the server has not acknowledged yet. */
  readonly pending: number;
  readonly saveRejection?: {
    readonly code: string;
    readonly message: string;
    readonly seq: number;
    readonly itemId: string;
  };
  readonly attempt: AttemptView;
  readonly remainingMs?: number;
  readonly message?: string;
  readonly content: ContentState;
  readonly notices: AttemptMessage[];
}

export interface ExamAgentOptions {
  readonly serverUrl: string;
  /** Folder for journal.db files (one per attempt). */
  readonly journalDir: string;
  readonly clientKind: 'kiosk' | 'web';
  readonly onStatus?: (status: AgentStatus) => void;
  readonly heartbeatMs?: number;
  readonly now?: () => number;
  /** SHA-256 of the kiosk's bundled code (Electron main computes it; absent in the web shell). */
  readonly clientIntegrity?: string;
  /** This PC's enrollment (docs/decisions/0216): a `kiosk` login is signed with its private key. */
  readonly enrollment?: KioskEnrollment;
  /**
   * SHA-256 of the site CA this kiosk is enrolled to (docs/decisions/0232): the kiosk talks only
   * to a server with that certificate, over HTTPS/WSS. Default: the enrollment's
   * `serverCertFingerprint`. Neither: no pinning (web practice client, development).
   */
  readonly expectedFingerprint?: string;
}

/** What the agent knows when it reports its status. */
export interface AgentFacts {
  readonly connection: AgentStatus['connection'];
  readonly outbox: OutboxStatus;
  /** Journaled answers not yet acknowledged (0 once the journal is reconciled). */
  readonly pending: number;
  readonly attempt: AttemptView;
  readonly remainingMs: number | undefined;
  readonly message: string | undefined;
  readonly content: ContentState;
  readonly notices: readonly AttemptMessage[];
}

/** The status the kiosk shows, from what the agent knows. Pure. */
export function agentStatus(facts: AgentFacts): AgentStatus {
  const { outbox, pending, remainingMs } = facts;
  // A refusal is shown as what it is, never as 离线 (docs/decisions/0228).
  const rejected = outbox.state === 'rejected' && pending > 0 ? outbox : undefined;
  const save: AgentStatus['save'] =
    rejected !== undefined
      ? 'rejected'
      : facts.connection === 'offline'
        ? 'offline'
        : pending === 0
          ? 'synced'
          : outbox.state === 'held'
            ? 'held'
            : 'local';
  const message = rejected !== undefined ? rejected.message : facts.message;
  return {
    connection: facts.connection,
    save,
    pending,
    ...(rejected === undefined
      ? {}
      : {
          saveRejection: {
            code: rejected.code,
            message: rejected.message,
            seq: rejected.seq,
            itemId: rejected.itemId,
          },
        }),
    attempt: facts.attempt,
    ...(remainingMs === undefined ? {} : { remainingMs }),
    ...(message === undefined ? {} : { message }),
    content: facts.content,
    notices: [...facts.notices],
  };
}
