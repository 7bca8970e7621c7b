import { describe, expect, it } from 'vitest';
import { writeWordPaper } from '../../../test/import-export/support/word-paper';
import { readDocxItems } from './docx-reader';

/* Key parts that cannot be matched safely: reported with their paragraph, never guessed. */

const read = async (blocks: string[]) =>
  readDocxItems(await writeWordPaper({ blocks }), 'paper.docx');

const errors = (file: Awaited<ReturnType<typeof read>>) =>
  file.issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) => `${issue.item ?? ''} | ${issue.reason}`);

const TWO_SECTIONS = [
  '一、单项选择题',
  '1. 安全电压的上限值为（  ）。',
  'A. 24V B. 36V C. 42V D. 50V',
  '二、判断题',
  '1. 可以用湿手操作电气开关。',
];

describe('key part at the end of a Word paper', () => {
  it('refuses a range whose count of answers does not match the numbers', async () => {
    const file = await read([
      ...TWO_SECTIONS.slice(0, 3),
      '2. 熔断器的作用是（  ）。',
      'A. 过载 B. 短路 C. 欠压 D. 失压',
      '参考答案',
      '一、单项选择题',
      '1-2 BBC',
    ]);
    expect(errors(file)).toEqual([
      expect.stringMatching(
        /^ \| 参考答案部分：“1-2 BBC”是第1–2题共 2 题的答案，却有 3 个.*（第8段）$/,
      ),
      expect.stringMatching(/^paper\.docx 单项选择题 第1题 \| 缺少答案/),
      expect.stringMatching(/^paper\.docx 单项选择题 第2题 \| 缺少答案/),
    ]);
    expect(file.items).toEqual([]);
  });

  it('refuses key lines without a section heading when numbers restart per section', async () => {
    const file = await read([...TWO_SECTIONS, '参考答案', '1. B', '1. B']);
    expect(errors(file)).toEqual([
      expect.stringMatching(/参考答案 第1题 \| .*无法确定是哪一题.*（第7段）$/),
      expect.stringMatching(/参考答案 第1题 \| .*无法确定是哪一题.*（第8段）$/),
      expect.stringMatching(/单项选择题 第1题 \| 缺少答案/),
      expect.stringMatching(/判断题 第1题 \| 缺少答案/),
    ]);
  });

  it('refuses a second key for a question and a key part section the questions do not have', async () => {
    const file = await read([
      ...TWO_SECTIONS,
      '参考答案',
      '一、单项选择题',
      '1、参考答案：B',
      '1、参考答案：C',
      '三、填空题',
      '1、参考答案：50',
      '二、判断题',
      '1、答案：×',
    ]);
    expect(errors(file)).toEqual([
      expect.stringMatching(
        /参考答案 单项选择题 第1题 \| .*已有答案，参考答案部分又给了一次（第9段）$/,
      ),
      expect.stringMatching(
        /参考答案 填空题 第1题 \| 参考答案部分的大题“填空题”在试题中没有同名大题/,
      ),
    ]);
    expect(file.items.map((item) => [item.ref, item.content.key])).toEqual([
      ['paper.docx 单项选择题 第1题', 'B'],
      ['paper.docx 判断题 第1题', false],
    ]);
  });

  it('names a key letter that is not an option of the question', async () => {
    const file = await read([...TWO_SECTIONS.slice(0, 3), '答案：E']);
    expect(errors(file)).toEqual([
      expect.stringMatching(
        /单项选择题 第1题 \| 答案“E”中的 E 不是本题的选项（本题选项 A、B、C、D）（第2段）$/,
      ),
    ]);
  });

  it('names the title and instructions before the first question, and imports the rest', async () => {
    const file = await read([
      '2025年电工（四级）理论知识模拟试卷',
      '注意事项：考试时间 90 分钟。',
      ...TWO_SECTIONS,
      '答案：B',
    ]);
    expect(file.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        reason: '第 1、2 段在第一道题之前（试卷标题、考试说明等），不作为试题导入',
      }),
    );
  });

  it('keeps 正确/错误 options under a 单选 heading as a choice, with a warning', async () => {
    const file = await read([
      '一、单项选择题',
      '1. 接地线可以用缠绕的方法连接。',
      'A. 正确 B. 错误',
      '答案：B',
    ]);
    expect(file.items.map((item) => [item.content.type, item.content.key])).toEqual([
      ['single_choice', 'B'],
    ]);
    expect(file.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        field: '题型',
        reason: expect.stringMatching(/^单项选择题下的这道题只有“正确\/错误”两个选项/),
      }),
    );
  });

  it('keeps numbered lines of a reference answer with it where key lines say 参考答案：', async () => {
    const file = await read([
      '一、简答题',
      '1. 简述停电检修的安全技术措施。',
      '2. 兆欧表用于测量（  ）。',
      'A. 电流 B. 电压 C. 绝缘电阻 D. 功率',
      '参考答案',
      '一、简答题',
      '1、参考答案：',
      '1. 停电；',
      '2. 验电；',
      '3. 装设接地线，悬挂标示牌和装设遮栏。',
      '2、参考答案：C',
    ]);
    expect(errors(file)).toEqual([]);
    const [first, second] = file.items;
    expect(first?.content.type).toBe('short_answer');
    expect(JSON.stringify(first?.content.key)).toMatch(/1\. 停电；.*2\. 验电；.*3\. 装设接地线/);
    expect(second?.content).toMatchObject({ type: 'single_choice', key: 'C' });
  });

  const SHORT_ANSWERS = [
    '一、简答题',
    '1. 简述停电检修的安全技术措施。',
    '2. 简述兆欧表使用前的检查。',
    '参考答案',
    '一、简答题',
  ];

  it('reports an unlabelled line that could be the next key or the next point of an answer', async () => {
    // No key for question 2 can be found without taking 「2. 验电；」 from question 1's answer.
    const file = await read([
      ...SHORT_ANSWERS,
      '1. 要点：',
      '1. 停电；',
      '2. 验电；',
      '3. 装设接地线。',
    ]);
    expect(errors(file)).toContainEqual(
      expect.stringMatching(
        /^ \| 参考答案部分：“2\. 验电；”既可能是简答题第2题的答案，也可能是上一题参考答案中的第2点，无法确定.*（第8段）$/,
      ),
    );
  });

  it('warns where only reading a line as the next key gives every question a key', async () => {
    const file = await read([
      ...SHORT_ANSWERS,
      '1. 要点：',
      '1. 停电、验电、装设接地线。',
      '2. 开路和短路试验。',
    ]);
    expect(errors(file)).toEqual([]);
    expect(file.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        reason: expect.stringMatching(
          /^参考答案部分：“2\. 开路和短路试验。”按简答题第2题的答案读取.*（第8段）$/,
        ),
      }),
    );
    expect(JSON.stringify(file.items[1]?.content.key)).toContain('开路和短路试验');
  });

  it('takes an unlabelled line in a choice section as a key only if it is option letters', async () => {
    const file = await read([
      ...TWO_SECTIONS.slice(0, 3),
      '2. 熔断器的作用是（  ）。',
      'A. 过载 B. 短路 C. 欠压 D. 失压',
      '参考答案',
      '一、单项选择题',
      '1. C',
      '2. 熔断器用于短路保护',
      '2. B',
    ]);
    expect(errors(file)).toEqual([
      ' | 参考答案部分：“2. 熔断器用于短路保护”不是单项选择题的答案（应为选项字母），也不在“解析：”之后，无法确定属于哪一题（第9段）',
    ]);
    expect(file.items.map((item) => item.content.key)).toEqual(['C', 'B']);
  });
});
