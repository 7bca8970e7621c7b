import type { AcceptedAnswer } from '../domain/item-content';
import { matchesNumber } from './match-numeric-answer';
import { normalizeAnswerText } from './normalize-answer-text';
import { readNumberInput } from './read-number-input';

/*
 * Whether a blank's answer matches one of its accepted answers: a text accepted answer after
 * `normalizeAnswerText` on both sides, a numeric one when the answer reads as a number within
 * the tolerance (`matchesNumber`). Empty answers never match.
 */
export function matchesAcceptedAnswer(given: string, accepted: readonly AcceptedAnswer[]): boolean {
  const normalizedGiven = normalizeAnswerText(given);
  if (normalizedGiven.length === 0) return false;
  const number = accepted.some((answer) => typeof answer !== 'string')
    ? readNumberInput(given)
    : undefined;
  return accepted.some((answer) =>
    typeof answer === 'string'
      ? normalizeAnswerText(answer) === normalizedGiven
      : number !== undefined && matchesNumber(number, answer),
  );
}
