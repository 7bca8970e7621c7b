import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnswerValue } from '@skillexam/shared';
import { openStore } from '../../src/db/store';
import { okData, runningSession } from '../../test/support/running-session';
import { call } from '../../test/support/util';
import type { FinishedExam } from './finished-exam';

/**
 * A real exam with a 作弊 case: three candidates answer over socket.io and submit, are scored,
 * and then the proctor voids candidate 3's paper (`proctor:void`). Candidate 1 answers wrong
 * (fail), candidate 2 right, candidate 3 (voided) right.
 */
export async function examWithVoidedPaper(): Promise<FinishedExam> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'proctor-voided-')), 'data');
  const store = openStore(dataDir);
  const room = await runningSession(3, { store });
  const wrong: [string, AnswerValue][] = [['tf1', { kind: 'true_false', value: false }]];
  const right: [string, AnswerValue][] = [
    ['tf1', { kind: 'true_false', value: true }],
    ['sc1', { kind: 'choice', selected: ['A'] }],
    ['mc1', { kind: 'choice', selected: ['A', 'C'] }],
  ];
  try {
    for (const [index, candidate] of room.candidates.entries()) {
      for (const [i, [itemId, value]] of (index === 0 ? wrong : right).entries()) {
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
    const cheat = room.candidates[2];
    if (cheat === undefined) throw new Error('three candidates expected');
    okData(
      await call(room.proctor, 'proctor:void', {
        attemptId: cheat.attemptId,
        reason: '夹带小抄',
      }),
    );
    okData(await call(room.proctor, 'session:end', { sessionId: room.seeded.sessionId }));
  } finally {
    await room.server.closeAll();
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
