import { anchorText } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { ANCHORS_PER_CALL, anchorSlices, verifyPath } from './verify-anchors';

const H1 = 'a'.repeat(64);
const H2 = '0123456789abcdef'.repeat(4);

describe('verify slices', () => {
  it('sends the anchors in sequence order, at most `size` a call, one call for none', () => {
    const anchors = [5, 1, 9, 3, 7].map((seq) => ({ seq, hash: H1 }));
    expect(anchorSlices(anchors, 2).map((slice) => slice.map((a) => a.seq))).toEqual([
      [1, 3],
      [5, 7],
      [9],
    ]);
    expect(anchorSlices([])).toEqual([[]]);
  });

  it('writes each anchor as one ?anchor= parameter', () => {
    const anchors = [
      { seq: 2, hash: H1 },
      { seq: 10, hash: H2 },
    ];
    const path = verifyPath(anchors);
    expect(new URL(path, 'http://centre').searchParams.getAll('anchor')).toEqual(
      anchors.map(anchorText),
    );
    expect(verifyPath([])).toBe('/api/audit/verify');
  });

  it('keeps one call far below the 16 KiB header limit even with 15-digit sequence numbers', () => {
    const longest = Array.from({ length: ANCHORS_PER_CALL }, () => ({
      seq: 999_999_999_999_999,
      hash: H1,
    }));
    expect(verifyPath(longest).length).toBeLessThan(10 * 1024);
  });
});
