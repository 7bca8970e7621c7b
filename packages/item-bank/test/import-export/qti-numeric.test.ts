import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreItem, type AcceptedAnswer, type ItemAnswerKey } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { parseItemFile } from '../../src/import-export/index';
import { writeZip } from '../../src/import-export/zip-writer';

/*
 * A QTI package of calculation items as 电工/焊工/安全 banks write them (QTI 3.0 and 2.1 mixed,
 * shaped like the 1EdTech examples): numeric text entries with tolerances and rounding, and the
 * cases that cannot be represented exactly, each of which must be reported, never imported with
 * a different key.
 */

const root = fileURLToPath(new URL('./fixtures/qti-numeric/', import.meta.url));

function filesUnder(dir: string, prefix = ''): [string, Uint8Array][] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? filesUnder(path, `${prefix}${name}/`)
      : [[`${prefix}${name}`, new Uint8Array(readFileSync(path))] as [string, Uint8Array]];
  });
}

async function readPackage() {
  const zip = await writeZip(new Map(filesUnder(root)));
  return parseItemFile(zip, { fileName: 'jisuan.zip' });
}

function fillKey(key: unknown): ItemAnswerKey {
  return { type: 'fill_blank', key: key as Record<string, AcceptedAnswer[]> };
}

describe('QTI numeric text entries', () => {
  it('imports tolerances and rounding as numeric answers, not as the strings "2.0" / "4.0"', async () => {
    const file = await readPackage();
    const byId = new Map(file.items.map((item) => [item.externalId, item.content]));
    expect([...byId.keys()].sort()).toEqual([
      'dg-choice-penalty',
      'dg-line-voltage',
      'dg-series-circuit',
      'hg-heat-input',
    ]);
    expect(byId.get('dg-series-circuit')).toMatchObject({
      type: 'fill_blank',
      key: {
        I: [{ number: 2, tolerance: 5, mode: 'relative' }],
        U1: [{ number: 4, tolerance: 5, mode: 'relative' }],
      },
    });
    expect(byId.get('dg-line-voltage')).toMatchObject({
      key: { RESPONSE: [{ number: 380, tolerance: 0, mode: 'absolute' }] },
    });
    expect(byId.get('hg-heat-input')).toMatchObject({
      key: { RESPONSE: [{ number: 11520, figures: 3, mode: 'significant_figures' }] },
    });
  });

  it('the imported keys score like the QTI rules: "4" is right for 4.0 within 5 %, 4.3 is wrong', async () => {
    const file = await readPackage();
    const content = (id: string) => file.items.find((item) => item.externalId === id)?.content;
    const series = content('dg-series-circuit');
    if (series?.type !== 'fill_blank') throw new Error('expected the series-circuit item');
    const key = fillKey(series.key);
    const score = (I: string, U1: string) =>
      scoreItem(key, { kind: 'blanks', values: { I, U1 } }, { pointsEach: 2 });
    expect(score('2', '4')).toMatchObject({ outcome: 'correct', points: 2 });
    expect(score('２．１', '3.8')).toMatchObject({ outcome: 'correct', points: 2 });
    expect(score('2', '4.3')).toMatchObject({ outcome: 'partial', points: 1 });
    expect(score('2.2 A', '4')).toMatchObject({ outcome: 'partial', points: 1 });

    const heat = content('hg-heat-input');
    if (heat?.type !== 'fill_blank') throw new Error('expected the heat-input item');
    const heatKey = fillKey(heat.key);
    const heatScore = (value: string) =>
      scoreItem(heatKey, { kind: 'blanks', values: { RESPONSE: value } }, { pointsEach: 1 });
    expect(heatScore('11500')).toMatchObject({ points: 1 });
    expect(heatScore('11549')).toMatchObject({ points: 1 });
    expect(heatScore('11600')).toMatchObject({ points: 0 });
  });

  it('reports every item it cannot represent exactly, by file and item identifier', async () => {
    const file = await readPackage();
    const errors = file.issues.filter((issue) => issue.severity === 'error');
    const reported = Object.fromEntries(
      errors.map((issue) => [issue.item, [issue.file, issue.severity, issue.reason]]),
    );
    const expected: Record<string, RegExp> = {
      // mapping 4.0 → 1 point, 2.0 → 0.5 points: partial credit
      'dg-transformer-partial': /mapping 给“2\.0”0\.5 分.*部分得分无法表示/,
      // record cardinality: the parts of a number (decimal places) are scored
      'dg-resistance-record': /cardinality="record"/,
      // three blanks whose answers must all differ
      'aq-extinguishers-distinct': /与 R2 比较（例如要求各空答案互不相同）/,
      // several strings that may not repeat, auto-scored
      'aq-principles-multiple': /cardinality="multiple"/,
      // a 7.3 ≤ x ≤ 7.7 range written with gte/lte
      'dg-power-range': /使用了 <qti-gte>/,
      // tolerance 10 below, 20 above, upper bound excluded
      'hg-current-asymmetric': /上下误差不同/,
      'dg-composite': /一道题含多个交互（选择（<qti-choice-interaction>）、填空/,
      'aq-order': /不支持的交互类型：排序（<qti-order-interaction>）/,
      // a distractor worth half a point
      'aq-choice-partial': /选项 A 不是正确答案，mapping 却给它 0\.5 分：部分得分无法表示/,
      // checkboxes with one correct choice: neither 多选 (≥ 2 keys) nor 单选 (radio buttons)
      'aq-multiple-one-key': /多选交互（cardinality="multiple"）只有一个正确答案/,
    };
    expect(Object.keys(reported).sort()).toEqual(Object.keys(expected).sort());
    for (const [item, pattern] of Object.entries(expected)) {
      const [fileName, severity, reason] = reported[item] ?? [];
      expect(fileName, item).toMatch(/^jisuan\.zip!items\/.+\.xml$/);
      expect(severity, item).toBe('error');
      expect(reason, item).toMatch(pattern);
    }
    expect(errors).toHaveLength(Object.keys(expected).length);
  });

  it('a penalty for a wrong choice keeps the key and is named in a warning', async () => {
    const file = await readPackage();
    const penalty = file.items.find((item) => item.externalId === 'dg-choice-penalty');
    expect(penalty?.content).toMatchObject({ type: 'multiple_choice', key: ['A', 'B', 'C'] });
    expect(file.issues.filter((issue) => issue.severity === 'warning')).toEqual([
      expect.objectContaining({
        item: 'dg-choice-penalty',
        reason: '选项 D 在 mapping 中扣 1 分；本系统错选得 0 分，不扣分',
      }),
    ]);
  });
});
