import { describe, expect, it } from 'vitest';
import { createPointMatcher, matchTerms, type PointProfile } from './point-matcher';

/** 鉴定点 of the 电工 四级 细目表 (excerpt), with the names of their 鉴定范围. */
const P = (path: string, name: string, ...rangeNames: string[]): PointProfile => ({
  id: `6-31-01-03:2018:${path}`,
  path,
  name,
  rangeNames,
});
const POINTS: PointProfile[] = [
  P('A-A-001', '职业道德基本知识', '基本要求', '职业道德'),
  P('A-A-002', '职业守则', '基本要求', '职业道德'),
  P('A-B-001', '直流电路及欧姆定律', '基本要求', '基础知识'),
  P('A-B-002', '磁场与电磁感应', '基本要求', '基础知识'),
  P('A-B-003', '正弦交流电路', '基本要求', '基础知识'),
  P('A-B-004', '常用电工仪表的使用', '基本要求', '基础知识'),
  P('A-B-005', '安全用电与触电急救', '基本要求', '基础知识'),
  P('B-A-001', '熔断器的选择与使用', '相关知识', '低压电器'),
  P('B-A-002', '接触器与继电器', '相关知识', '低压电器'),
  P('B-A-003', '低压断路器', '相关知识', '低压电器'),
  P('B-B-001', '三相异步电动机的结构与工作原理', '相关知识', '电动机及其控制'),
  P('B-B-002', '三相异步电动机的启动', '相关知识', '电动机及其控制'),
  P('B-B-003', '三相异步电动机的制动', '相关知识', '电动机及其控制'),
  P('B-B-004', '电动机正反转控制线路', '相关知识', '电动机及其控制'),
  P('B-C-001', '照明线路的安装', '相关知识', '照明与配线'),
  P('B-C-002', '导线的选择与连接', '相关知识', '照明与配线'),
  P('B-D-001', '变压器的结构与原理', '相关知识', '变压器'),
  P('B-D-002', '变压器的运行与维护', '相关知识', '变压器'),
];

/** Real-world 电工 questions (stem + options) and the 鉴定点 an examiner files them under. */
const ITEMS: [string, string][] = [
  ['熔断器在低压配电线路中主要起（ ）保护作用。 短路 过载 欠压 失压', 'B-A-001'],
  [
    '三相异步电动机采用星形—三角形降压启动时，启动电流为直接启动时的（ ）。 1/3 1/2 1/√3 2/3',
    'B-B-002',
  ],
  [
    '发现有人触电时，首先应（ ）。 迅速切断电源或用绝缘物使触电者脱离电源 立即进行口对口人工呼吸',
    'A-B-005',
  ],
  ['电工仪表按测量对象不同，可分为电流表、电压表、功率表和电能表等。', 'A-B-004'],
  ['在纯电阻正弦交流电路中，电压与电流的相位关系是（ ）。 同相 反相', 'A-B-003'],
  ['部分电路欧姆定律反映了在不含电源的一段电路中，电流与电压及电阻的关系。', 'A-B-001'],
  ['接触器的自锁触头应与启动按钮（ ）。 并联 串联 混联 短接', 'B-A-002'],
  ['变压器铁心的结构采用涂有绝缘漆的硅钢片叠压而成，主要是为了减小（ ）。', 'B-D-001'],
  [
    '电动机正反转控制线路中，为防止两个接触器同时吸合造成电源短路，必须设置（ ）。 联锁保护 自锁环节',
    'B-B-004',
  ],
  ['照明线路中，单极开关应接在（ ）上。 相线 零线 保护地线 中性线', 'B-C-001'],
  ['三相异步电动机能耗制动是在切断交流电源后，立即向定子绕组通入（ ）。 直流电 交流电', 'B-B-003'],
  ['从业人员遵守职业道德，应做到爱岗敬业、诚实守信、办事公道。', 'A-A-001'],
  ['低压断路器的瞬时脱扣器主要用于（ ）保护。 短路 过载 欠压 漏电', 'B-A-003'],
  ['变压器运行中，上层油温一般不宜超过85℃。', 'B-D-002'],
  ['当线圈中的磁通发生变化时，线圈中就会产生（ ）。 感应电动势 恒定电流 静电 电阻', 'A-B-002'],
];

describe('鉴定点 suggestions for unclassified items', () => {
  const matcher = createPointMatcher(POINTS);

  it('ranks the right 鉴定点 first for realistic 电工 items', () => {
    for (const [text, path] of ITEMS) {
      expect(matcher.suggest(text)[0]?.path, text).toBe(path);
    }
  });

  it('gives at most three suggestions, best first, with scores between 0 and 1', () => {
    const suggestions = matcher.suggest(ITEMS[1]?.[0] ?? '');
    expect(suggestions.map((s) => s.path)).toEqual(['B-B-002', 'B-B-003', 'B-B-001']);
    expect(suggestions[0]).toMatchObject({
      pointId: '6-31-01-03:2018:B-B-002',
      name: '三相异步电动机的启动',
    });
    const scores = suggestions.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores.every((score) => score > 0 && score <= 1)).toBe(true);
  });

  it('is deterministic whatever the order of the points', () => {
    const reversed = createPointMatcher([...POINTS].reverse());
    for (const [text] of ITEMS) expect(reversed.suggest(text)).toEqual(matcher.suggest(text));
  });

  it('suggests nothing for text that shares no term with any 鉴定点', () => {
    expect(matcher.suggest('今天天气很好。')).toEqual([]);
    expect(createPointMatcher([]).suggest(ITEMS[0]?.[0] ?? '')).toEqual([]);
  });

  it('terms are CJK bigrams and whole Latin words, after width and case folding', () => {
    expect([...matchTerms('ＰＬＣ控制 rlc')]).toEqual(['plc', '控制', 'rlc']);
  });

  it('handles 10,000 items against 1,000 points quickly (bounded work per item)', () => {
    const names = POINTS.map((point) => point.name);
    const many: PointProfile[] = Array.from({ length: 1000 }, (_, index) =>
      P(
        `B-${String.fromCharCode(65 + (index % 20))}-${String(index).padStart(3, '0')}`,
        `${names[index % names.length] ?? ''}${index}号${names[(index * 7) % names.length] ?? ''}`,
        '相关知识',
        names[index % 5] ?? '',
      ),
    );
    const started = performance.now();
    const big = createPointMatcher(many);
    let suggested = 0;
    for (let index = 0; index < 10_000; index += 1) {
      const [text] = ITEMS[index % ITEMS.length] ?? [''];
      suggested += big.suggest(`${text}${index}`).length;
    }
    const elapsed = performance.now() - started;
    expect(suggested).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(10_000);
  });
});
