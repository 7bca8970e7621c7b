import { createHash } from 'node:crypto';
import { collectBlankIds, toPlainText } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { parseItemFile } from '../../src/import-export/index';
import { categoryTags } from '../../src/import-export/category-tags';
import { PNG_BYTES } from './support/sample-items';

const encode = (text: string) => new TextEncoder().encode(text);
const png64 = Buffer.from(PNG_BYTES).toString('base64');
const pngHash = createHash('sha256').update(PNG_BYTES).digest('hex');

const MOODLE = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category">
    <category><text>$course$/top/电工/安全用电</text></category>
  </question>
  <question type="multichoice">
    <name><text>接地电阻</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>保护接地电阻一般不大于（ ）<b>Ω</b>。<script>alert(1)</script></p><p><img src="@@PLUGINFILE@@/%E5%9B%BE1.png" alt="图"></p>]]></text>
      <file name="图1.png" path="/" encoding="base64">${png64}</file>
    </questiontext>
    <generalfeedback format="html"><text><![CDATA[见《规程》。]]></text></generalfeedback>
    <single>true</single>
    <answer fraction="100" format="html"><text>4</text></answer>
    <answer fraction="0" format="html"><text>10</text></answer>
    <answer fraction="0" format="html"><text>30</text></answer>
    <tags><tag><text>接地</text></tag></tags>
  </question>
  <question type="multichoice">
    <name><text>多选</text></name>
    <questiontext format="html"><text>属于安全色的有（ ）。</text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>红</text></answer>
    <answer fraction="50"><text>黄</text></answer>
    <answer fraction="-100"><text>粉</text></answer>
  </question>
  <question type="truefalse">
    <name><text>判断</text></name>
    <questiontext format="plain_text"><text>绝缘手套应定期试验。</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>填空</text></name>
    <questiontext format="html"><text>电阻的单位是____。</text></questiontext>
    <answer fraction="100"><text>欧姆</text></answer>
    <answer fraction="100"><text>Ω</text></answer>
  </question>
  <question type="essay">
    <name><text>问答</text></name>
    <questiontext format="html"><text>简述 $E=mc^2$ 的含义。</text></questiontext>
    <graderinfo format="html"><text>质能等价。</text></graderinfo>
  </question>
  <question type="matching">
    <name><text>配对</text></name>
    <questiontext format="html"><text>配对题</text></questiontext>
  </question>
  <question type="multichoice">
    <name><text>坏答案</text></name>
    <questiontext format="html"><text>没有正确答案</text></questiontext>
    <answer fraction="0"><text>甲</text></answer>
    <answer fraction="0"><text>乙</text></answer>
  </question>
</quiz>`;

describe('Moodle XML import', () => {
  it('imports multichoice, truefalse, shortanswer and essay; categories and tags become tags', async () => {
    const file = await parseItemFile(encode(MOODLE), { fileName: 'quiz.xml' });
    expect(file.format).toBe('moodle');
    expect(file.items.map((item) => item.content.type)).toEqual([
      'single_choice',
      'multiple_choice',
      'true_false',
      'fill_blank',
      'short_answer',
    ]);
    const [single, multi, tf, fill, essay] = file.items;
    expect(single?.tags).toEqual(['电工', '安全用电', '接地']);
    expect(single?.content.stem.content).toEqual([
      {
        type: 'paragraph',
        children: [
          { text: '保护接地电阻一般不大于（ ）' },
          { text: 'Ω', bold: true },
          { text: '。' },
        ],
      },
      { type: 'image', assetHash: pngHash, alt: '图', children: [{ text: '' }] },
    ]);
    expect(file.assets.get(pngHash)?.mime).toBe('image/png');
    expect(single?.content.explanation && toPlainText(single.content.explanation)).toBe(
      '见《规程》。',
    );
    expect(multi?.content.key).toEqual(['A', 'B']);
    expect(tf?.content.key).toBe(true);
    if (fill?.content.type === 'fill_blank') {
      expect(collectBlankIds(fill.content.stem)).toEqual(['b1']);
      expect(fill.content.key).toEqual({ b1: ['欧姆', 'Ω'] });
    }
    expect(essay?.content.stem.content[0]).toMatchObject({
      children: [{ text: '简述 ' }, { type: 'formula', latex: 'E=mc^2' }, { text: ' 的含义。' }],
    });
    expect(file.issues.map((issue) => [issue.item, issue.line, issue.severity])).toEqual([
      ['配对', 44, 'error'],
      ['坏答案', 48, 'error'],
    ]);
  });

  it('reports broken XML with its line and a missing plugin file as an error for that question', async () => {
    const broken = await parseItemFile(
      encode(MOODLE.replace('<single>false</single>', '<single>false</singel>')),
      { fileName: 'quiz.xml' },
    );
    expect(broken.items).toEqual([]);
    expect(broken.issues).toEqual([
      expect.objectContaining({
        file: 'quiz.xml',
        line: 22,
        reason: expect.stringContaining('XML'),
      }),
    ]);
    const noFile = await parseItemFile(encode(MOODLE.replace(/<file [^>]*>[^<]*<\/file>/, '')), {
      fileName: 'quiz.xml',
    });
    expect(noFile.issues[0]).toMatchObject({
      item: '接地电阻',
      field: '图片',
      reason: expect.stringContaining('图1.png'),
    });
  });

  it('decodes data: URI pictures and drops remote ones with a warning', async () => {
    const xml = `<quiz><question type="truefalse"><name><text>图</text></name>
      <questiontext format="html"><text><![CDATA[<p>看图</p><img src="data:image/png;base64,${png64}"><img src="https://example.com/x.png">]]></text></questiontext>
      <answer fraction="0"><text>true</text></answer><answer fraction="100"><text>false</text></answer></question></quiz>`;
    const file = await parseItemFile(encode(xml), { fileName: 'd.xml' });
    expect(file.items[0]?.content.key).toBe(false);
    expect(file.items[0]?.content.stem.content.map((block) => block.type)).toEqual([
      'paragraph',
      'image',
    ]);
    expect(file.assets.has(pngHash)).toBe(true);
    expect(file.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        reason: expect.stringContaining('example.com'),
      }),
    ]);
  });

  it('turns category paths into tags', () => {
    expect(categoryTags('$course$/top/默认 for 电工/低压//高压')).toEqual(['低压/高压']);
    expect(categoryTags('$system$/电工')).toEqual(['电工']);
  });
});

const GIFT = `// 电工题库
$CATEGORY: $course$/电工/安全

