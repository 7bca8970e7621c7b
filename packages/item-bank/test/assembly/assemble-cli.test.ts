import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qbank } from '../support/qbank-cli';
import { bankContentHash } from '../../src/db/content-hash';
import { openBank } from '../../src/db/open-bank';
import { tempDir } from '../support/fixtures';
import { createLevel3BankFile, level3BlueprintJson } from './assembly-bank';

const { dir, cleanup } = tempDir();
const bankFile = join(dir, 'l3.qbank');
const blueprintFile = join(dir, 'blueprint.json');
afterAll(cleanup);

beforeAll(() => {
  createLevel3BankFile(bankFile, { trueFalse: 40, singleChoice: 80, multipleChoice: 24 });
  writeFileSync(blueprintFile, JSON.stringify(level3BlueprintJson()));
}, 60_000);

function contentHash(): string {
  const bank = openBank(bankFile);
  try {
    return bankContentHash(bank.db);
  } finally {
    bank.close();
  }
}

const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');

interface AssembleJson {
  ok: true;
  data: {
    forms: {
      form: string;
      paperId: string;
      satisfied: boolean;
      checks: { id: string; ok: boolean }[];
    }[];
    timings: { totalMs: number };
    files: string[];
  };
}

describe('qbank blueprint / assemble / package on a real bank file', () => {
  it('validates a blueprint: allocation by largest remainder, exit 0', async () => {
    const result = await qbank(
      'blueprint',
      'validate',
      blueprintFile,
      '--bank',
      bankFile,
      '--json',
    );
    expect(result.code).toBe(0);
    const data = (
      JSON.parse(result.stdout) as { data: { ranges: { path: string; min: number }[] } }
    ).data;
    // 35 items over 10/20/40/30 %: 3.5, 7, 14, 10.5 → the spare item goes to A-A (tie, lower code).
    expect(data.ranges.map((r) => [r.path, r.min])).toEqual([
      ['A-A', 4],
      ['A-B', 7],
      ['B-A', 14],
      ['B-B', 10],
    ]);
  });

  it('refuses a blueprint the bank cannot meet, with the numbers, exit 2, nothing changed', async () => {
    const greedy = join(dir, 'greedy.json');
    writeFileSync(
      greedy,
      JSON.stringify(
        level3BlueprintJson({
          sections: [
            { itemType: 'true_false', count: 10, pointsEach: 1 },
            { itemType: 'single_choice', count: 20, pointsEach: 2 },
            { itemType: 'multiple_choice', count: 30, pointsEach: 1 },
          ],
          fullMarks: 80,
        }),
      ),
    );
    const before = contentHash();
    const validate = await qbank('blueprint', 'validate', greedy, '--bank', bankFile);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain('需要 30 道多选题，题库中仅有 24 道符合条件的已审核多选题');
    const assemble = await qbank(
      'assemble',
      '--bank',
      bankFile,
      '--blueprint',
      greedy,
      '--out',
      join(dir, 'none'),
    );
    expect(assemble.code).toBe(2);
    expect(assemble.stderr).toMatch(/没有生成试卷，也没有放宽任何要求/);
    expect(existsSync(join(dir, 'none'))).toBe(false);
    expect(contentHash()).toBe(before);
  });

  it('reports a bad blueprint file by field', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(level3BlueprintJson({ fullMarks: 100, level: 9 })));
    const result = await qbank('blueprint', 'validate', bad, '--bank', bankFile);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`组卷方案 ${bad} 无效`);
    expect(result.stderr).toMatch(/字段 level/);
  });

  it('assembles two parallel forms, records them, writes JSON and PDFs; then packages and verifies', async () => {
    const out = process.env['ASSEMBLY_PDF_DIR'] ?? join(dir, 'out');
    const result = await qbank(
      'assemble',
      '--bank',
      bankFile,
      '--blueprint',
      blueprintFile,
      '--forms',
      '2',
      '--seed',
      '7',
      '--max-overlap',
      '0.3',
      '--out',
      out,
      '--json',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const data = (JSON.parse(result.stdout) as AssembleJson).data;
    expect(data.forms.map((f) => [f.form, f.satisfied])).toEqual([
      ['A', true],
      ['B', true],
    ]);
    expect(data.forms[0]?.checks.map((c) => c.id)).toContain('forms.overlap.bp-dg-3-s7-B');
    for (const name of ['paper-A.json', 'paper-A.pdf', 'key-A.pdf', 'paper-B.json']) {
      expect(existsSync(join(out, name)), name).toBe(true);
    }
    const paperText = pdfText(join(out, 'paper-A.pdf'));
    expect(paperText).toContain('准考证号');
    expect(paperText).toContain('注意事项');
    const flat = paperText.replace(/\s+/g, '');
    expect(flat).toContain(
      '一、判断题（第1题～第10题。将判断结果填入括号中。正确的填“√”，错误的填“×”。每题1分，满分10分。）',
    );
    expect(flat).toMatch(
      /三、多项选择题（第31题～第35题。.*错选、少选、多选均不得分。每题2分，满分10分。）/,
    );
    const keyText = pdfText(join(out, 'key-A.pdf'));
    expect(keyText).toContain('标准答案');
    expect(keyText).toMatch(/11\. B/);
    expect(keyText).toContain('解析');

    // Recorded in the bank: exposure counted, versions pinned.
    const bank = openBank(bankFile);
    const pinned = bank.db.prepare('SELECT count(*) AS n FROM paper_pins').get() as { n: number };
    const exposed = bank.db
      .prepare('SELECT count(DISTINCT item_id) AS n FROM paper_pins')
      .get() as { n: number };
    bank.close();
    expect(pinned.n).toBe(70);
    expect(exposed.n).toBeGreaterThanOrEqual(35);

    // The same seed is refused a second time (paper ids would repeat), nothing changes.
    const before = contentHash();
    const again = await qbank(
      'assemble',
      '--bank',
      bankFile,
      '--blueprint',
      blueprintFile,
      '--seed',
      '7',
      '--out',
      join(dir, 'again'),
    );
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/已在题库中登记过/);
    expect(contentHash()).toBe(before);

    const keys = join(dir, 'keys');
    expect((await qbank('keygen', '--out', keys)).code).toBe(0);
    expect((await qbank('keygen', '--out', keys)).code).toBe(2);
    const pkg = join(dir, 'a.exampkg');
    // The signing public key given as the site key: refused before anything is read or written.
    const wrongKey = await qbank(
      'package',
      '--bank',
      bankFile,
      '--paper',
      join(out, 'paper-A.json'),
      '--out',
      pkg,
      '--signing-key',
      join(keys, 'signing.key.pem'),
      '--site-key',
      join(keys, 'signing.pub.pem'),
      '--json',
    );
    expect(wrongKey.code).toBe(2);
    expect(JSON.parse(wrongKey.stdout)).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message:
          '考点公钥无效：应为考点服务器的 X25519 公钥 PEM（proctor-server package key 生成）',
      },
    });
    expect(existsSync(pkg)).toBe(false);
    const packaged = await qbank(
      'package',
      '--bank',
      bankFile,
      '--paper',
      join(out, 'paper-A.json'),
      '--out',
      pkg,
      '--signing-key',
      join(keys, 'signing.key.pem'),
      '--site-key',
      join(keys, 'site.pub.pem'),
    );
    expect(packaged.stderr).toBe('');
    expect(packaged.code).toBe(0);
    const verify = await qbank(
      'package',
      'verify',
      pkg,
      '--trusted-key',
      join(keys, 'signing.pub.pem'),
      '--site-key',
      join(keys, 'site.key.pem'),
    );
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('已用考点私钥解密：35 道题');

    const bytes = readFileSync(pkg);
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0x01;
    const tampered = join(dir, 'tampered.exampkg');
    writeFileSync(tampered, bytes);
    const rejected = await qbank(
      'package',
      'verify',
      tampered,
      '--trusted-key',
      join(keys, 'signing.pub.pem'),
      '--json',
    );
    expect(rejected.code).toBe(2);
    expect(JSON.parse(rejected.stdout)).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
  }, 60_000);
});
