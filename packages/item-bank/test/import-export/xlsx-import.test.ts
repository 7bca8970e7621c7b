import { createHash } from 'node:crypto';
import { collectBlankIds, toPlainText } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { parseItemFile, writeItemTemplate } from '../../src/import-export/index';
import { makeXlsx } from './support/make-sheet';
import { PNG_BYTES } from './support/sample-items';
import { withoutDefaultsNote, withoutNotes } from './support/defaults-note';

const HEADER = [
  '题型',
  '题干',
  '选项A',
  '选项B',
  '选项C',
  '选项D',
  '答案',
  '解析',
  '鉴定点代码',
  '难度',
  '等级',
  '标签',
];

async function parse(rows: Parameters<typeof makeXlsx>[0], mapping?: Record<string, string>) {
  const bytes = await makeXlsx(rows);
  return parseItemFile(bytes, { fileName: 'items.xlsx', ...(mapping ? { mapping } : {}) });
}

describe('xlsx item import', () => {
  it('reads every type from the template columns', async () => {
    const file = await parse([
      HEADER,
      [
        '判断题',
        '电气设备外壳应接地。',
        '',
        '',
        '',
        '',
        '√',
        '',
        'A-B-001',
        '易',
        '五级',
        '安全，接地',
      ],
      [
        '单项选择题',
        '工频为（ ）Hz。',
        '50',
        '60',
        '100',
        '',
        'A',
        '我国 50Hz',
        'a-b-002',
        2,
        5,
        '',
      ],
      [
        '多选',
        '绝缘材料有（ ）。',
        '橡胶',
        '陶瓷',
        '铜',
        '云母',
        'A、B、D',
        '',
        'A-B-003',
        '较难',
        '4',
        '',
      ],
      [
        '填空',
        '电阻单位是____，电流单位是（ ）。',
        '',
        '',
        '',
        '',
        '欧姆|Ω；安培',
        '',
        '',
        3,
        '',
        '',
      ],
      ['简答题', '简述接地的作用。', '', '', '', '', '防止触电。', '', '', '', '', ''],
    ]);
    expect(withoutDefaultsNote(file.issues)).toEqual([]);
    expect(file.format).toBe('xlsx');
    const [tf, single, multi, blank, short] = file.items;
    expect(tf?.content).toMatchObject({ type: 'true_false', key: true, difficulty: 1, level: 5 });
    expect(tf?.tags).toEqual(['安全', '接地']);
    expect(tf?.ref).toBe('items.xlsx 第2行');
    expect(single?.content).toMatchObject({ type: 'single_choice', key: 'A', difficulty: 2 });
    expect(single?.pointCode).toBe('A-B-002');
    expect(multi?.content).toMatchObject({
      type: 'multiple_choice',
      key: ['A', 'B', 'D'],
      difficulty: 4,
    });
    expect(blank?.content.type).toBe('fill_blank');
    if (blank?.content.type === 'fill_blank') {
      expect(collectBlankIds(blank.content.stem)).toEqual(['b1', 'b2']);
      expect(blank.content.key).toEqual({ b1: ['欧姆', 'Ω'], b2: ['安培'] });
    }
    expect(short?.content.type).toBe('short_answer');
  });

  it('accepts messy keys: full-width letters, T/F spellings, lower case, separators', async () => {
    const file = await parse([
      HEADER,
      ['单选', '题1', '甲', '乙', '', '', 'Ｂ', '', '', '', '', ''],
      ['多选', '题2', '甲', '乙', '丙', '', 'a,c', '', '', '', '', ''],
      ['判断', '题3', '', '', '', '', '×', '', '', '', '', ''],
      ['判断', '题4', '', '', '', '', '错误', '', '', '', '', ''],
      ['判断', '题5', '', '', '', '', 'T', '', '', '', '', ''],
      ['判断', '题6', '', '', '', '', 'N', '', '', '', '', ''],
      ['判断', '题7', '', '', '', '', '对', '', '', '', '', ''],
    ]);
    expect(withoutDefaultsNote(file.issues)).toEqual([]);
    expect(file.items.map((item) => item.content.key)).toEqual([
      'B',
      ['A', 'C'],
      false,
      false,
      true,
      false,
      true,
    ]);
  });

  it('reads a sheet with a non-template header (序号,题干,A,B,C,D,答案) and infers the type', async () => {
    const file = await parse([
      ['序号', '题干', 'A', 'B', 'C', 'D', '答案'],
      [1, '安全电压一般为（ ）V。', '36', '110', '220', '380', 'A'],
      [2, '下列属于导体的是（ ）。', '铜', '铝', '橡胶', '玻璃', 'AB'],
      [3, '绝缘手套应定期试验。', '', '', '', '', '√'],
    ]);
    expect(withoutNotes(file.issues)).toEqual([]);
    expect(file.items.map((item) => item.content.type)).toEqual([
      'single_choice',
      'multiple_choice',
      'true_false',
    ]);
  });

  it('reads rich-text, formula and number cells as their text', async () => {
    const file = await parse([
      HEADER,
      [
        '单选',
        { richText: [{ text: '加粗' }, { text: '的题干', font: { bold: true } }] },
        { formula: '1+1', result: 2 },
        3,
        '',
        '',
        { formula: 'CHAR(65)', result: 'A' },
      ],
    ]);
    expect(withoutDefaultsNote(file.issues)).toEqual([]);
    expect(file.items[0]?.content).toMatchObject({ type: 'single_choice', key: 'A' });
    const options =
      file.items[0]?.content.type === 'single_choice' ? file.items[0].content.options : [];
    expect(options.map((option) => toPlainText(option.content))).toEqual(['2', '3']);
    expect(
      toPlainText(file.items[0]?.content.stem ?? { format: 'item-body', version: 1, content: [] }),
    ).toBe('加粗的题干');
  });

  it('finds the header below a title row', async () => {
    const file = await parse([
      ['电工（四级）理论知识题库 2026 版'],
      [],
      HEADER,
      ['判断', '题一', '', '', '', '', '对'],
    ]);
    expect(withoutDefaultsNote(file.issues)).toEqual([]);
    expect(file.items.map((item) => item.row)).toEqual([4]);
  });

  it('applies a column mapping to a sheet without any header', async () => {
    const rows = [
      ['x', '安全电压一般为（ ）V。', '36', '110', '220', 'A'],
      ['y', '工频为（ ）Hz。', '50', '60', '70', 'A'],
    ];
    const withoutMapping = await parse(rows);
    expect(withoutMapping.items).toEqual([]);
    expect(withoutMapping.issues[0]?.reason).toMatch(/找不到表头/);
    const mapped = await parse(rows, {
      stem: 'B',
      optionA: 'C',
      optionB: 'D',
      optionC: 'E',
      答案: 'F',
    });
    expect(withoutNotes(mapped.issues)).toEqual([]);
    expect(mapped.items).toHaveLength(2);
    expect(mapped.items[0]?.row).toBe(1);
  });

  it('rejects a key letter that is not among the options, naming the row and the letter', async () => {
    const file = await parse([
      HEADER,
      ['单选', '题', '甲', '乙', '丙', '', 'D', '', '', '', '', ''],
    ]);
    expect(file.items).toEqual([]);
    expect(file.issues).toEqual([
      expect.objectContaining({
        file: 'items.xlsx',
        row: 2,
        field: '答案（G列）',
        severity: 'error',
        reason: expect.stringContaining('D'),
      }),
    ]);
  });

  it('reports a corrupted cell with its row and column and keeps the other rows', async () => {
    const file = await parse([
      HEADER,
      ['单选', { error: '#REF!' }, '甲', '乙', '', '', 'A', '', '', '', '', ''],
      ['判断', '好题', '', '', '', '', '√', '', '', '', '', ''],
    ]);
    expect(file.items).toHaveLength(1);
    expect(file.issues[0]).toMatchObject({
      row: 2,
      field: '题干（B列）',
      reason: expect.stringContaining('#REF!'),
    });
  });

  it('reports bad 题型, 难度, 等级 and a single-choice key with two letters', async () => {
    const file = await parse([
      HEADER,
      ['连线题', '题', '甲', '乙', '', '', 'A', '', '', '', '', ''],
      ['单选', '题', '甲', '乙', '', '', 'A', '', '', '很难', '', ''],
      ['单选', '题', '甲', '乙', '', '', 'A', '', '', '', '九级', ''],
      ['单选', '题', '甲', '乙', '', '', 'AB', '', '', '', '', ''],
      ['单选', '', '甲', '乙', '', '', 'A', '', '', '', '', ''],
      ['单选', '题', '甲', '', '丙', '', 'A', '', '', '', '', ''],
    ]);
    expect(file.items).toEqual([]);
    const byRow = (row: number) =>
      file.issues.filter((issue) => issue.row === row).map((issue) => issue.field);
    expect(byRow(2)).toContain('题型（A列）');
    expect(byRow(3)).toContain('难度（J列）');
    expect(byRow(4)).toContain('等级（K列）');
    expect(byRow(5)).toContain('答案（G列）');
    expect(byRow(6)).toContain('题干（B列）');
    expect(byRow(7)).toContain('选项C（E列）');
  });

  it('skips blank rows, leaves duplicates to the importer, finds the items sheet after an instructions sheet', async () => {
    const bytes = await makeXlsx(
      [
        HEADER,
        ['判断', '题一', '', '', '', '', '√'],
        [],
        ['', '', ''],
        ['判断', '题一', '', '', '', '', '×'],
      ],
      { extraSheetFirst: '填写说明' },
    );
    const file = await parseItemFile(bytes, { fileName: 'a.xlsx' });
    expect(file.items).toHaveLength(2);
    // Same stem, other key: a conflict the importer reports (docs/decisions/0631), not the reader.
    expect(withoutDefaultsNote(file.issues)).toEqual([]);
  });

  it('checks the bank limits of tags, 来源, 互斥组 and 试题ID on the row', async () => {
    const file = await parse([
      ['试题ID', '题型', '题干', '答案', '标签', '来源', '互斥组'],
      ['bad id!', '判断', '题', '√', '', '', ''],
      ['', '判断', '题', '√', '长'.repeat(51), '', ''],
      ['', '判断', '题', '√', '', '源'.repeat(201), '互'.repeat(65)],
    ]);
    expect(file.items).toEqual([]);
    expect(file.issues.map((issue) => [issue.row, issue.field])).toEqual([
      [2, '试题ID（A列）'],
      [3, '标签（E列）'],
      [4, '来源（F列）'],
      [4, '互斥组（G列）'],
    ]);
  });

  it('a fill-in item without a blank marker or with the wrong number of answers is rejected', async () => {
    const file = await parse([
      HEADER,
      ['填空', '没有空位的题干。', '', '', '', '', '答案', '', '', '', '', ''],
      ['填空', '两个空：____ 和 ____。', '', '', '', '', '甲；乙；丙', '', '', '', '', ''],
    ]);
    expect(file.items).toEqual([]);
    expect(file.issues.map((issue) => issue.row)).toEqual([2, 3]);
    expect(file.issues[1]?.reason).toMatch(/2 个空.*3 组/);
  });

  it('turns an embedded picture in the stem cell into an image node with its asset', async () => {
    const bytes = await makeXlsx([HEADER, ['判断', '看图判断。', '', '', '', '', '√']], {
      image: { bytes: PNG_BYTES, row: 1, col: 1 },
    });
    const file = await parseItemFile(bytes, { fileName: 'pic.xlsx' });
    expect(withoutDefaultsNote(file.issues)).toEqual([]);
    const hash = createHash('sha256').update(PNG_BYTES).digest('hex');
    expect(file.assets.get(hash)?.mime).toBe('image/png');
    expect(file.items[0]?.content.stem.content[1]).toMatchObject({
      type: 'image',
      assetHash: hash,
    });
  });

  it('refuses a file that is not an xlsx with a clear error', async () => {
    const file = await parseItemFile(new TextEncoder().encode('PK\u0003\u0004garbage'), {
      fileName: 'bad.xlsx',
      format: 'xlsx',
    });
    expect(file.items).toEqual([]);
    expect(file.issues[0]).toMatchObject({
      file: 'bad.xlsx',
      severity: 'error',
      reason: expect.stringContaining('Excel'),
    });
  });

  it('the generated template reads back as one valid example per type', async () => {
    const file = await parseItemFile(await writeItemTemplate(), { fileName: 'template.xlsx' });
    expect(file.issues).toEqual([]);
    expect(file.items.map((item) => item.content.type)).toEqual([
      'true_false',
      'single_choice',
      'multiple_choice',
      'fill_blank',
      'short_answer',
    ]);
    expect(
      toPlainText(file.items[3]?.content.stem ?? { format: 'item-body', version: 1, content: [] }),
    ).toContain('____');
  });
});

describe('xlsx safety', () => {
  it('refuses an .xlsx that is a zip bomb before exceljs inflates it', async () => {
    const { buildRawZip } = await import('./support/raw-zip');
    const bomb = buildRawZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(50 * 1024 * 1024), deflate: true },
    ]);
    const file = await parseItemFile(bomb, { fileName: 'bomb.xlsx' });
    expect(file.items).toEqual([]);
    expect(file.issues[0]?.reason).toMatch(/xl\/worksheets\/sheet1\.xml.*压缩炸弹/);
  });
});
