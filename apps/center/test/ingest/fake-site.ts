import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { keyIdOf } from '@skillexam/item-bank/exam-package';
import {
  chainLinksOf,
  GENESIS_HASH,
  payloadHash,
  recordHash,
  scoreRecordPayload,
  signResultsPackage,
  type ChainRecordHeader,
  type ResultsPayload,
  type ResultsPayloadCandidate,
} from '@skillexam/item-bank/results-package';
import { scoreAttempt, type AnswerValue, type PaperAnswerKeys } from '@skillexam/shared';

/*
 * A site's audit chain and signing key, simulated with the real contract code
 * (`@skillexam/item-bank/results-package`): every score is `scoreAttempt` of the answers, every
 * score record is the real `score.save` payload chained with the real record hash, the head is
 * signed like the proctor server's checkpoints, and packages are version 3 with the record
 * headers from the previous session's first score record, as the proctor server writes them. For tests and the bench; the end-to-end test uses a real
 * proctor server instead.
 */

export function paperKeys(examId: string, items: number): PaperAnswerKeys {
  const half = Math.ceil(items / 2);
  return {
    paperId: examId,
    fullMarks: half * 2 + (items - half),
    passMark: Math.ceil((half * 2 + (items - half)) * 0.6),
    sections: [
      {
        title: '单项选择题',
        itemType: 'single_choice',
        pointsEach: 2,
        items: Array.from({ length: half }, (_, i) => ({
          itemId: `${examId}-sc-${i + 1}`,
          version: 1,
          number: i + 1,
          answer: {
            type: 'single_choice' as const,
            key: (['A', 'B', 'C', 'D'] as const)[i % 4] ?? 'A',
          },
        })),
      },
      {
        title: '判断题',
        itemType: 'true_false',
        pointsEach: 1,
        items: Array.from({ length: items - half }, (_, i) => ({
          itemId: `${examId}-tf-${i + 1}`,
          version: 1,
          number: half + i + 1,
          answer: { type: 'true_false' as const, key: i % 2 === 0 },
        })),
      },
    ],
  };
}

export interface PackageOptions {
  readonly sessionId: string;
  readonly examId?: string;
  readonly candidates?: number;
  readonly items?: number;
  /** Changes the payload before it is signed (the site signs whatever it says). */
  readonly edit?: (payload: ResultsPayload) => void;
  /** Records appended between the previous package and this session's scores. */
  readonly filler?: number;
  /** Leave out the record headers (a version-2-style payload in a version-3 envelope). */
  readonly withoutLinks?: boolean;
}

export class FakeSite {
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
  readonly keyId: string;
  private readonly headers: ChainRecordHeader[] = [];
  private readonly hashes: string[] = [GENESIS_HASH];
  /** The first score record of the session scored last (where the next links start). */
  private previousFirstScoreSeq: number | undefined;
  private clock = 1_700_000_000_000;

  constructor(readonly name: string) {
    const pair = generateKeyPairSync('ed25519');
    this.privateKey = pair.privateKey;
    this.publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.privateKeyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    this.keyId = keyIdOf(pair.publicKey);
  }

  get seq(): number {
    return this.headers.length;
  }

  append(actor: string, action: string, payload: unknown): ChainRecordHeader & { hash: string } {
    this.clock += 1000;
    const header = {
      seq: this.headers.length + 1,
      at: this.clock,
      actor,
      action,
      payloadHash: payloadHash(payload),
      prevHash: this.hashes[this.hashes.length - 1] ?? GENESIS_HASH,
    };
    const hash = recordHash(header);
    this.headers.push(header);
    this.hashes.push(hash);
    return { ...header, hash };
  }

  /** The signed checkpoint of the current head. */
  head(): { seq: number; hash: string; signature: string; at: number } {
    const hash = this.hashes[this.seq] ?? GENESIS_HASH;
    const signature = sign(null, Buffer.from(hash, 'hex'), this.privateKey).toString('base64');
    return { seq: this.seq, hash, signature, at: this.clock };
  }

  /** Rewrites history from `seq` on (a fork): the records after it are replaced. */
  forkAt(seq: number): void {
    this.headers.splice(seq);
    this.hashes.splice(seq + 1);
    this.clock += 7;
    if (this.previousFirstScoreSeq !== undefined && this.previousFirstScoreSeq > seq)
      this.previousFirstScoreSeq = undefined;
  }

  /** A signed version-3 package of a session scored now. */
  makePackage(options: PackageOptions): Uint8Array {
    return signResultsPackage(this.makePayload(options), this.privateKeyPem);
  }

