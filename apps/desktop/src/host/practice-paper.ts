import {
  contentBuilders as b,
  itemBody,
  type CandidatePaper,
  type CandidatePaperItem,
  type ItemBody,
} from '@skillexam/shared';

/*
 * A practice paper (练习卷) for trying the exam screen without a server: 电工 四级 style items,
 * sized like a real level-4 paper (40 判断 + 150 单选 + 10 多选). It carries no answer keys.
 * Items repeat from a small set; the number in brackets keeps repeated stems distinguishable.
 */

const text = (value: string): ItemBody => itemBody(b.paragraph(value));

interface SingleSource {
  stem: ItemBody;
  options: [string, string, string, string];
}
interface MultipleSource {
  stem: ItemBody;
  options: [string, string, string, string, string];
}

const TRUE_FALSE: [string, ...string[]] = [
  '熔断器在低压电路中主要起短路保护作用。',
  '用万用表测量电阻时，可以在被测电路带电的情况下进行。',
  '三相异步电动机正常运行时，转子转速总是略低于旋转磁场的同步转速。',
  '电气设备发生火灾时，应先切断电源，再使用干粉灭火器灭火。',
  '保护接零适用于中性点不接地的低压电网。',
];

const SINGLE: [SingleSource, ...SingleSource[]] = [
  { stem: text('我国工频交流电的频率为（　）。'), options: ['50 Hz', '60 Hz', '100 Hz', '220 Hz'] },
  {
    stem: text('一只标有“220 V 100 W”的白炽灯，正常工作时的电流约为（　）。'),
    options: ['0.45 A', '2.2 A', '0.22 A', '4.5 A'],
  },
  {
    stem: text('测量电气设备的绝缘电阻，应使用（　）。'),
    options: ['兆欧表', '万用表', '钳形电流表', '直流电桥'],
  },
  {
    stem: itemBody(
      b.paragraph(
        '电阻 ',
        b.formula('R_1 = 4\\,\\Omega'),
        ' 与 ',
        b.formula('R_2 = 6\\,\\Omega'),
        ' 并联，其等效电阻为（　）。',
      ),
    ),
    options: ['2.4 Ω', '10 Ω', '5 Ω', '1.5 Ω'],
  },
  {
    stem: itemBody(
      b.paragraph('下表为某电动机铭牌的部分参数，其额定转差率约为（　）。'),
      b.table(
        b.tableRow(
          b.tableHeaderCell('额定功率'),
          b.tableHeaderCell('额定转速'),
          b.tableHeaderCell('极数'),
        ),
        b.tableRow(b.tableCell('7.5 kW'), b.tableCell('1440 r/min'), b.tableCell('4')),
      ),
    ),
    options: ['0.04', '0.02', '0.4', '0.96'],
  },
];

const MULTIPLE: [MultipleSource, ...MultipleSource[]] = [
  {
    stem: text('下列属于绝缘安全用具的有（　）。'),
    options: ['绝缘手套', '绝缘靴', '绝缘棒', '安全帽', '安全带'],
  },
  {
    stem: text('三相异步电动机的调速方法有（　）。'),
    options: ['变极调速', '变频调速', '改变转差率调速', '改变电源相序', '改变电压表量程'],
  },
];

const OPTION_IDS = ['A', 'B', 'C', 'D', 'E'] as const;

/** Cycles through a non-empty list (the tables above are constants). */
function cycle<T>(list: readonly [T, ...T[]], i: number): T {
  return list[i % list.length] ?? list[0];
}

function withNumber(body: ItemBody, round: number): ItemBody {
  return round === 0
    ? body
    : { ...body, content: [...body.content, b.paragraph(`（练习题组 ${round + 1}）`)] };
}

export function practicePaper(): CandidatePaper {
  let number = 0;
  const next = () => (number += 1);
  const tf: CandidatePaperItem[] = Array.from({ length: 40 }, (_, i) => ({
    type: 'true_false',
    itemId: `practice-tf-${i + 1}`,
    version: 1,
    number: next(),
    points: 0.5,
    stem: withNumber(
      text(TRUE_FALSE[i % TRUE_FALSE.length] ?? ''),
      Math.floor(i / TRUE_FALSE.length),
    ),
  }));
  const single: CandidatePaperItem[] = Array.from({ length: 150 }, (_, i) => {
    const source = cycle(SINGLE, i);
    return {
      type: 'single_choice',
      itemId: `practice-sc-${i + 1}`,
      version: 1,
      number: next(),
      points: 0.5,
      stem: withNumber(source.stem, Math.floor(i / SINGLE.length)),
      options: source.options.map((option, k) => ({
        id: OPTION_IDS[k] ?? 'A',
        content: text(option),
      })),
    };
  });
  const multiple: CandidatePaperItem[] = Array.from({ length: 10 }, (_, i) => {
    const source = cycle(MULTIPLE, i);
    return {
      type: 'multiple_choice',
      itemId: `practice-mc-${i + 1}`,
      version: 1,
      number: next(),
      points: 0.5,
      stem: withNumber(source.stem, Math.floor(i / MULTIPLE.length)),
      options: source.options.map((option, k) => ({
        id: OPTION_IDS[k] ?? 'A',
        content: text(option),
      })),
    };
  });
  return {
    paperId: 'practice-electrician-4',
    title: '电工（四级/中级工）理论知识 练习卷',
    durationMinutes: 120,
    fullMarks: 100,
    sections: [
      { title: '一、判断题', itemType: 'true_false', pointsEach: 0.5, items: tf },
      { title: '二、单项选择题', itemType: 'single_choice', pointsEach: 0.5, items: single },
      { title: '三、多项选择题', itemType: 'multiple_choice', pointsEach: 0.5, items: multiple },
    ],
  };
}
