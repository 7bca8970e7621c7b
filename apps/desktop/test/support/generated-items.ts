/*
 * A large item file made up for progress tests: `count` 单选 rows in the CSV template layout,
 * each stem a different random run of words and characters (no two near-duplicates), filed under 鉴定点 of the
 * sample electrician standard (samples/electrician/standard.json).
 */

const WORDS = [
  '变压器',
  '电动机',
  '接触器',
  '熔断器',
  '断路器',
  '继电器',
  '电缆',
  '母线',
  '互感器',
  '电容器',
  '绝缘',
  '接地',
  '短路',
  '过载',
  '漏电',
  '相序',
  '功率',
  '电压',
  '电流',
  '频率',
  '温升',
  '振动',
  '噪声',
  '谐波',
  '照明',
  '插座',
  '开关',
  '导线',
  '线槽',
  '桥架',
  '检修',
  '巡视',
  '试验',
  '调整',
  '测量',
  '记录',
  '更换',
  '紧固',
  '清扫',
  '校验',
  '夜间',
  '雨天',
  '高温',
  '潮湿',
  '粉尘',
  '户外',
  '地下',
  '高处',
  '带电',
  '停电',
];
const POINTS = ['A-B-C-001', 'A-B-C-002', 'A-B-C-003', 'A-B-D-001', 'A-B-D-002', 'A-B-E-001'];

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatedItemsCsv(count: number, seed = 7): string {
  const random = mulberry32(seed);
  const word = () => WORDS[Math.floor(random() * WORDS.length)] ?? '电压';
  // Common characters (U+4E00 onward): stems share few character runs, like real questions.
  const hanzi = () => String.fromCodePoint(0x4e00 + Math.floor(random() * 3000));
  const lines = ['题型,题干,选项A,选项B,选项C,选项D,答案,鉴定点代码,难度'];
  for (let n = 0; n < count; n += 1) {
    const stem = `${Array.from({ length: 4 }, word).join('')}${Array.from({ length: 12 }, hanzi).join('')}，应如何处理？`;
    const options = ['甲', '乙', '丙', '丁'].map((mark) => `${word()}${word()}（${mark}）`);
    const answer = 'ABCD'[n % 4] ?? 'A';
    const point = POINTS[n % POINTS.length] ?? 'A-B-C-001';
    lines.push(`单选,${stem},${options.join(',')},${answer},${point},${1 + (n % 5)}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
