import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseItemFile, writeItemFile } from '../../src/import-export/index';
import { toParsedContent } from '../../src/import-export/restore-content';
import { writeZip } from '../../src/import-export/zip-writer';
import { buildRawZip } from './support/raw-zip';
import { PNG_BYTES, sampleExportItems } from './support/sample-items';

const pngHash = createHash('sha256').update(PNG_BYTES).digest('hex');
const assets = new Map([[pngHash, { bytes: PNG_BYTES, mime: 'image/png' }]]);
const encode = (text: string) => new TextEncoder().encode(text);

const QTI21_MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="M1">
  <resources>
    <resource identifier="R1" type="imsqti_item_xmlv2p1" href="q1.xml"><file href="q1.xml"/><file href="img/circuit.png"/></resource>
    <resource identifier="R2" type="imsqti_item_xmlv2p1" href="sub/q2.xml"><file href="sub/q2.xml"/></resource>
    <resource identifier="R3" type="imsqti_item_xmlv2p1" href="q3.xml"><file href="q3.xml"/></resource>
    <resource identifier="R4" type="webcontent" href="img/circuit.png"/>
  </resources>
</manifest>`;

const QTI21_CHOICE = `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="choice-1" title="t" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="identifier">
    <correctResponse><value>ChoiceA</value><value>ChoiceC</value></correctResponse>
  </responseDeclaration>
  <itemBody>
    <p>下列属于<b>绝缘</b>材料的有：</p>
    <img src="img/circuit.png" alt="电路图"/>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="0">
      <prompt>请选择所有正确答案。</prompt>
      <simpleChoice identifier="ChoiceA">橡胶</simpleChoice>
      <simpleChoice identifier="ChoiceB">铜</simpleChoice>
      <simpleChoice identifier="ChoiceC">云母 H<sub>2</sub>O</simpleChoice>
    </choiceInteraction>
  </itemBody>
</assessmentItem>`;

const QTI22_TEXT_ENTRY = `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p2" identifier="fill-1" title="t" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="R_A" cardinality="single" baseType="string">
    <correctResponse><value>欧姆</value></correctResponse>
    <mapping defaultValue="0"><mapEntry mapKey="欧姆" mappedValue="1"/><mapEntry mapKey="Ω" mappedValue="1"/></mapping>
  </responseDeclaration>
  <itemBody><p>电阻的单位是 <textEntryInteraction responseIdentifier="R_A" expectedLength="5"/>。</p></itemBody>
</assessmentItem>`;

const QTI21_ORDER = `<?xml version="1.0"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="order-1" title="t" adaptive="false" timeDependent="false">
  <itemBody><orderInteraction responseIdentifier="RESPONSE"><simpleChoice identifier="A">x</simpleChoice></orderInteraction></itemBody>
