import {
  CodedError,
  ContentKeySchema,
  SealedPaperSchema,
  type AttemptView,
  type ContentKey,
  type SealedPaper,
  type SealedPaperPlaintext,
} from '@skillexam/shared';
import { openSealedPaper } from './open-sealed-paper';
import type { SealedContentStore } from './sealed-content-store';

/** Asks the server for the sealed paper or the content key (rejects when offline). */
export interface ContentSource {
  sealedPaper(): Promise<SealedPaper>;
  contentKey(): Promise<ContentKey>;
}

export type ContentState = 'none' | 'sealed' | 'open';

/** The sealed paper may be downloaded once the identity is confirmed, until the attempt ends. */
export function maySealedPaperBeFetched(attempt: AttemptView): boolean {
  return (
    attempt.identityConfirmed &&
    !['submitted', 'force_submitted', 'voided', 'absent'].includes(attempt.status)
  );
}

/** The content key exists for this attempt only while it runs. */
export function isContentReleased(attempt: AttemptView): boolean {
  return attempt.status === 'in_progress' || attempt.status === 'paused';
}

/**
 * Content release on the kiosk (docs/decisions/0450): download the ciphertext early, store it,
 * fetch the key when the attempt starts, store it after release, open in memory only.
 */
export class ContentRelease {
  private opened: SealedPaperPlaintext | undefined;
  private inflight: Promise<void> | undefined;

  constructor(
    private readonly store: SealedContentStore,
    private readonly source: ContentSource,
    private readonly attemptId: string,
    private readonly now: () => number,
  ) {}

  state(): ContentState {
    if (this.opened !== undefined) return 'open';
    return this.store.sealedPaper() === undefined ? 'none' : 'sealed';
  }

  /**
   * Fetches what the attempt's state allows and this PC does not have yet. Never throws: a
   * failure (offline, not yet allowed) is retried on the next state change or reconnect.
   */
  prefetch(attempt: AttemptView): Promise<void> {
    this.inflight ??= this.fetchMissing(attempt)
      .catch(() => undefined)
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }

  /** The paper in memory; downloads the sealed paper or the key first when missing. */
  async open(attempt: AttemptView): Promise<SealedPaperPlaintext> {
    if (this.opened !== undefined) return this.opened;
    if (!isContentReleased(attempt)) {
      throw new CodedError('CONFLICT', '试卷尚未发放 (content not released)');
    }
    await this.inflight;
    await this.fetchMissing(attempt);
    const sealed = this.store.sealedPaper();
    const key = this.store.contentKey();
    if (sealed === undefined || key === undefined) {
      throw new CodedError('UNAVAILABLE', '试卷尚未下载到本机，请等待网络恢复或联系监考老师');
    }
    this.opened = openSealedPaper(sealed, key, this.attemptId);
    return this.opened;
  }

  private async fetchMissing(attempt: AttemptView): Promise<void> {
    if (!maySealedPaperBeFetched(attempt)) return;
    if (this.store.sealedPaper() === undefined) {
      this.store.storeSealedPaper(
        SealedPaperSchema.parse(await this.source.sealedPaper()),
        this.date(),
      );
    }
    if (!isContentReleased(attempt) || this.store.contentKey() !== undefined) return;
    const key = ContentKeySchema.parse(await this.source.contentKey());
    const sealed = this.store.sealedPaper();
    if (sealed !== undefined && sealed.keyId !== key.keyId) {
      // The session's key changed (e.g. the server re-sealed): take the current ciphertext.
      this.store.storeSealedPaper(
        SealedPaperSchema.parse(await this.source.sealedPaper()),
        this.date(),
      );
    }
    this.store.storeContentKey(key, this.date());
  }

  private date(): Date {
    return new Date(this.now());
  }
}
