import { describe, expect, it } from 'vitest';
import { parseItemFile } from '../../src/import-export/index';
import { parseXml } from '../../src/import-export/markup-tree';
import { ELECTRICIAN_ROWS, handXlsx, rowsXml } from './support/hand-xlsx';
import { buildRawZip } from './support/raw-zip';

/*
 * XML nested 100,000 levels deep (a few hundred KB) is refused with a clear error naming the
 * depth limit (200) and the line, in every XML reader: QTI and Moodle items (markup-tree.ts) and
 * the parts of an .xlsx (xml-events.ts). One deep QTI item does not sink the rest of its package.
 */

const encode = (text: string) => new TextEncoder().encode(text);
const DEEP = 100_000;

function qtiItem(id: string, processing: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<qti-assessment-item xmlns="http://www.imsglobal.org/xsd/imsqti_v3p0" identifier="${id}" title="电工">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
    <qti-correct-response><qti-value>A</qti-value></qti-correct-response>
  </qti-response-declaration>
  <qti-item-body>
    <p>我国工频交流电的频率为（ ）Hz。</p>
    <qti-choice-interaction response-identifier="RESPONSE" max-choices="1">
      <qti-simple-choice identifier="A">50</qti-simple-choice>
      <qti-simple-choice identifier="B">60</qti-simple-choice>
    </qti-choice-interaction>
  </qti-item-body>
  <qti-response-processing>${processing}</qti-response-processing>
</qti-assessment-item>`;
}

const MATCH =
  '<qti-match><qti-variable identifier="RESPONSE"/><qti-correct identifier="RESPONSE"/></qti-match>';
const nested = (tag: string, depth: number, inner: string) =>
  `<${tag}>`.repeat(depth) + inner + `</${tag}>`.repeat(depth);
const rule = (depth: number) =>
  `<qti-response-condition><qti-response-if>${nested('qti-and', depth, MATCH)}<qti-set-outcome-value identifier="SCORE"><qti-base-value base-type="float">1</qti-base-value></qti-set-outcome-value></qti-response-if></qti-response-condition>`;

describe('XML nesting limit', () => {
  it('accepts 200 levels and refuses 201, naming the line', () => {
    const at = (depth: number) => `<?xml version="1.0"?>\n${nested('a', depth, '正确')}`;
    expect(parseXml(at(200)).ok).toBe(true);
    expect(parseXml(at(201))).toEqual({
      ok: false,
      line: 2,
      reason: expect.stringMatching(/嵌套超过 200 层/),
    });
  });

  it('refuses a QTI item nested 100,000 levels deep and still imports the other item of the package', async () => {
    const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="M1"><resources>
<resource identifier="R1" type="imsqti_item_xmlv3p0" href="deep.xml"><file href="deep.xml"/></resource>
<resource identifier="R2" type="imsqti_item_xmlv3p0" href="ok.xml"><file href="ok.xml"/></resource>
</resources></manifest>`;
    // Stored, not deflated: the repetitive nesting would trip the zip-bomb ratio check first.
    const zip = buildRawZip([
      { name: 'imsmanifest.xml', data: encode(manifest) },
      { name: 'deep.xml', data: encode(qtiItem('deep', rule(DEEP))) },
      { name: 'ok.xml', data: encode(qtiItem('ok', rule(3))) },
    ]);
    const file = await parseItemFile(zip, { fileName: '电工.zip' });
    expect(file.issues).toEqual([
      expect.objectContaining({
        file: '电工.zip!deep.xml',
        line: 13,
        reason: expect.stringMatching(/XML 嵌套超过 200 层/),
      }),
    ]);
    expect(file.items.map((item) => item.externalId)).toEqual(['ok']);
  });

  it('refuses a Moodle XML file nested 100,000 levels deep', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="truefalse">
    <name><text>接地</text></name>
    <questiontext format="html"><text>${nested('b', DEEP, '电气设备的金属外壳应可靠接地。')}</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
</quiz>`;
    const file = await parseItemFile(encode(xml), { fileName: '电工.xml', format: 'moodle' });
    expect(file.items).toEqual([]);
    expect(file.issues).toEqual([
      expect.objectContaining({ line: 5, reason: expect.stringMatching(/XML 嵌套超过 200 层/) }),
    ]);
  });

  it('refuses an .xlsx sheet nested 100,000 levels deep as a damaged sheet', async () => {
    const file = await parseItemFile(
      handXlsx({
        sheetData: rowsXml(ELECTRICIAN_ROWS),
        after: nested('extLst', DEEP, ''),
        stored: true,
      }),
      { fileName: '电工题库.xlsx' },
    );
    expect(file.issues.filter((issue) => issue.severity === 'error')).toEqual([
      expect.objectContaining({
        reason: expect.stringMatching(/工作表“试题”损坏.*XML 嵌套超过 200 层/),
      }),
    ]);
  });
});