</assessmentItem>`;

describe('QTI packages', () => {
  it('QTI 3.0 export → import keeps every type, images and bank metadata', async () => {
    const items = sampleExportItems(pngHash);
    const bytes = await writeItemFile(items, (hash) => assets.get(hash), 'qti');
    const file = await parseItemFile(bytes, { fileName: 'export.zip' });
    expect(file.format).toBe('qti');
    expect(file.issues).toEqual([]);
    expect(file.items.map((item) => item.content)).toEqual(
      items.map((item) => toParsedContent(item.content)),
    );
    expect(
      file.items.map((item) => [item.externalId, item.version, item.status, item.pointCode]),
    ).toEqual(items.map((item) => [item.id, item.version, item.status, item.pointCode]));
    expect(file.items[0]?.tags).toEqual(['安全', '接地']);
    expect(file.items[1]).toMatchObject({ source: '国家题库', enemyGroup: 'g1' });
    expect(file.assets.get(pngHash)?.bytes).toEqual(PNG_BYTES);
  });

  it('imports QTI 2.1/2.2 items: multiple choice with arbitrary ids, prompt, image, text entry with alternatives', async () => {
    const zip = await writeZip(
      new Map([
        ['imsmanifest.xml', encode(QTI21_MANIFEST)],
        ['q1.xml', encode(QTI21_CHOICE)],
        ['sub/q2.xml', encode(QTI22_TEXT_ENTRY)],
        ['q3.xml', encode(QTI21_ORDER)],
        ['img/circuit.png', PNG_BYTES],
      ]),
    );
    const file = await parseItemFile(zip, { fileName: 'old.zip' });
    expect(file.items).toHaveLength(2);
    const [choice, fill] = file.items;
    expect(choice?.externalId).toBe('choice-1');
    expect(choice?.content).toMatchObject({ type: 'multiple_choice', key: ['A', 'C'] });
    expect(choice?.content.stem.content).toEqual([
      {
        type: 'paragraph',
        children: [{ text: '下列属于' }, { text: '绝缘', bold: true }, { text: '材料的有：' }],
      },
      { type: 'image', assetHash: pngHash, alt: '电路图', children: [{ text: '' }] },
      { type: 'paragraph', children: [{ text: '请选择所有正确答案。' }] },
    ]);
    if (choice?.content.type === 'multiple_choice') {
      expect(choice.content.options[2]?.content.content[0]).toEqual({
        type: 'paragraph',
        children: [{ text: '云母 H' }, { text: '2', subscript: true }, { text: 'O' }],
      });
    }
    expect(fill?.content).toMatchObject({ type: 'fill_blank', key: { R_A: ['欧姆', 'Ω'] } });
    expect(file.issues).toEqual([
      expect.objectContaining({
        file: 'old.zip!q3.xml',
        item: 'order-1',
        reason: expect.stringContaining('order-interaction'),
      }),
    ]);
  });

  it('reports broken XML with the file inside the package and the line', async () => {
    const broken = QTI21_CHOICE.replace('</choiceInteraction>', '</choiceInteractio>');
    const zip = await writeZip(
      new Map([
        ['imsmanifest.xml', encode(QTI21_MANIFEST)],
        ['q1.xml', encode(broken)],
        ['sub/q2.xml', encode(QTI22_TEXT_ENTRY)],
        ['q3.xml', encode(QTI21_ORDER)],
      ]),
    );
    const file = await parseItemFile(zip, { fileName: 'broken.zip' });
    const xmlIssue = file.issues.find((issue) => issue.file === 'broken.zip!q1.xml');
    expect(xmlIssue).toMatchObject({
      line: 14,
      severity: 'error',
      reason: expect.stringContaining('XML'),
    });
  });

  it('a missing picture rejects the item; a manifest entry missing from the zip is reported', async () => {
    const zip = await writeZip(
      new Map([
        ['imsmanifest.xml', encode(QTI21_MANIFEST)],
        ['q1.xml', encode(QTI21_CHOICE)],
      ]),
    );
    const file = await parseItemFile(zip, { fileName: 'p.zip' });
    expect(file.items).toEqual([]);
    expect(file.issues.map((issue) => [issue.file, issue.field])).toEqual([
      ['p.zip!q1.xml', '图片'],
      ['p.zip!sub/q2.xml', undefined],
      ['p.zip!q3.xml', undefined],
    ]);
  });

  it('reads a single QTI item XML file and refuses a package with a ../ entry', async () => {
    const single = await parseItemFile(encode(QTI22_TEXT_ENTRY), {
      fileName: 'item.xml',
      format: 'qti',
    });
    expect(single.issues).toEqual([]);
    expect(single.items[0]?.content.type).toBe('fill_blank');
    const evil = buildRawZip([
      { name: 'imsmanifest.xml', data: encode(QTI21_MANIFEST) },
      { name: '../../q1.xml', data: encode(QTI21_CHOICE) },
    ]);
    const refused = await parseItemFile(evil, { fileName: 'evil.zip', format: 'qti' });
    expect(refused.items).toEqual([]);
    expect(refused.issues[0]).toMatchObject({
      file: 'evil.zip!../../q1.xml',
      reason: expect.stringContaining('路径穿越'),
    });
  });
});
