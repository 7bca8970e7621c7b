import { answerStateHash, type AnswerValue } from '@skillexam/shared';

/* An attempt's stored answers as the rules see them; no IO. */

export interface StoredAnswer {
  readonly itemId: string;
  readonly seq: number;
  readonly value: AnswerValue;
}

export function stateHashOf(answers: readonly StoredAnswer[]): string {
  return answerStateHash(new Map(answers.map((a) => [a.itemId, a.value])));
}
