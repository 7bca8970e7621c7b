/*
 * A seeded synthetic bank for the benchmark: a 300-point electrician-style standard and
 * item rows of realistic Chinese text built from word lists.
 */

import { mulberry32 } from '@skillexam/shared';

export { mulberry32 };

export const SUBJECTS = [
  '电力电缆',
  '控制电缆',
  '接地装置',
  '接地电阻',
  '变压器',
  '配电变压器',
  '断路器',
  '隔离开关',
  '熔断器',
  '漏电保护器',
  '三相异步电动机',
  '直流电动机',
  '交流接触器',
  '热继电器',
  '时间继电器',
  '中间继电器',
  '电流互感器',
  '电压互感器',
  '兆欧表',
  '万用表',
  '钳形电流表',
  '照明线路',
  '配电箱',
  '低压母线',
  '架空线路',
  '避雷器',
  '电容器',
  '变频器',
  '可编程控制器',
  '软启动器',
  '绝缘导线',
  '铜芯导线',
  '铝芯导线',
  '接线端子',
  '电能表',
  '行程开关',
  '按钮开关',
  '指示灯',
  '稳压电源',
  '整流电路',
  '晶闸管',
  '二极管',
  '三极管',
  '运算放大器',
  '电焊机',
  '手持电动工具',
  '临时用电线路',
  '低压配电屏',
  '双电源切换装置',
  '剩余电流装置',
];
export const ASPECTS = [
  '绝缘电阻',
  '额定电流',
  '额定电压',
  '安装高度',
  '弯曲半径',
  '接线方式',
  '保护措施',
  '运行温度',
  '检修周期',
  '巡视内容',
  '试验项目',
  '截面选择',
  '启动方式',
  '调速方法',
  '故障现象',
  '过载能力',
  '短路保护',
  '接地方式',
  '防护等级',
  '使用环境',
  '选用原则',
  '操作顺序',
  '验收标准',
  '测量方法',
  '工作原理',
  '技术参数',
  '维护要求',
  '安全距离',
  '标志颜色',
  '连接工艺',
];
export const CONDITIONS = [
  '在潮湿场所',
  '在高温环境下',
  '停电检修时',
  '带电作业时',
  '新安装后',
  '长期停用后',
  '雷雨季节',
  '负载增大时',
  '首次通电前',
  '定期试验时',
  '发生短路后',
  '更换元件后',
  '冬季低温时',
  '交接验收时',
  '正常运行中',
  '夜间巡视时',
];
export const CLAIMS = [
  '应符合国家标准的规定',
  '必须由持证电工操作',
  '应先切断电源并验电',
  '应采取可靠的接地措施',
  '不得低于规定值',
  '应做好记录并存档',
  '应使用合格的绝缘工具',
  '应悬挂警示标志牌',
  '须经检测合格后方可投入使用',
  '应按照说明书的要求进行',
  '应定期进行检查和维护',
  '应与带电体保持足够的安全距离',
  '不允许超过额定值运行',
  '应选用相应等级的保护电器',
];
export const OPTIONS = [
  '0.5兆欧',
  '1兆欧',
  '10倍电缆外径',
  '15倍电缆外径',
  '2.5米',
  '1.8米',
  '黄绿双色线',
  '淡蓝色线',
  '星形接法',
  '三角形接法',
  '立即停电处理',
  '继续观察运行',
  '降压启动',
  '直接启动',
  '每月一次',
  '每年一次',
  '熔断器保护',
  '热继电器保护',
  '重复接地',
  '保护接零',
  '钳形电流表',
  '兆欧表',
  '铜芯绝缘线',
  '铝芯绝缘线',
  'IP54',
  'IP20',
  '先断负荷后断电源',
  '先合电源后合负荷',
  '交流耐压试验',
  '直流泄漏试验',
  '额定电流的1.5倍',
  '额定电流的2倍',
];

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

export function stemText(random: () => number): string {
  const subject = pick(random, SUBJECTS);
  const aspect = pick(random, ASPECTS);
  const condition = pick(random, CONDITIONS);
  const claim = pick(random, CLAIMS);
  const second = pick(random, SUBJECTS);
  switch (Math.floor(random() * 4)) {
    case 0:
      return `${condition}，${subject}的${aspect}${claim}，与${second}的配合也须检查。`;
    case 1:
      return `关于${subject}的${aspect}，下列说法中正确的是（\u3000）。${condition}${claim}。`;
    case 2:
      return `${subject}与${second}${condition}的${aspect}如何确定？${claim}。`;
    default:
      return `${condition}检查${subject}时，其${aspect}和${pick(random, ASPECTS)}${claim}。`;
  }
}

