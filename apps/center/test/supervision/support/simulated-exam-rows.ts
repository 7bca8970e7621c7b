import type { PaperAnswerKeys } from '@skillexam/shared';
import type { ExamineeResponses } from '../../../src/supervision/answer-similarity';
import type { TheoryResultSeed } from '../../batches/support/centre-fixtures';
import { idNumberFor } from '../../batches/support/centre-fixtures';
import type { SimulatedExam } from './simulated-room';

/* A simulated exam as the centre stores it: the paper's keys, and candidates' answers. */

export function paperKeysOf(exam: SimulatedExam, paperId: string): PaperAnswerKeys {
  const single: PaperAnswerKeys['sections'][number]['items'] = [];
  const trueFalse: PaperAnswerKeys['sections'][number]['items'] = [];
  exam.keys.forEach((key, i) => {
    const itemId = `Q${String(i + 1).padStart(3, '0')}`;
    if (key === 'T' || key === 'F')
      trueFalse.push({
        itemId,
        version: 1,
        number: i + 1,
        answer: { type: 'true_false', key: key === 'T' },
      });
    else
      single.push({
        itemId,
        version: 1,
        number: i + 1,
        answer: { type: 'single_choice', key: key as 'A' },
      });
  });
  return {
    paperId,
    fullMarks: exam.items,
    passMark: exam.items * 0.6,
    sections: [
      { title: '单选题', itemType: 'single_choice', pointsEach: 1, items: single },
      { title: '判断题', itemType: 'true_false', pointsEach: 1, items: trueFalse },
    ],
  };
}

export function theoryRowOf(
  examinee: ExamineeResponses,
  serial: number,
  roomName: string,
): TheoryResultSeed {
  const answers: Record<string, unknown> = {};
  const itemPoints: number[] = [];
  examinee.responses.forEach((code, i) => {
    const itemId = `Q${String(i + 1).padStart(3, '0')}`;
    itemPoints.push(examinee.correct[i] === true ? 1 : 0);
    if (code === null) return;
    answers[itemId] =
      code === 'T' || code === 'F'
        ? { kind: 'true_false', value: code === 'T' }
        : { kind: 'choice', selected: [code] };
  });
  const total = itemPoints.reduce((a, b) => a + b, 0);
  return {
    idNumber: idNumberFor(serial),
    name: examinee.id,
    total,
    fullMarks: examinee.responses.length,
    result: total >= examinee.responses.length * 0.6 ? 'pass' : 'fail',
    roomName,
    answers,
    itemPoints,
    answerSeconds: 1200 + (serial % 600),
  };
}
