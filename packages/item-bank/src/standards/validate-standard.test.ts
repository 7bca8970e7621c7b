import { describe, expect, it } from 'vitest';
import { electricianStandardJson } from '../../test/support/fixtures';
import { readStandardJson } from './read-standard-json';
import { importanceMix, importanceMixWarnings } from './validate-standard';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('standard validation', () => {
  it('accepts the sample standard, derives the weight tables and warns about the X/Y/Z mix', () => {
    const result = readStandardJson(encode(electricianStandardJson()), 'std.json');
    expect(result.document?.standard.theoryWeights).toEqual([
      { level: 5, weights: { A: 30, B: 70 } },
      { level: 4, weights: { A: 25, B: 75 } },
    ]);
    // 3 X of 5 points = 60 %, 1 Y = 20 %, 1 Z = 20 %: all three guidance lines are broken.
    const warnings = result.issues.filter((issue) => issue.severity === 'warning');
    expect(warnings.map((w) => w.reason)).toEqual([
      '全部鉴定点中，核心要素 X 占 60%，建议不低于 80%',
      '全部鉴定点中，一般要素 Y 占 20%，建议不超过 15%',
      '全部鉴定点中，辅助要素 Z 占 20%，建议不超过 5%',
    ]);
  });

  it('rejects level weights that do not sum to 100, naming the level', () => {
    const raw = electricianStandardJson();
    raw.ranges[1]!.weights = { 5: 60, 4: 75 };
    raw.ranges[1]!.children[0]!.weights = { 5: 60, 4: 75 };
    const result = readStandardJson(encode(raw), 'std.json');
    expect(result.document).toBeUndefined();
    expect(result.issues.map((i) => i.reason).join('\n')).toMatch(/Level 5 weights .* sum to 90%/);
  });

  it('rejects duplicate codes, missing importance and ranges without points', () => {
    const raw = electricianStandardJson() as unknown as {
      ranges: { children: { code: string; points?: { importance?: string }[] }[] }[];
    };
    raw.ranges[0]!.children[1]!.code = 'A';
    const duplicate = readStandardJson(encode(raw), 'std.json');
    expect(duplicate.issues.map((i) => i.reason).join('\n')).toMatch(/code "A" is used twice/);
    delete raw.ranges[1]!.children[0]!.points![0]!.importance;
    const result = readStandardJson(encode(raw), 'std.json');
    expect(result.issues.map((i) => i.field)).toContain('ranges.1.children.0.points.0.importance');

    const empty = electricianStandardJson() as unknown as {
      ranges: { children: { points?: unknown[] }[] }[];
    };
    delete empty.ranges[0]!.children[0]!.points;
    const second = readStandardJson(encode(empty), 'std.json');
    expect(second.issues.map((i) => i.reason)).toContain(
      '鉴定范围 A-A（职业道德）是最底层，但没有鉴定点',
    );
  });

  it('reports a weight table naming a range that does not exist', () => {
    const raw = {
      ...electricianStandardJson(),
      standard: {
        ...electricianStandardJson().standard,
        theoryWeights: [{ level: 5, weights: { A: 30, C: 70 } }],
      },
    };
    const result = readStandardJson(encode(raw), 'std.json');
    expect(result.issues.map((i) => i.reason)).toContain(
      '理论知识权重表（5级）引用了不存在的鉴定范围 C',
    );
  });

  it('reports broken JSON precisely', () => {
    const result = readStandardJson(new TextEncoder().encode('{"format":'), 'bad.json');
    expect(result.issues[0]?.reason).toMatch(/不是有效的 UTF-8 JSON 文件/);
    expect(result.issues[0]?.file).toBe('bad.json');
  });

  it('computes the importance mix', () => {
    const mix = importanceMix(['X', 'X', 'X', 'X', 'X', 'X', 'X', 'X', 'Y', 'Z']);
    expect(mix.percents).toEqual({ X: 80, Y: 10, Z: 10 });
    expect(importanceMixWarnings(mix, '')).toEqual(['辅助要素 Z 占 10%，建议不超过 5%']);
  });
});