::Q1:: 我国工频交流电的频率为 {=50Hz ~60Hz ~100Hz#不对}

::Q2:: 绝缘手套应定期试验。{T}

::Q3:: 下列属于导体的是 {
  ~%50%铜
  ~%50%铝
  ~%-100%橡胶
}

::Q4:: 电阻的单位是 {=欧姆 =Ω} ，用万用表测量。

::Q5:: 简述保护接地的作用。{####防止设备漏电时人体触电。}

::Q6:: 特殊字符 \\{ \\} \\= \\~ 要转义 {=a\\=b ~c}

::Q7:: 数值题 {#3.14:0.01}

::Q8:: 缺少右括号 {=甲 ~乙
`;

describe('GIFT import', () => {
  it('imports every supported type with escapes, categories and line numbers', async () => {
    const file = await parseItemFile(encode(GIFT), { fileName: 'bank.gift' });
    expect(file.format).toBe('gift');
    expect(file.items.map((item) => [item.row, item.content.type])).toEqual([
      [4, 'single_choice'],
      [6, 'true_false'],
      [8, 'multiple_choice'],
      [14, 'fill_blank'],
      [16, 'short_answer'],
      [18, 'single_choice'],
      [20, 'fill_blank'],
    ]);
    const [q1, , q3, q4, q5, q6, q7] = file.items;
    expect(q7?.content.key).toEqual({ b1: [{ number: 3.14, tolerance: 0.01, mode: 'absolute' }] });
    expect(q1?.tags).toEqual(['电工', '安全']);
    expect(q1?.content.key).toBe('A');
    expect(q3?.content.key).toEqual(['A', 'B']);
    expect(q4?.content.stem.content[0]).toMatchObject({
      children: [
        { text: '电阻的单位是 ' },
        { type: 'blank', blankId: 'b1' },
        { text: ' ，用万用表测量。' },
      ],
    });
    expect(q4?.content.key).toEqual({ b1: ['欧姆', 'Ω'] });
    if (q5?.content.type === 'short_answer')
      expect(toPlainText(q5.content.key.referenceAnswer)).toBe('防止设备漏电时人体触电。');
    expect(toPlainText(q6?.content.stem ?? { format: 'item-body', version: 1, content: [] })).toBe(
      '特殊字符 { } = ~ 要转义',
    );
    if (q6?.content.type === 'single_choice')
      expect(toPlainText(q6.content.options[0]?.content ?? q6.content.stem)).toBe('a=b');
    expect(file.issues.map((issue) => [issue.line, issue.item, issue.reason])).toEqual([
      [22, 'Q8', expect.stringContaining('没有闭合')],
    ]);
  });
});

describe('XML safety', () => {
  it('refuses entity definitions (billion laughs) in Moodle XML and QTI', async () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<quiz><question type="truefalse"><questiontext><text>&b;</text></questiontext></question></quiz>`;
    const file = await parseItemFile(encode(laughs), { fileName: 'lol.xml' });
    expect(file.items).toEqual([]);
    expect(file.issues).toEqual([
      expect.objectContaining({ line: 2, reason: expect.stringContaining('ENTITY') }),
    ]);
  });
});
