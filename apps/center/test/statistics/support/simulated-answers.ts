import {
  OPTION_IDS,
  scoreAttempt,
  type AnswerValue,
  type ItemAnswerKey,
  type PaperAnswerKeys,
} from '@skillexam/shared';
import type { TheoryResultSeed } from '../../batches/support/centre-fixtures';
import { idNumberFor } from '../../batches/support/centre-fixtures';

/* Candidates answering a real paper (right with probability `skill`), scored by the real rules. */

function wrongAnswer(key: ItemAnswerKey, random: () => number): AnswerValue {
  switch (key.type) {
    case 'true_false':
      return { kind: 'true_false', value: !key.key };
    case 'single_choice': {
      const others = OPTION_IDS.slice(0, 4).filter((o) => o !== key.key);
      return { kind: 'choice', selected: [others[Math.floor(random() * others.length)] ?? 'A'] };
    }
    case 'multiple_choice':
      return { kind: 'choice', selected: [key.key[0] ?? 'A'] };
    default:
      return null;
  }
}

function rightAnswer(key: ItemAnswerKey): AnswerValue {
  if (key.type === 'true_false') return { kind: 'true_false', value: key.key };
  if (key.type === 'single_choice') return { kind: 'choice', selected: [key.key] };
  if (key.type === 'multiple_choice') return { kind: 'choice', selected: [...key.key] };
  return null;
}

export function answeringCandidate(
  keys: PaperAnswerKeys,
  serial: number,
  skill: number,
  random: () => number,
): TheoryResultSeed {
  const answers = new Map<string, AnswerValue>();
  for (const section of keys.sections) {
    for (const item of section.items) {
      const roll = random();
      if (roll < 0.03) continue; // omitted
      answers.set(
        item.itemId,
        roll < skill ? rightAnswer(item.answer) : wrongAnswer(item.answer, random),
      );
    }
  }
  const score = scoreAttempt(keys, answers);
  return {
    idNumber: idNumberFor(serial),
    name: `考生${serial}`,
    total: score.total,
    fullMarks: keys.fullMarks,
    result: score.result,
    answers: Object.fromEntries(answers),
    itemPoints: score.items.map((item) =>
      item.score.status === 'needs_marking' ? 0 : item.score.points,
    ),
  };
}