export interface BenchStandard {
  readonly json: unknown;
  readonly pointCodes: string[];
}

/** 300 points: A 基本要求 (A-A 10, A-B 50) and B 相关知识 (six ranges of 40). */
export function benchStandard(): BenchStandard {
  const points = (count: number, offset: number) =>
    Array.from({ length: count }, (_, n) => ({
      code: String(n + 1).padStart(3, '0'),
      name: `${pick(mulberry32(n + offset), SUBJECTS)}${pick(mulberry32(n * 7 + offset), ASPECTS)}`,
      importance: n % 20 === 0 ? 'Z' : n % 7 === 0 ? 'Y' : 'X',
    }));
  const functions = [
    '电气线路敷设',
    '电气设备安装',
    '电动机控制',
    '照明系统',
    '配电装置',
    '电子电路',
  ];
  const ranges = [
    {
      code: 'A',
      name: '基本要求',
      weights: { 5: 30 },
      children: [
        { code: 'A', name: '职业道德', weights: { 5: 5 }, points: points(10, 1) },
        { code: 'B', name: '基础知识', weights: { 5: 25 }, points: points(50, 100) },
      ],
    },
    {
      code: 'B',
      name: '相关知识',
      weights: { 5: 70 },
      children: functions.map((name, index) => ({
        code: String.fromCharCode(65 + index),
        name,
        weights: { 5: index < 4 ? 12 : 11 },
        points: points(40, 1000 + index * 100),
      })),
    },
  ];
  const pointCodes = [
    ...Array.from({ length: 10 }, (_, n) => `A-A-${String(n + 1).padStart(3, '0')}`),
    ...Array.from({ length: 50 }, (_, n) => `A-B-${String(n + 1).padStart(3, '0')}`),
    ...functions.flatMap((_, index) =>
      Array.from(
        { length: 40 },
        (_, n) => `B-${String.fromCharCode(65 + index)}-${String(n + 1).padStart(3, '0')}`,
      ),
    ),
  ];
  return {
    json: {
      format: 'skillexam-standard',
      formatVersion: 1,
      occupation: { code: '6-31-01-03', name: '电工', edition: 2015, subTrades: [] },
      standard: { occupationCode: '6-31-01-03', version: '2018', levels: [5] },
      ranges,
    },
    pointCodes,
  };
}

/** CSV text of `count` items in the template layout (70 % 单选, 20 % 判断, 10 % 多选). */
export function benchItemsCsv(count: number, pointCodes: readonly string[], seed = 42): string {
  const random = mulberry32(seed);
  const lines = ['题型,题干,选项A,选项B,选项C,选项D,选项E,答案,鉴定点代码,难度'];
  for (let n = 0; n < count; n += 1) {
    const point = pointCodes[n % pointCodes.length] ?? 'A-A-001';
    const difficulty = 1 + Math.floor(random() * 5);
    const roll = random();
    const stem = stemText(random);
    const options = Array.from({ length: 5 }, () => pick(random, OPTIONS));
    if (roll < 0.2) {
      lines.push(`判断,${stem},,,,,,${random() < 0.5 ? '√' : '×'},${point},${difficulty}`);
    } else if (roll < 0.9) {
      lines.push(
        `单选,${stem},${options.slice(0, 4).join(',')},,${pick(random, ['A', 'B', 'C', 'D'])},${point},${difficulty}`,
      );
    } else {
      lines.push(
        `多选,${stem},${options.join(',')},${pick(random, ['AB', 'ACD', 'BDE', 'ABCE'])},${point},${difficulty}`,
      );
    }
  }
  return lines.join('\n');
}

/** Random queries of `length` characters cut from the word lists (what users type). */
export function benchQuery(random: () => number, length: number): string {
  for (;;) {
    const source = pick(random, [...SUBJECTS, ...ASPECTS, ...CONDITIONS, ...CLAIMS]);
    const chars = Array.from(source);
    if (chars.length < length) continue;
    const start = Math.floor(random() * (chars.length - length + 1));
    return chars.slice(start, start + length).join('');
  }
}
