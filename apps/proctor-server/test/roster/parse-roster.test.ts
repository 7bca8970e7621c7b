import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../src/roster/parse-roster';
import {
  gbkCsv,
  HEADER,
  ID_1,
  ID_2,
  ID_3,
  idNumber,
  JPEG,
  PNG,
  utf8Csv,
  xlsx,
} from './roster-fixtures';

const good = [
  HEADER,
  ['2026DG0001', '张三', ID_1, 'zhang.jpg', '第01考场', '1'],
  ['2026DG0002', '李四', ID_2.toLowerCase(), 'li.png', '第01考场', '2'],
  ['2026DG0003', '阿依古丽·买买提', ID_3, '', '第02考场', '1'],
];
const photos = new Map([
  ['zhang.jpg', JPEG],
  ['li.png', PNG],
]);

describe('parseRoster', () => {
  it('reads a UTF-8 CSV with photos', async () => {
    const result = await parseRoster(utf8Csv(good, true), { fileName: 'roster.csv', photos });
    expect(result.issues).toEqual([]);
    expect(result.rows).toHaveLength(3);
    expect(result.rows[0]).toMatchObject({
      row: 2,
      admissionTicketNumber: '2026DG0001',
      name: '张三',
      idNumber: ID_1,
      room: '第01考场',
      seat: 1,
      photo: { fileName: 'zhang.jpg', mimeType: 'image/jpeg' },
    });
    expect(result.rows[0]?.photo?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.rows[1]?.idNumber).toBe(ID_2.toUpperCase());
    expect(result.rows[2]?.photo).toBeUndefined();
  });

  it('reads a GBK CSV from Chinese Excel', async () => {
    const result = await parseRoster(gbkCsv(good), { fileName: 'ROSTER.CSV', photos });
    expect(result.issues).toEqual([]);
    expect(result.rows.map((row) => row.name)).toEqual(['张三', '李四', '阿依古丽·买买提']);
    expect(result.rows[0]?.room).toBe('第01考场');
  });

  it('reads .xlsx with a title row, numbers in cells and English headers', async () => {
    const bytes = await xlsx(
      [
        ['Admission Ticket Number', 'Name', 'ID Number', 'Room', 'Seat', '备注'],
        ['2026DG0001', '张三', ID_1, 101, 5, ''],
        ['2026DG0002', '李四', ID_2, 101, 6, '补考'],
      ],
      '2026年第一批次电工（三级）考生名单',
    );
    const result = await parseRoster(bytes, { fileName: '名单.xlsx' });
    expect(result.issues).toEqual([]);
    expect(result.rows.map((row) => [row.row, row.room, row.seat])).toEqual([
      [3, '101', 5],
      [4, '101', 6],
    ]);
  });

  it('normalises full-width digits and letters', async () => {
    const fullWidth = ID_1.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const result = await parseRoster(
      utf8Csv([HEADER, ['２０２６ＤＧ０００１', ' 张三 ', fullWidth, '', '第01考场', '３']]),
      { fileName: 'r.csv' },
    );
    expect(result.issues).toEqual([]);
    expect(result.rows[0]).toMatchObject({
      admissionTicketNumber: '2026DG0001',
      idNumber: ID_1,
      seat: 3,
      name: '张三',
    });
  });

  it('reports every problem with file, row and field', async () => {
    const badChecksum = `${ID_1.slice(0, 17)}${ID_1.endsWith('0') ? '1' : '0'}`;
    const rows = [
      HEADER,
      ['2026DG0001', '张三', ID_1, 'zhang.jpg', '第01考场', '1'],
      ['2026DG0001', '', badChecksum, 'missing.jpg', '第01考场', '1'],
      ['x', '王五', '1.10101199003071E+17', 'not-image.jpg', '', '0'],
      ['', '', '', '', '', ''],
      ['2026DG0004', '赵六', ID_1, '../etc/passwd', '第02考场', '1000'],
    ];
    const result = await parseRoster(utf8Csv(rows), {
      fileName: 'roster.csv',
      photos: new Map([...photos, ['not-image.jpg', new Uint8Array([1, 2, 3])]]),
    });
    const summary = result.issues.map((issue) => `${issue.row}:${issue.field}`);
    expect(summary).toEqual([
      '3:姓名',
      '3:身份证号',
      '3:照片',
      '3:准考证号',
      '3:座位号',
      '4:准考证号',
      '4:身份证号',
      '4:考场',
      '4:座位号',
      '4:照片',
      '6:座位号',
      '6:照片',
      '6:身份证号',
    ]);
    expect(result.issues.every((issue) => issue.file === 'roster.csv')).toBe(true);
    expect(result.issues.find((i) => i.row === 3 && i.field === '准考证号')?.reason).toMatch(
      /第 2 行重复/,
    );
    expect(result.issues.find((i) => i.row === 4 && i.field === '身份证号')?.reason).toMatch(
      /设为文本/,
    );
    expect(result.rows.map((row) => row.row)).toEqual([2]);
  });

  it('refuses a file without the required columns or of another type', async () => {
    const noRoom = await parseRoster(utf8Csv([['准考证号', '姓名', '身份证号', '座位号']]), {
      fileName: 'r.csv',
    });
    expect(noRoom.issues).toEqual([
      { file: 'r.csv', row: 1, field: '考场', reason: expect.stringMatching(/缺少/) as unknown },
    ]);
    expect(
      (await parseRoster(utf8Csv([['a', 'b']]), { fileName: 'r.csv' })).issues[0]?.reason,
    ).toMatch(/表头/);
    expect(
      (await parseRoster(new Uint8Array([1]), { fileName: 'r.xls' })).issues[0]?.reason,
    ).toMatch(/xlsx/);
    expect(
      (await parseRoster(new Uint8Array([1, 2, 3]), { fileName: 'r.xlsx' })).issues[0]?.reason,
    ).toMatch(/无法读取/);
    expect((await parseRoster(utf8Csv([HEADER]), { fileName: 'r.csv' })).issues[0]?.reason).toMatch(
      /没有考生/,
    );
    const tooMany = await parseRoster(utf8Csv(good), { fileName: 'r.csv', maxRows: 2 });
    expect(tooMany.issues[0]?.reason).toMatch(/超过上限/);
  });

  it('accepts an empty 座位号 cell or no 座位号 column: the row has no seat (the import seats it)', async () => {
    const mixed = await parseRoster(
      utf8Csv([
        HEADER,
        ['2026DG0001', '张三', ID_1, '', '第01考场', '2'],
        ['2026DG0002', '李四', ID_2, '', '第01考场', ''],
        ['2026DG0003', '王五', ID_3, '', '第01考场', '  '],
      ]),
      { fileName: 'r.csv' },
    );
    expect(mixed.issues).toEqual([]);
    expect(mixed.rows.map((row) => row.seat)).toEqual([2, undefined, undefined]);
    expect('seat' in (mixed.rows[1] ?? {})).toBe(false);

    const noColumn = await parseRoster(
      await xlsx([
        ['准考证号', '姓名', '身份证号', '考场'],
        ['2026DG0001', '张三', ID_1, 101],
        ['2026DG0002', '李四', ID_2, 101],
      ]),
      { fileName: '报名表.xlsx' },
    );
    expect(noColumn.issues).toEqual([]);
    expect(noColumn.rows.map((row) => [row.row, row.room, row.seat])).toEqual([
      [2, '101', undefined],
      [3, '101', undefined],
    ]);
  });

  it('keeps the checks of a written 座位号 beside empty ones', async () => {
    const result = await parseRoster(
      utf8Csv([
        HEADER,
        ['2026DG0001', '张三', ID_1, '', '第01考场', '7'],
        ['2026DG0002', '李四', ID_2, '', '第01考场', ''],
        ['2026DG0003', '王五', ID_3, '', '第01考场', '7'],
        ['2026DG0004', '赵六', idNumber('11010119800101001'), '', '第01考场', '1000'],
        ['2026DG0005', '钱七', idNumber('11010119800101002'), '', '第01考场', '三'],
      ]),
      { fileName: 'r.csv' },
    );
    expect(result.issues.map((i) => [i.row, i.field, i.reason])).toEqual([
      [4, '座位号', '考场“第01考场”的座位 7 与第 2 行重复 (duplicate of row 2)'],
      [5, '座位号', '“1000”应为 1–999 的整数 (expected a whole number 1–999)'],
      [6, '座位号', '“三”应为 1–999 的整数 (expected a whole number 1–999)'],
    ]);
    expect(result.rows.map((row) => [row.row, row.seat])).toEqual([
      [2, 7],
      [3, undefined],
    ]);
  });

  it('keeps a photo file name when no photos were supplied', async () => {
    const result = await parseRoster(utf8Csv(good), { fileName: 'r.csv' });
    expect(result.issues).toEqual([]);
    expect(result.rows[0]?.photoFileName).toBe('zhang.jpg');
  });
});
