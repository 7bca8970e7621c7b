import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../src/roster/parse-roster';
import { HEADER, ID_1, ID_2, ID_3, utf8Csv } from './roster-fixtures';

const header = [...HEADER, '延长时间/分钟', '大字体', '高对比度'];

describe('parseRoster: accommodation columns', () => {
  it('reads 延长时间/分钟, 大字体 and 高对比度; a row with none has no accommodations', async () => {
    const result = await parseRoster(
      utf8Csv([
        header,
        ['2026DG0001', '张三', ID_1, '', '第01考场', '1', '30', '是', '否'],
        ['2026DG0002', '李四', ID_2, '', '第01考场', '2', '', '', '√'],
        ['2026DG0003', '王五', ID_3, '', '第01考场', '3', '0', '否', ''],
      ]),
      { fileName: 'roster.csv' },
    );
    expect(result.issues).toEqual([]);
    expect(result.rows.map((row) => row.accommodations)).toEqual([
      { extraMinutes: 30, largeText: true, highContrast: false },
      { extraMinutes: 0, largeText: false, highContrast: true },
      undefined,
    ]);
  });

  it('accepts English headers and Y/N', async () => {
    const result = await parseRoster(
      utf8Csv([
        [
          'Ticket',
          'Name',
          'ID Number',
          'Room',
          'Seat',
          'Extra minutes',
          'Large text',
          'High contrast',
        ],
        ['2026DG0001', '张三', ID_1, '101', '1', '15', 'Y', 'N'],
      ]),
      { fileName: 'roster.csv' },
    );
    expect(result.issues).toEqual([]);
    expect(result.rows[0]?.accommodations).toEqual({
      extraMinutes: 15,
      largeText: true,
      highContrast: false,
    });
  });

  it('names the row and column of a bad value, in Chinese then English', async () => {
    const result = await parseRoster(
      utf8Csv([
        header,
        ['2026DG0001', '张三', ID_1, '', '第01考场', '1', '半小时', '大', ''],
        ['2026DG0002', '李四', ID_2, '', '第01考场', '2', '900', '', '可能'],
      ]),
      { fileName: 'roster.csv' },
    );
    expect(result.rows).toEqual([]);
    expect(result.issues).toEqual([
      {
        file: 'roster.csv',
        row: 2,
        field: '延长时间/分钟',
        reason: '“半小时”应为 0–600 的整数分钟 (expected whole minutes 0–600)',
      },
      {
        file: 'roster.csv',
        row: 2,
        field: '大字体',
        reason: '“大”应为“是”或“否” (expected 是/否, Y/N or 1/0)',
      },
      {
        file: 'roster.csv',
        row: 3,
        field: '延长时间/分钟',
        reason: '“900”应为 0–600 的整数分钟 (expected whole minutes 0–600)',
      },
      {
        file: 'roster.csv',
        row: 3,
        field: '高对比度',
        reason: '“可能”应为“是”或“否” (expected 是/否, Y/N or 1/0)',
      },
    ]);
  });
});
