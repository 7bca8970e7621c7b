import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnswerValue } from '@skillexam/shared';
import { openStore } from '../../src/db/store';
import { okData, runningSession, type RunningSession } from '../../test/support/running-session';
import { call } from '../../test/support/util';

/**
 * A real data directory produced by really running an exam through the server: two candidates
 * log in over HTTP, answer over socket.io, submit and are scored; then the server stops.
 * Candidate 1 answers everything wrong (0 points, fail), candidate 2 answers a few right.
 */
export interface FinishedExam {
  readonly dataDir: string;
  readonly sessionId: string;
  readonly candidates: readonly {
    attemptId: string;
    ticket: string;
    examCode: string;
  }[];
}

const WRONG: [string, AnswerValue][] = [
  ['tf1', { kind: 'true_false', value: false }],
  ['sc1', { kind: 'choice', selected: ['B'] }],
  ['mc1', { kind: 'choice', selected: ['B'] }],
  ['fb1', { kind: 'blanks', values: { b1: '12' } }],
];
const RIGHT: [string, AnswerValue][] = [
  ['tf1', { kind: 'true_false', value: true }],
  ['sc1', { kind: 'choice', selected: ['A'] }],
  ['tf1', { kind: 'true_false', value: false }], // changed their mind: the latest value counts
  ['mc1', { kind: 'choice', selected: ['A', 'C'] }],
];

export async function finishedExam(): Promise<FinishedExam> {
  return sitExam([WRONG, RIGHT]);
}

/**
 * Runs a real exam on a fresh data directory: candidate i saves `answerSets[i]` over socket.io
 * (one candidate per set), everyone submits after 31 minutes and is scored, then `afterSubmit`
 * may act as the proctor before the server stops and writes its chain-head witness.
 */
export async function sitExam(
  answerSets: readonly (readonly [string, AnswerValue][])[],
  afterSubmit?: (room: RunningSession) => Promise<void>,
): Promise<FinishedExam> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'proctor-security-')), 'data');
  const store = openStore(dataDir);
  const room = await runningSession(answerSets.length, { store });
  try {
    for (const [index, candidate] of room.candidates.entries()) {
      for (const [i, [itemId, value]] of (answerSets[index] ?? []).entries()) {
        okData(
          await call(candidate.client, 'answer:save', {
            attemptId: candidate.attemptId,
            seq: i + 1,
            itemId,
            value,
            clientTime: new Date(room.clock.now()).toISOString(),
          }),
        );
      }
    }
    room.clock.advanceMinutes(31);
    for (const candidate of room.candidates)
      okData(await call(candidate.client, 'attempt:submit', {}));
    await afterSubmit?.(room);
  } finally {
    await room.server.closeAll(); // closes the store: the chain-head witness is written
  }
  return {
    dataDir,
    sessionId: room.seeded.sessionId,
    candidates: room.candidates.map((c, i) => ({
      attemptId: c.attemptId,
      ticket: room.seeded.candidates[i]?.admissionTicketNumber ?? '',
      examCode: room.seeded.candidates[i]?.examCode ?? '',
    })),
  };
}

/** A fresh copy of a finished data directory (modes kept) to tamper with. */
export function copyDataDir(exam: FinishedExam): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'proctor-tamper-')), 'data');
  cpSync(exam.dataDir, copy, { recursive: true });
  return copy;
}
