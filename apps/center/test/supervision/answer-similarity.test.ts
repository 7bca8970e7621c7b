import { mulberry32 } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import {
  itemRates,
  pairSimilarity,
  personRightProbabilities,
  scoreBandCount,
  similarPairsInRoom,
  type ExamineeResponses,
} from '../../src/supervision/answer-similarity';
import { poissonBinomialUpperTail } from '../../src/supervision/poisson-binomial';
import {
  copyFrom,
  simulatedExam,
  simulateExaminee,
  tallies,
  withBands,
  type SimulationOptions,
} from './support/simulated-room';

function rooms(seed: number, count: number, size: number, options: SimulationOptions = {}) {
  const exam = simulatedExam(seed);
  const random = mulberry32(seed + 1);
  const all: ExamineeResponses[][] = [];
  for (let r = 0; r < count; r += 1) {
    all.push(
      Array.from({ length: size }, (_, k) =>
        simulateExaminee(exam, `r${r}-c${k}`, random, options),
      ),
    );
  }
  const banded = withBands(all.flat(), scoreBandCount(count * size));
  return { exam, random, rooms: all.map((_, r) => banded.slice(r * size, (r + 1) * size)) };
}

describe('poissonBinomialUpperTail', () => {
  it('matches the binomial when all probabilities are equal, and handles the edges', () => {
    // P(X ≥ 2), X ~ Bin(3, 0.5) = 4/8
    expect(poissonBinomialUpperTail([0.5, 0.5, 0.5], 2)).toBeCloseTo(0.5, 12);
    expect(poissonBinomialUpperTail([0.1, 0.2], 0)).toBe(1);
    expect(poissonBinomialUpperTail([0.1, 0.2], 3)).toBe(0);
    expect(poissonBinomialUpperTail([0.1, 0.2], 2)).toBeCloseTo(0.02, 12);
    // 30 matches at p = 0.3 each: 0.3^30 ≈ 2.06e-16, kept, not rounded away
    expect(poissonBinomialUpperTail(Array(30).fill(0.3), 30)).toBeCloseTo(0.3 ** 30, 25);
  });
});

describe('itemRates', () => {
  it('gives the smoothed proportion right and Σπ² of the wrong answers', () => {
    const rates = itemRates(
      [
        {
          sat: 9,
          right: 4,
          wrongByBand: [
            new Map([
              ['B', 4],
              ['C', 0],
            ]),
            new Map([['C', 1]]),
          ],
        },
        { sat: 3, right: 3, wrongByBand: [new Map(), new Map()] },
      ],
      2,
    );
    expect(rates.pRight).toEqual([0.45, 0.875]);
    // band 0: B 4.5/5, C 0.5/5; band 1: B 0.5/2, C 1.5/2
    const [item0, item1] = rates.sameWrong;
    expect(item0![0]).toBeCloseTo(0.9 ** 2 + 0.1 ** 2, 12);
    expect(item0![1]).toBeCloseTo(0.9 * 0.25 + 0.1 * 0.75, 12);
    expect(item0![3]).toBeCloseTo(0.25 ** 2 + 0.75 ** 2, 12);
    // nothing seen: two answers assumed, evenly likely
    expect(item1![0]).toBeCloseTo(0.5, 12);
  });

  it('fits each person so that the right-answer probabilities sum to their number right', () => {
    const pRight = [0.9, 0.7, 0.5, 0.3, 0.2];
    for (const right of [1, 2.5, 4]) {
      const p = personRightProbabilities(pRight, right);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(right, 6);
      // harder items stay harder for everyone
      expect([...p].sort((x, y) => y - x)).toEqual(p);
    }
  });
});

describe('identical wrong answers on simulated rooms', () => {
  it(
    'flags no pair of independent answerers at the family α (0.01 per room)',
    { timeout: 60_000 },
    () => {
      for (const [seed, options] of [
        [11, {}],
        [12, { abilityTilt: 0.8 }],
      ] as const) {
        const sim = rooms(seed, 25, 40, options);
        const bands = scoreBandCount(sim.rooms.flat().length);
        const rates = itemRates(tallies(sim.exam.items, sim.rooms.flat(), bands), bands);
        const flaggedRooms = sim.rooms.filter(
          (room) => similarPairsInRoom(room, rates).flagged.length > 0,
        );
        // 25 rooms at α = 0.01 each: 0.25 false flags expected; allow at most one room
        expect(flaggedRooms.length, `seed ${seed}`).toBeLessThanOrEqual(1);
      }
    },
  );

  it('flags a copied pair with its identical wrong answers as evidence', () => {
    const sim = rooms(21, 10, 40);
    const room = sim.rooms[0]!;
    // a source with wrong answers to copy (one who got nearly everything right leaves no trace)
    const source = [...room].sort(
      (x, y) => y.correct.filter((c) => !c).length - x.correct.filter((c) => !c).length,
    )[5]!;
    const victim = room.findIndex((e) => e !== source);
    const copier = copyFrom(source, room[victim]!, 0.7, sim.random, 'copier');
    room[victim] = copier;
    const bands = scoreBandCount(sim.rooms.flat().length);
    const rates = itemRates(tallies(sim.exam.items, sim.rooms.flat(), bands), bands);
    const result = similarPairsInRoom(room, rates);
    expect(result.pairsTested).toBe(780);
    expect(result.threshold).toBeCloseTo(0.01 / 780, 12);
    expect(result.flagged.map((pair) => [pair.a, pair.b].sort())).toEqual([
      [source.id, 'copier'].sort(),
    ]);
    const [pair] = result.flagged;
    expect(pair!.p).toBeLessThan(result.threshold);
    for (const i of pair!.identicalWrong) {
      expect(source.responses[i]).toBe(copier.responses[i]);
      expect(source.correct[i]).toBe(false);
    }
    expect(pair!.identicalWrong.length).toBeGreaterThan(pair!.expected * 2);
  });

  it('does not count omissions or right answers as matches', () => {
    const a = {
      id: 'a',
      band: 0,
      responses: ['A', null, 'C', 'D'],
      correct: [true, false, false, false],
    };
    const b = {
      id: 'b',
      band: 0,
      responses: ['A', null, 'C', 'B'],
      correct: [true, false, false, false],
    };
    const rates = {
      pRight: [0.5, 0.5, 0.5, 0.5],
      bands: 1,
      sameWrong: [0.5, 0.5, 0.4, 0.3].map((q) => Float64Array.of(q)),
    };
    const pair = pairSimilarity(a, b, rates);
    expect(pair.identicalWrong).toEqual([2]);
    // three items both answered; each person's wrong probability is the same (equal items)
    const wrong = 1 - personRightProbabilities(rates.pRight, 1)[0]!;
    const w = [0.5, 0.4, 0.3].map((q) => wrong * wrong * q);
    expect(pair.expected).toBeCloseTo(w[0]! + w[1]! + w[2]!, 12);
    expect(pair.p).toBeCloseTo(1 - (1 - w[0]!) * (1 - w[1]!) * (1 - w[2]!), 12);
  });
});
