import { describe, expect, it } from 'vitest';
import { isTrueFalseOptionPair, splitOptionCell } from '../../src/import-export/option-cell';

const texts = (cell: string) => {
  const result = splitOptionCell(cell);
  return result.ok ? result.options.map((option) => `${option.id}=${option.text}`) : result.reason;
};

describe('options in one cell', () => {
  it.each([
    [
      'A.电磁抱闸制动器B.熔断器C.指示灯D.速度继电器',
      ['A=电磁抱闸制动器', 'B=熔断器', 'C=指示灯', 'D=速度继电器'],
    ],
    ['A、正确 B、错误', ['A=正确', 'B=错误']],
    ['(A)绝缘手套(B)绝缘靴(C)安全帽', ['A=绝缘手套', 'B=绝缘靴', 'C=安全帽']],
    ['（A）1m （B）2m （C）3m （D）4m', ['A=1m', 'B=2m', 'C=3m', 'D=4m']],
    ['A．220V B．380V', ['A=220V', 'B=380V']],
    ['A:红色 B:黄色 C:绿色', ['A=红色', 'B=黄色', 'C=绿色']],
    ['A：停电 B：验电 C：挂接地线', ['A=停电', 'B=验电', 'C=挂接地线']],
    ['Ａ．接零Ｂ．接地Ｃ．绝缘', ['A=接零', 'B=接地', 'C=绝缘']],
    ['A.焊条电弧焊\nB.埋弧焊\nC.氩弧焊', ['A=焊条电弧焊', 'B=埋弧焊', 'C=氩弧焊']],
    ['A.氧气\tB.乙炔\tC.氮气\tD.二氧化碳', ['A=氧气', 'B=乙炔', 'C=氮气', 'D=二氧化碳']],
    ['A)干粉 B)泡沫 C)水', ['A=干粉', 'B=泡沫', 'C=水']],
    ['a.直流 b.交流', ['A=直流', 'B=交流']],
    ['A 正确 B 错误', ['A=正确', 'B=错误']],
    ['正确\n错误', ['A=正确', 'B=错误']],
    ['A.电阻；B.电容；C.电感', ['A=电阻', 'B=电容', 'C=电感']],
  ])('%s', (cell, expected) => {
    expect(texts(cell)).toEqual(expected);
  });

  it('keeps Latin capitals that are part of the option text', () => {
    expect(texts('A.熔断器FU B.交流接触器KM C.热继电器FR D.按钮SB')).toEqual([
      'A=熔断器FU',
      'B=交流接触器KM',
      'C=热继电器FR',
      'D=按钮SB',
    ]);
    expect(texts('A.380V B.220V C.36V D.12V')).toEqual(['A=380V', 'B=220V', 'C=36V', 'D=12V']);
    expect(texts('A.N线B.PE线C.PEN线D.L线')).toEqual(['A=N线', 'B=PE线', 'C=PEN线', 'D=L线']);
    expect(texts('A.B相 B.C相 C.A相')).toEqual(['A=B相', 'B=C相', 'C=A相']);
    expect(texts('A.3.5mm B.2.5mm C.1.5mm')).toEqual(['A=3.5mm', 'B=2.5mm', 'C=1.5mm']);
  });

  it('prefers the reading whose markers are spaced like the others', () => {
    expect(texts('A.维生素A B.维生素C.钙 C.铁')).toEqual(['A=维生素A', 'B=维生素C.钙', 'C=铁']);
  });

  it('refuses a cell it could read two ways, showing both readings', () => {
    expect(texts('A.甲B.乙C.丙C.丁')).toMatch(/歧义.*C“丙C\.丁”.*C“丁”|歧义.*C“丁”.*C“丙C\.丁”/);
    expect(texts('A.直埋 B.穿管 C.架空 D.见附录E.1节')).toMatch(/歧义.*D“见附录E\.1节”/);
  });

  it('refuses a cell without option markers, naming what it expected', () => {
    expect(texts('电磁抱闸制动器')).toMatch(/无法从选项单元格“电磁抱闸制动器”中拆分出选项.*A\./);
    expect(texts('B.熔断器C.指示灯')).toMatch(/应以 A\. 开头/);
  });

  it('recognises the 判断 pair 正确/错误 in either order', () => {
    const pair = (cell: string) => {
      const result = splitOptionCell(cell);
      return result.ok && isTrueFalseOptionPair(result.options);
    };
    expect(pair('A、正确 B、错误')).toBe(true);
    expect(pair('A.错误 B.正确')).toBe(true);
    expect(pair('A.对 B.错')).toBe(true);
    expect(pair('A.正确 B.错误 C.不确定')).toBe(false);
    expect(pair('A.接地 B.接零')).toBe(false);
  });
});
