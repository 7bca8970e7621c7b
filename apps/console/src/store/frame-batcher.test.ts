import { describe, expect, it } from 'vitest';
import { createFrameBatcher } from './frame-batcher';

describe('createFrameBatcher', () => {
  it('applies everything pushed before a frame at once, and schedules one frame per burst', () => {
    const frames: (() => void)[] = [];
    const applied: number[][] = [];
    const batcher = createFrameBatcher<number>(
      (items) => applied.push(items),
      (cb) => frames.push(cb),
    );
    for (let i = 0; i < 500; i += 1) batcher.push(i);
    expect(frames).toHaveLength(1);
    expect(batcher.pending).toBe(500);
    frames.shift()?.();
    expect(applied).toHaveLength(1);
    expect(applied[0]).toHaveLength(500);
    batcher.push(1);
    batcher.push(2);
    expect(frames).toHaveLength(1);
    batcher.flush();
    expect(applied[1]).toEqual([1, 2]);
    frames.shift()?.(); // the frame scheduled for 1, 2 finds nothing to do
    expect(applied).toHaveLength(2);
  });
});
