import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodedError, type AttemptView, type ContentKey, type SealedPaper } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { makeContentKey, samplePlaintext, sealForTest } from '../../../test/support/sealing';
import { AnswerJournal } from './answer-journal';
import { ContentRelease, isContentReleased, maySealedPaperBeFetched } from './content-release';

const view = (status: AttemptView['status'], identityConfirmed = true): AttemptView => ({
  attemptId: 'att-1',
  sessionId: 's1',
  admissionTicketNumber: '2026000001',
  name: '考生1',
  maskedIdNumber: '110105********0015',
  roomId: 'r1',
  seat: 1,
  status,
  identityConfirmed,
  extensionMs: 0,
  ackedSeq: 0,
  serverTime: 0,
});

/** A server stand-in that follows the contract's release rule and counts requests. */
function source(sealed: SealedPaper, key: ContentKey, status: () => AttemptView['status']) {
  const calls = { sealed: 0, key: 0 };
  return {
    calls,
    sealedPaper: async () => {
      calls.sealed += 1;
      return sealed;
    },
    contentKey: async () => {
      calls.key += 1;
      if (status() !== 'in_progress' && status() !== 'paused')
        throw new CodedError('CONFLICT', '试卷尚未发放 (content not released)');
      return key;
    },
  };
}

const dirBytes = (dir: string) =>
  Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f)))).toString('utf8');

describe('ContentRelease', () => {
  it('downloads the ciphertext early, the key only at the start, and opens in memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    const journal = AnswerJournal.open(join(dir, 'att-1.journal.db'), 'att-1');
    const key = makeContentKey();
    const plaintext = samplePlaintext();
    let status: AttemptView['status'] = 'logged_in';
    const server = source(sealForTest(plaintext, 'att-1', key), key.wire, () => status);
    const release = new ContentRelease(journal.content, server, 'att-1', () => 0);

    await release.prefetch(view('logged_in', false));
    expect(server.calls).toEqual({ sealed: 0, key: 0 }); // identity not confirmed yet
    expect(release.state()).toBe('none');

    await release.prefetch(view('admitted'));
    expect(server.calls).toEqual({ sealed: 1, key: 0 });
    expect(release.state()).toBe('sealed');
    expect(journal.content.contentKey()).toBeUndefined();
    await expect(release.open(view('admitted'))).rejects.toThrow(/尚未发放/);

    status = 'in_progress';
    await release.prefetch(view('in_progress'));
    expect(server.calls).toEqual({ sealed: 1, key: 1 });
    expect(journal.content.contentKey()).toEqual(key.wire);
    expect(await release.open(view('in_progress'))).toEqual(plaintext);
    expect(release.state()).toBe('open');
    journal.close();
    // Neither the journal nor its WAL holds a word of the paper.
    expect(dirBytes(dir)).not.toContain('机密');
    expect(dirBytes(dir)).not.toContain('接地');
  });

  it('opens after a restart from the stored ciphertext, fetching only the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    const path = join(dir, 'att-1.journal.db');
    const key = makeContentKey();
    const sealed = sealForTest(samplePlaintext(), 'att-1', key);
    const first = AnswerJournal.open(path, 'att-1');
    await new ContentRelease(
      first.content,
      source(sealed, key.wire, () => 'admitted'),
      'att-1',
      () => 0,
    ).prefetch(view('admitted'));
    first.close();

    const reopened = AnswerJournal.open(path, 'att-1');
    const server = source(sealed, key.wire, () => 'in_progress');
    const release = new ContentRelease(reopened.content, server, 'att-1', () => 0);
    expect(release.state()).toBe('sealed');
    const opened = await release.open(view('in_progress'));
    expect(opened.paper.paperId).toBe('paper-1');
    expect(server.calls).toEqual({ sealed: 0, key: 1 });
    reopened.close();
  });

  it('takes a fresh ciphertext when the released key belongs to another one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    const journal = AnswerJournal.open(join(dir, 'j.db'), 'att-1');
    const oldKey = makeContentKey();
    const newKey = makeContentKey();
    journal.content.storeSealedPaper(sealForTest(samplePlaintext(), 'att-1', oldKey), new Date());
    const server = source(
      sealForTest(samplePlaintext(), 'att-1', newKey),
      newKey.wire,
      () => 'in_progress',
    );
    const release = new ContentRelease(journal.content, server, 'att-1', () => 0);
    expect((await release.open(view('in_progress'))).paper.title).toBe('电工（四级）理论知识');
    expect(server.calls).toEqual({ sealed: 1, key: 1 });
    expect(journal.content.sealedPaper()?.keyId).toBe(newKey.wire.keyId);
    journal.close();
  });

  it('says clearly when the paper cannot be had offline', async () => {
    const journal = AnswerJournal.open(
      join(mkdtempSync(join(tmpdir(), 'content-')), 'j.db'),
      'att-1',
    );
    const offline = {
      sealedPaper: () => Promise.reject(new Error('offline')),
      contentKey: () => Promise.reject(new Error('offline')),
    };
    const release = new ContentRelease(journal.content, offline, 'att-1', () => 0);
    await release.prefetch(view('admitted')); // never throws
    await expect(release.open(view('in_progress'))).rejects.toThrow('offline');
    journal.close();
  });

  it.each([
    ['logged_in', false, false, false],
    ['logged_in', true, true, false],
    ['admitted', true, true, false],
    ['in_progress', true, true, true],
    ['paused', true, true, true],
    ['submitted', true, false, false],
    ['force_submitted', true, false, false],
    ['voided', true, false, false],
  ] as const)(
    'status %s (identity %s): fetch sealed %s, key %s',
    (status, confirmed, sealed, key) => {
      expect(maySealedPaperBeFetched(view(status, confirmed))).toBe(sealed);
      expect(isContentReleased(view(status, confirmed))).toBe(key);
    },
  );
});
