import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qbank } from '../support/qbank-cli';
import { electricianStandardJson, tempDir } from '../support/fixtures';

/*
 * `qbank import --map` with the one-cell 选项 field, run in-process against a real bank file:
 * by column letter (`选项=D`) and by header text (`options=题目选项`).
 */

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const bank = join(dir, 'map.qbank');

beforeAll(async () => {
  expect((await qbank('init', bank, '--json')).code).toBe(0);
  writeFileSync(join(dir, 'std.json'), JSON.stringify(electricianStandardJson()));
  expect((await qbank('standard', 'import', join(dir, 'std.json'), '--bank', bank)).code).toBe(0);
});

describe('qbank import --map with options in one cell', () => {
  it('选项=D maps the option cell of a header-less file by column letter', async () => {
    const file = join(dir, 'letters.csv');
    writeFileSync(
      file,
      [
        '1,低压电工作业,电动机制动迅速、停车准确时应选用（ ）。,A.电磁抱闸制动器B.熔断器C.指示灯D.速度继电器,A',
        '2,低压电工作业,交流接触器的文字符号是（ ）。,A.KAB.KMC.KTD.QS,B',
      ].join('\r\n'),
    );
    const result = await qbank(
      'import',
      file,
      '--bank',
      bank,
      '--map',
      '题干=C,选项=D,答案=E',
      '--point',
      'B-A-001',
      '--dry-run',
      '--json',
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ data: { imported: 2 } });
  });

  it('options=题目选项 maps by header text when the header is not recognised', async () => {
    const file = join(dir, 'headers.csv');
    writeFileSync(
      file,
      [
        '序,问题描述,题目选项,对的选项',
        '1,特种作业操作证每（ ）年复审 1 次。,A、2 B、3 C、4 D、5,B',
      ].join('\r\n'),
    );
    const result = await qbank(
      'import',
      file,
      '--bank',
      bank,
      '--map',
      'stem=问题描述,options=题目选项,key=对的选项',
      '--point',
      'B-A-001',
      '--dry-run',
      '--json',
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ data: { imported: 1 } });
  });

  it('an unknown field names the accepted fields in Chinese and English', async () => {
    const result = await qbank(
      'import',
      join(dir, 'letters.csv'),
      '--bank',
      bank,
      '--map',
      '题干=C,选择=D',
      '--dry-run',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/“选择”未知.*选项（options）.*答案（key）/);
  });
});
