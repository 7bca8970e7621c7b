import { describe, expect, it } from 'vitest';
import { renderAnswerSheets } from '../../src/results/answer-sheet-pdf';
import { pdfPageCount, pdfText } from '../pdf/pdf-tools';
import { keys, results, session } from './results-fixture';

describe('renderAnswerSheets (考生答卷)', () => {
  it('lists every item with the answer given, the key and the points, one candidate per page', async () => {
    const zhang = results.find((r) => r.name === '张三');
    const wang = results.find((r) => r.name === '王五');
    if (zhang === undefined || wang === undefined) throw new Error('fixture');
    const bytes = await renderAnswerSheets(
      session,
      keys,
      [zhang, wang],
      new Date('2026-06-01T04:00:00Z'),
    );
    const { text, file } = pdfText(bytes, 'answers.pdf');
    const compact = text.replace(/\s+/g, '');
    expect(pdfPageCount(file)).toBe(2);
    expect(compact).toContain('考生答卷');
    expect(compact).toContain('准考证号：2026DG0001');
    expect(compact).toContain('110101********1234');
    expect(compact).toContain('总分：21');
    expect(compact).toContain('ACD'); // multiple choice given and key
    expect(compact).toContain('(1)欧姆定律；(2)Ｉ＝Ｕ／Ｒ');
    expect(compact).toContain('(2)I=U/R');
    expect(compact).toContain('先断电，再验电，然后挂接地线。');
    expect(compact).toContain('（人工评分）');
    expect(compact).toContain('5/6');
    expect(compact).toContain('待评/6'); // 王五's short answer is not marked yet
    expect(compact).toContain('（未作答）');
  });
});

describe('renderAnswerSheets with 乱序', () => {
  it('lists the items in the candidate’s own order and numbers, within their sections', async () => {
    const zhang = results.find((r) => r.name === '张三');
    if (zhang === undefined) throw new Error('fixture');
    const itemNumbers = new Map([
      ['tf1', 2],
      ['tf2', 1],
      ['sc1', 4],
      ['sc2', 3],
      ['mc1', 5],
      ['fb1', 6],
      ['sa1', 7],
    ]);
    const bytes = await renderAnswerSheets(
      session,
      keys,
      [{ ...zhang, itemNumbers }],
      new Date('2026-06-01T04:00:00Z'),
    );
    const { text } = pdfText(bytes, 'varied.pdf');
    expect(text.replace(/\s+/g, '')).toContain('题号为该考生乱序试卷中的题号');
    const rows = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^[1-4]\s+(判断|单选)/.test(line));
    // 1 = tf2 (key ×), 2 = tf1 (key √), 3 = sc2 (key D), 4 = sc1 (key B)
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/×/);
    expect(rows[1]).toMatch(/√/);
    expect(rows[2]).toMatch(/\bD\b/);
    expect(rows[3]).toMatch(/\bB\b/);
  });
});
