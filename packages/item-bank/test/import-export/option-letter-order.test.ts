import { describe, expect, it } from 'vitest';
import { splitOptionCell } from '../../src/import-export/option-cell';

/*
 * Option cells in table layouts (docs/decisions/0600): an option cell whose letters skip
 * or run backwards is refused, never renumbered A, B, C; a run-on cell that reads as A–D as well
 * as A–E is refused as ambiguous; a cell full of marker-like letters is split in linear time.
 */

const texts = (cell: string) => {
  const result = splitOptionCell(cell);
  return result.ok ? result.options.map((option) => `${option.id}=${option.text}`) : result.reason;
};

describe('option letters out of order', () => {
  it.each([
    ['A.电磁抱闸\nC.熔断器\nD.速度继电器', 'A、C、D'],
    ['B.乙炔\nA.氧气\nC.氮气', 'B、A、C'],
    ['A.干粉灭火器\tC.泡沫灭火器\tD.二氧化碳灭火器', 'A、C、D'],
    ['A.停电\nB.验电\nD.挂接地线', 'A、B、D'],
    ['A.停电\nB.验电\nA.挂接地线', 'A、B、A'],
    ['A.接零\n接地\n绝缘', 'A、（无字母）、（无字母）'],
  ])('refuses %j instead of renaming its options', (cell, letters) => {
    const reason = texts(cell);
    expect(reason).toEqual(expect.stringContaining('选项字母不连续或顺序错误'));
    expect(reason).toEqual(expect.stringContaining(letters));
  });

  it('still numbers lines that carry no letters at all, and splits lines in order', () => {
    expect(texts('正确\n错误')).toEqual(['A=正确', 'B=错误']);
    expect(texts('对接接头\nT形接头\n角接接头\n搭接接头')).toEqual([
      'A=对接接头',
      'B=T形接头',
      'C=角接接头',
      'D=搭接接头',
    ]);
    expect(texts('A.酸性\nB.碱性\nC.中性\nD.不锈钢')).toEqual([
      'A=酸性',
      'B=碱性',
      'C=中性',
      'D=不锈钢',
    ]);
    expect(texts('A.甲 B.乙\nC.丙 D.丁')).toEqual(['A=甲', 'B=乙', 'C=丙', 'D=丁']);
  });
});

describe('run-on cells that read as A–D and as A–E', () => {
  it('refuses the cell, showing both readings, instead of inventing option E', () => {
    const reason = texts('A.维生素AB.维生素BC.维生素CD.含维生素E.等');
    expect(reason).toMatch(/歧义/);
    expect(reason).toEqual(expect.stringContaining('D“含维生素E.等”'));
    expect(reason).toEqual(expect.stringContaining('D“含维生素” E“等”'));
    expect(texts('A.甲B.乙C.丙D.丁E.戊')).toMatch(/歧义.*D“丁E\.戊”/);
    expect(texts('(A)甲(B)乙(C)丙(D)丁(E)戊(F)己')).toMatch(/歧义/);
  });

  it('keeps spaced or line-separated five-option cells and four-option run-on cells', () => {
    expect(texts('A.甲 B.乙 C.丙 D.丁 E.戊')).toEqual(['A=甲', 'B=乙', 'C=丙', 'D=丁', 'E=戊']);
    expect(texts('A.甲\nB.乙\nC.丙\nD.丁\nE.戊')).toHaveLength(5);
    expect(texts('A.电磁抱闸制动器B.熔断器C.指示灯D.速度继电器')).toHaveLength(4);
    expect(texts('A.N线B.PE线C.PEN线D.L线')).toEqual(['A=N线', 'B=PE线', 'C=PEN线', 'D=L线']);
  });
});

describe('cells full of marker-like letters', () => {
  it('refuses them before reading: too many markers for the options of one question', () => {
    const result = splitOptionCell(`A.x${'B.x'.repeat(32000)}`);
    expect(result).toEqual({
      ok: false,
      reason: expect.stringContaining('32001 处像选项标记的字母'),
    });
  });
});