  makePayload(options: PackageOptions): ResultsPayload {
    const examId = options.examId ?? 'exam-1';
    const keys = paperKeys(examId, options.items ?? 10);
    const items = keys.sections.flatMap((s) =>
      s.items.map((i) => ({
        number: i.number,
        itemId: i.itemId,
        version: i.version,
        itemType: s.itemType,
        maxPoints: s.pointsEach,
      })),
    );
    for (let i = 0; i < (options.filler ?? 3); i += 1)
      this.append('candidate:x', 'answer.save', { n: i, session: options.sessionId });
    const count = options.candidates ?? 5;
    const candidates: ResultsPayloadCandidate[] = [];
    let firstScoreSeq: number | undefined;
    for (let c = 0; c < count; c += 1) {
      const ticket = `${options.sessionId}-T${String(c + 1).padStart(4, '0')}`;
      const base = {
        admissionTicketNumber: ticket,
        name: `考生${c + 1}`,
        idNumber: `11010119900101${String(1000 + c).slice(-4)}`,
        roomName: '第一考场',
        seat: c + 1,
      };
      if (c % 10 === 9) {
        candidates.push({ ...base, status: 'absent' });
        continue;
      }
      const answers = new Map<string, AnswerValue>();
      keys.sections.forEach((section) =>
        section.items.forEach((item, i) => {
          const right = (i + c) % 3 !== 0;
          answers.set(
            item.itemId,
            item.answer.type === 'true_false'
              ? { kind: 'true_false', value: right === item.answer.key }
              : { kind: 'choice', selected: [right ? String(item.answer.key) : 'E'] },
          );
        }),
      );
      const score = scoreAttempt(keys, answers);
      const attemptId = `${options.sessionId}-a${c + 1}`;
      const owner = { ticket, name: base.name, idNumber: base.idNumber, status: 'submitted' };
      const record = this.append(
        'staff:proctor',
        'score.save',
        scoreRecordPayload(attemptId, score, keys, answers, undefined, owner),
      );
      firstScoreSeq ??= record.seq;
      const byItem = new Map(score.items.map((i) => [i.itemId, i.score]));
      candidates.push({
        ...base,
        status: 'normal',
        total: score.total,
        result: score.result,
        sectionPoints: score.sections.map((s) => s.points),
        itemPoints: items.map((i) => {
          const s = byItem.get(i.itemId);
          return s === undefined || s.status === 'needs_marking' ? 0 : s.points;
        }),
        attemptId,
        answers: Object.fromEntries(answers),
        attemptStatus: 'submitted',
        answerSeconds: 600 + c,
        scoreRecord: {
          seq: record.seq,
          at: record.at,
          actor: record.actor,
          prevHash: record.prevHash,
          hash: record.hash,
        },
      });
    }
    const head = this.head();
    const anchor = Math.max(
      1,
      Math.min(firstScoreSeq ?? head.seq, this.previousFirstScoreSeq ?? head.seq, head.seq),
    );
    const links = chainLinksOf(this.headers.slice(anchor - 1, head.seq));
    const sat = candidates.filter((c) => c.status === 'normal');
    const payload: ResultsPayload = {
      generatedAt: new Date(this.clock).toISOString(),
      site: { name: this.name, serverKeyId: this.keyId },
      session: {
        id: options.sessionId,
        name: `场次 ${options.sessionId}`,
        startsAt: new Date(this.clock - 3_600_000).toISOString(),
        durationMinutes: 90,
      },
      exam: {
        id: examId,
        title: '电工理论考试',
        occupationAndLevel: '电工（四级）',
        fullMarks: keys.fullMarks,
        passMark: keys.passMark,
      },
      sections: keys.sections.map((s) => ({
        title: s.title,
        itemType: s.itemType,
        maxPoints: s.items.length * s.pointsEach,
      })),
      items,
      candidates,
      answerKeys: keys,
      audit: {
        head,
        publicKeyPem: this.publicKeyPem,
        ...(options.withoutLinks === true ? {} : { links }),
      },
      summary: {
        registered: candidates.length,
        sat: sat.length,
        absent: candidates.length - sat.length,
        voided: 0,
        passed: sat.filter((c) => c.result === 'pass').length,
        pending: 0,
      },
    };
    options.edit?.(payload);
    if (firstScoreSeq !== undefined) this.previousFirstScoreSeq = firstScoreSeq;
    return payload;
  }
}

/** The SHA-256 a package is identified by (the envelope's own field). */
export function packageSha256(bytes: Uint8Array): string {
  return (JSON.parse(Buffer.from(bytes).toString('utf8')) as { sha256: string }).sha256;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
