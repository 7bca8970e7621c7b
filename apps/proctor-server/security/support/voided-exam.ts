import type { AnswerValue } from '@skillexam/shared';
import { okData } from '../../test/support/running-session';
import { call } from '../../test/support/util';
import { sitExam, type FinishedExam } from './finished-exam';

/**
 * A real exam with a 作弊 case: three candidates answer over socket.io and submit, are scored,
 * and then the proctor voids candidate 3's paper (`proctor:void`). Candidate 1 answers wrong
 * (fail), candidate 2 right, candidate 3 (voided) right.
 */
export async function examWithVoidedPaper(): Promise<FinishedExam> {
  const wrong: [string, AnswerValue][] = [['tf1', { kind: 'true_false', value: false }]];
  const right: [string, AnswerValue][] = [
    ['tf1', { kind: 'true_false', value: true }],
    ['sc1', { kind: 'choice', selected: ['A'] }],
    ['mc1', { kind: 'choice', selected: ['A', 'C'] }],
  ];
  return sitExam([wrong, right, right], async (room) => {
    const cheat = room.candidates[2];
    if (cheat === undefined) throw new Error('three candidates expected');
    okData(
      await call(room.proctor, 'proctor:void', {
        attemptId: cheat.attemptId,
        reason: '夹带小抄',
      }),
    );
    okData(
      await call(room.proctor, 'session:end', {
        sessionId: room.seeded.sessionId,
        reason: '考试时间到',
      }),
    );
  });
}
