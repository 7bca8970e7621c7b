import { describe, expect, it } from 'vitest';
import { MAX_ANCHORS } from '@skillexam/shared';
import { anchorProblem, parseAnchor, parseAnchorList } from './audit-anchors';

const H = 'ab'.repeat(32);

describe('audit anchors', () => {
  it('reads <seq>:<hash>, with or without #, in any case', () => {
    expect(parseAnchor(`12:${H}`)).toEqual({ seq: 12, hash: H });
    expect(parseAnchor(` #7:${H.toUpperCase()} `)).toEqual({ seq: 7, hash: H });
  });

  it('refuses anything else, naming where it came from', () => {
    for (const bad of ['', '12', `0:${H}`, `-1:${H}`, `12:${H.slice(2)}`, `x:${H}`, `12:${H}00`])
      expect(() => parseAnchor(bad, '--anchor'), bad).toThrow(/^--anchor: 锚点应写作/);
  });

  it('reads a file of anchors with notes and blank lines; errors name the line', () => {
    const text = `// 督导记录\n\n3:${H}  // 甲考点回执 2026-12-01\n#9:${H}\r\n`;
    expect(parseAnchorList(text, 'anchors.txt')).toEqual([
      { seq: 3, hash: H },
      { seq: 9, hash: H },
    ]);
    expect(() => parseAnchorList(`3:${H}\n4:zz\n`, 'anchors.txt')).toThrow(
      /^anchors\.txt 第 2 行: /,
    );
    const many = Array.from({ length: MAX_ANCHORS + 1 }, (_, i) => `${String(i + 1)}:${H}`);
    expect(() => parseAnchorList(many.join('\n'), 'a.txt')).toThrow(/锚点过多/);
  });

  it('a record with another hash is a rewrite; a missing one a cut', () => {
    expect(anchorProblem({ seq: 3, hash: H }, H)).toBeUndefined();
    expect(anchorProblem({ seq: 3, hash: H }, 'cd'.repeat(32))).toMatch(/#3 不符.*rewritten/);
    expect(anchorProblem({ seq: 3, hash: H }, undefined)).toMatch(/#3 不在链中.*removed/);
  });
});
