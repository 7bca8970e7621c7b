import type { CandidatePaper } from '@skillexam/shared';
import { itemBodyFromText } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { indexPaper } from './exam-navigation';
import { paletteKeyTarget, paletteRows } from './palette-keys';

const tf = (n: number) => ({
  type: 'true_false' as const,
  itemId: `tf${n}`,
  version: 1,
  number: n,
  points: 1,
  stem: itemBodyFromText(`判断 ${n}`),
});
// Section one: questions 1–8 (rows of 6: 1–6, 7–8); section two: 9–10.
const paper: CandidatePaper = {
  paperId: 'p',
  title: '测试卷',
  durationMinutes: 60,
  fullMarks: 10,
  sections: [
    { title: '一', itemType: 'true_false', pointsEach: 1, items: [1, 2, 3, 4, 5, 6, 7, 8].map(tf) },
    { title: '二', itemType: 'true_false', pointsEach: 1, items: [9, 10].map(tf) },
  ],
};
const index = indexPaper(paper);

describe('paletteKeyTarget', () => {
  it('moves left and right across rows and sections, stopping at the ends', () => {
    expect(paletteKeyTarget(index, 5, 'ArrowRight')).toBe(6);
    expect(paletteKeyTarget(index, 7, 'ArrowRight')).toBe(8);
    expect(paletteKeyTarget(index, 0, 'ArrowLeft')).toBe(0);
    expect(paletteKeyTarget(index, 9, 'ArrowRight')).toBe(9);
  });

  it('moves up and down one row within the section only', () => {
    expect(paletteKeyTarget(index, 1, 'ArrowDown')).toBe(7);
    expect(paletteKeyTarget(index, 3, 'ArrowDown')).toBe(3); // no question 10 in section one
    expect(paletteKeyTarget(index, 7, 'ArrowUp')).toBe(1);
    expect(paletteKeyTarget(index, 8, 'ArrowUp')).toBe(8);
  });

  it('jumps with Home and End and ignores other keys', () => {
    expect(paletteKeyTarget(index, 4, 'Home')).toBe(0);
    expect(paletteKeyTarget(index, 4, 'End')).toBe(9);
    expect(paletteKeyTarget(index, 4, 'a')).toBeUndefined();
  });
});

describe('paletteRows', () => {
  it('cuts a section into rows of six', () => {
    expect(paletteRows([1, 2, 3, 4, 5, 6, 7, 8])).toEqual([
      [1, 2, 3, 4, 5, 6],
      [7, 8],
    ]);
  });
});
