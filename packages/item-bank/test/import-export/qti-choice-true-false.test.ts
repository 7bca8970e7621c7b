import { describe, expect, it } from 'vitest';
import { parseItemFile } from '../../src/import-export/index';

/*
 * A two-choice QTI interaction is a 判断 only when its identifiers are true/false, or when one
 * choice says a true word and the other a false word (正确/错误, 对/错, √/×, True/False). Two real
 * options that happen to be yes/no-like words (是/否, 1/0, X/Y, 对/是) stay 单选 with their letter
 * key, and the mapping checks run on every branch.
 */

const encode = (text: string) => new TextEncoder().encode(text);

function item(
  choices: readonly (readonly [string, string])[],
  correct: readonly string[],
  extra: { cardinality?: string; mapping?: string } = {},
): Uint8Array {
  const options = choices
    .map(([id, text]) => `<qti-simple-choice identifier="${id}">${text}</qti-simple-choice>`)
    .join('');
  return encode(`<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqti_v3p0" identifier="dg-101" title="电工基础">
  <qti-response-declaration identifier="RESPONSE" cardinality="${extra.cardinality ?? 'single'}" base-type="identifier">
    <qti-correct-response>${correct.map((id) => `<qti-value>${id}</qti-value>`).join('')}</qti-correct-response>
    ${extra.mapping ?? ''}
  </qti-response-declaration>
  <qti-item-body>
    <p>三相异步电动机铭牌上标注的额定电压指的是（ ）。</p>
    <qti-choice-interaction response-identifier="RESPONSE" max-choices="1">${options}</qti-choice-interaction>
  </qti-item-body>
</qti-assessment-item>`);
}

async function parse(bytes: Uint8Array) {
  return parseItemFile(bytes, { fileName: 'dg-101.xml', format: 'qti' });
}

describe('QTI two-choice interactions', () => {
  it.each([
    [
      'X/Y',
      [
        ['X', '线电压'],
        ['Y', '相电压'],
      ],
      'Y',
      'B',
    ],
    [
      '1/0',
      [
        ['c1', '1'],
        ['c2', '0'],
      ],
      'c2',
      'B',
    ],
    [
      '是/否',
      [
        ['c1', '是'],
        ['c2', '否'],
      ],
      'c1',
      'A',
    ],
    [
      '对/是 (both true words)',
      [
        ['c1', '对'],
        ['c2', '是'],
      ],
      'c2',
      'B',
    ],
    [
      'T/F letters as options',
      [
        ['c1', 'T'],
        ['c2', 'F'],
      ],
      'c1',
      'A',
    ],
  ] as const)(
    '%s stays 单选 with the letter of the correct choice',
    async (_, choices, correct, key) => {
      const file = await parse(item(choices, [correct]));
      expect(file.issues).toEqual([]);
      expect(file.items[0]?.content).toMatchObject({ type: 'single_choice', key });
    },
  );

  it.each([
    [
      'ids true/false (any case)',
      [
        ['TRUE', '正确'],
        ['False', '错误'],
      ],
      'False',
      false,
    ],
    [
      '正确/错误',
      [
        ['c1', '正确'],
        ['c2', '错误'],
      ],
      'c1',
      true,
    ],
    [
      '对/错',
      [
        ['c1', '错'],
        ['c2', '对'],
      ],
      'c1',
      false,
    ],
    [
      '√/×',
      [
        ['a', '√'],
        ['b', '×'],
      ],
      'b',
      false,
    ],
    [
      'True/False',
      [
        ['a', 'False'],
        ['b', 'true'],
      ],
      'b',
      true,
    ],
  ] as const)('%s is a 判断 keyed by the correct choice', async (_, choices, correct, key) => {
    const file = await parse(item(choices, [correct]));
    expect(file.issues).toEqual([]);
    expect(file.items[0]?.content).toMatchObject({ type: 'true_false', key });
  });

  it('checks the mapping of a 判断: partial credit for the wrong choice is refused', async () => {
    const mapping =
      '<qti-mapping default-value="0"><qti-map-entry map-key="true" mapped-value="1"/><qti-map-entry map-key="false" mapped-value="0.5"/></qti-mapping>';
    const file = await parse(
      item(
        [
          ['true', '正确'],
          ['false', '错误'],
        ],
        ['true'],
        { mapping },
      ),
    );
    expect(file.items).toEqual([]);
    expect(file.issues).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/mapping 却给它 0.5 分/) }),
    ]);
  });

  it('refuses a 判断 whose response names both choices correct', async () => {
    const file = await parse(
      item(
        [
          ['true', '正确'],
          ['false', '错误'],
        ],
        ['true', 'false'],
        { cardinality: 'multiple' },
      ),
    );
    expect(file.items).toEqual([]);
    expect(file.issues).toEqual([
      expect.objectContaining({
        field: '答案',
        reason: expect.stringMatching(/判断题.*2 个正确答案/),
      }),
    ]);
  });
});
