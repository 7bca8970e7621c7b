import { mulberry32, normalDraw } from '@skillexam/shared';
import type { ExamineeResponses, ItemTally } from '../../../src/supervision/answer-similarity';

/*
 * Simulated candidates who answer independently: a 2-parameter logistic model for being right,
 * and, when wrong, a distractor drawn from item-specific (unequal) attractiveness — optionally
 * tilted by ability, so weaker candidates favour the same distractors (a harder null model).
 */

export interface SimulatedExam {
  readonly items: number;
  readonly keys: readonly string[];
  readonly options: readonly (readonly string[])[];
  readonly difficulty: readonly number[];
  readonly distractorWeights: readonly (readonly number[])[];
}

export function simulatedExam(seed: number, items = 80): SimulatedExam {
  const random = mulberry32(seed);
  const keys: string[] = [];
  const options: string[][] = [];
  const difficulty: number[] = [];
  const distractorWeights: number[][] = [];
  for (let i = 0; i < items; i += 1) {
    const offered = i % 5 === 4 ? ['T', 'F'] : ['A', 'B', 'C', 'D'];
    const key = offered[Math.floor(random() * offered.length)] ?? 'A';
    keys.push(key);
    options.push(offered);
    difficulty.push(normalDraw(random) * 0.9 - 0.3);
    distractorWeights.push(offered.filter((o) => o !== key).map(() => 0.3 + random()));
  }
  return { items, keys, options, difficulty, distractorWeights };
}

export interface SimulationOptions {
  /** How strongly ability tilts the distractor choice (0: not at all). */
  readonly abilityTilt?: number;
  readonly omitRate?: number;
}

export function simulateExaminee(
  exam: SimulatedExam,
  id: string,
  random: () => number,
  options: SimulationOptions = {},
): ExamineeResponses {
  const theta = normalDraw(random);
  const responses: (string | null)[] = [];
  const correct: boolean[] = [];
  for (let i = 0; i < exam.items; i += 1) {
    const key = exam.keys[i] ?? 'A';
    if (random() < (options.omitRate ?? 0.02)) {
      responses.push(null);
      correct.push(false);
      continue;
    }
    const pRight = 1 / (1 + Math.exp(-1.7 * (theta - (exam.difficulty[i] ?? 0))));
    if (random() < pRight) {
      responses.push(key);
      correct.push(true);
      continue;
    }
    const distractors = (exam.options[i] ?? []).filter((o) => o !== key);
    const weights = (exam.distractorWeights[i] ?? []).map(
      (w, k) => w * Math.exp((options.abilityTilt ?? 0) * -theta * (k === 0 ? 1 : 0)),
    );
    let pick = random() * weights.reduce((a, b) => a + b, 0);
    let chosen = distractors[distractors.length - 1] ?? 'A';
    for (const [k, w] of weights.entries()) {
      pick -= w;
      if (pick <= 0) {
        chosen = distractors[k] ?? chosen;
        break;
      }
    }
    responses.push(chosen);
    correct.push(false);
  }
  return { id, band: 0, responses, correct };
}

/** A copier who takes the source's answer on each item with probability `share`. */
export function copyFrom(
  source: ExamineeResponses,
  own: ExamineeResponses,
  share: number,
  random: () => number,
  id: string,
): ExamineeResponses {
  const responses = own.responses.map((r, i) =>
    random() < share ? (source.responses[i] ?? null) : r,
  );
  const correct = own.correct.map((c, i) =>
    responses[i] === source.responses[i] ? (source.correct[i] ?? false) : c,
  );
  return { id, band: own.band, responses, correct };
}

/** The examinees with their score band: quantiles of the number right among all of them. */
export function withBands(examinees: readonly ExamineeResponses[], bands = 5): ExamineeResponses[] {
  const right = (e: ExamineeResponses) => e.correct.filter((c) => c).length;
  const order = [...examinees].sort((x, y) => right(x) - right(y));
  const band = new Map(order.map((e, k) => [e, Math.floor((k * bands) / order.length)]));
  return examinees.map((e) => ({ ...e, band: band.get(e) ?? 0 }));
}

/** Per item: who sat it, who got it right, the wrong answers per band — across these examinees. */
export function tallies(
  items: number,
  examinees: readonly ExamineeResponses[],
  bands = 5,
): ItemTally[] {
  const result = Array.from({ length: items }, () => ({
    sat: 0,
    right: 0,
    wrongByBand: Array.from({ length: bands }, () => new Map<string, number>()),
  }));
  for (const e of examinees) {
    e.responses.forEach((r, i) => {
      const tally = result[i];
      if (tally === undefined) return;
      tally.sat += 1;
      if (e.correct[i] === true) tally.right += 1;
      else if (r !== null) {
        const map = tally.wrongByBand[e.band];
        map?.set(r, (map.get(r) ?? 0) + 1);
      }
    });
  }
  return result;
}
