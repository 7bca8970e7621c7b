import { contentBuilders, itemBody, type ItemContent } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { memoryBank } from '../../../test/support/fixtures';
import { importItems } from '../../imports/import-items';
import { searchItems } from '../../search/search-items';
import { parseItemFile } from '../parse-item-file';
import { detectItemFileFormat } from '../detect-format';
import { writeZip } from '../zip-writer';
import { readDocxItems } from './docx-reader';

/*
 * Word documents built here from minimal WordprocessingML (the zip writer plus a few XML
 * parts), laid out the way Chinese item writers do, read through mammoth.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

type Run = string | { text: string; bold?: boolean; sup?: boolean } | { image: true };

const esc = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function run(part: Run): string {
  if (typeof part === 'string') return `<w:r><w:t xml:space="preserve">${esc(part)}</w:t></w:r>`;
  if ('image' in part) {
    return `<w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="图片 1" descr="电路图"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImage1"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
  }
  const props = `${part.bold === true ? '<w:b/>' : ''}${part.sup === true ? '<w:vertAlign w:val="superscript"/>' : ''}`;
  return `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${esc(part.text)}</w:t></w:r>`;
}

export const p = (...runs: Run[]) => `<w:p>${runs.map(run).join('')}</w:p>`;
const table = (rows: string[][]) =>
  `<w:tbl>${rows.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${p(cell)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

/** A 1×1 PNG (valid signature and chunks are not needed by mammoth; the bytes are kept as-is). */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

async function docx(body: string): Promise<Uint8Array> {
  const enc = (value: string) => new TextEncoder().encode(value);
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>${body}</w:body></w:document>`;
  return writeZip(
    new Map([
      [
        '[Content_Types].xml',
        enc(
          `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
        ),
      ],
      [
        '_rels/.rels',
        enc(
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
        ),
      ],
      [
        'word/_rels/document.xml.rels',
        enc(
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdImage1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>`,
        ),
      ],
      ['word/document.xml', enc(document)],
      ['word/media/image1.png', PNG],
    ]),
  );
}

const SAMPLE = [
  p('一、单项选择题'),
  p('1. 电阻消耗的功率 P 与电流 I 的关系是（  ）。'),
  p({ image: true }),
  p('A. 成正比'),
  p('B. 与 I', { text: '2', sup: true }, ' 成正比'),
  p('C. 成反比'),
  p('D. 无关'),
  p('答案：B'),
  p('解析：由 P=I', { text: '2', sup: true }, 'R 可知。'),
  p('难度：3'),
  p('鉴定点：A-B-001'),
  p('2、下列导线中截面最大的是（  ）。'),
  table([
    ['型号', '截面'],
    ['BV-2.5', '2.5'],
  ]),
  p('A. 甲    B. 乙    C. 10', { text: '3', sup: true }, '    D. ', { text: '丁', bold: true }),
  p('答案：C'),
  p('鉴定点：A-B-001'),
  p('二、多项选择题'),
  p('3. 属于安全用具的有（  ）。'),
  p('A. 绝缘手套'),
  p('B. 绝缘靴'),
  p('C. ', { text: '验电器', bold: true }),
  p('D. 扳手'),
  p('答案：ABC'),
  p('难度：较易'),
  p('鉴定点：A-B-002'),
  p('三、判断题'),
  p('4. 接地电阻应定期测量。'),
  p('答案：√'),
  p('鉴定点：A-B-002'),
  p('四、填空题'),
  p('5. 我国工频交流电的频率为____Hz。'),
  p('答案：50'),
  p('鉴定点：A-B-001'),
].join('');

function stemOf(content: { stem: ItemContent['stem'] }) {
  return content.stem.content;
}

describe('Word (.docx) item import', () => {
  it('reads numbered stems, options on separate lines or one line, keys, explanations, pictures and tables', async () => {
    const file = await readDocxItems(await docx(SAMPLE), '电工题.docx');
    expect(file.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(file.items.map((item) => item.content.type)).toEqual([
      'single_choice',
      'single_choice',
      'multiple_choice',
      'true_false',
      'fill_blank',
    ]);
    const [first, second, third, fourth, fifth] = file.items;
    // 1: picture kept as an asset, superscript kept in option B and in the explanation.
    expect(first?.pointCode).toBe('A-B-001');
    expect(first?.content.difficulty).toBe(3);
    const hash = [...file.assets.keys()][0] ?? '';
    expect(file.assets.get(hash)).toEqual({ bytes: PNG, mime: 'image/png' });
    expect(first === undefined ? [] : stemOf(first.content)).toEqual([
      // Runs of spaces collapse as in HTML (the markup reader's rule).
      contentBuilders.paragraph('电阻消耗的功率 P 与电流 I 的关系是（ ）。'),
      contentBuilders.image(hash, '电路图'),
    ]);
    if (first?.content.type !== 'single_choice') throw new Error('expected single choice');
    expect(first.content.key).toBe('B');
    expect(first.content.options[1]?.content).toEqual(
      itemBody(
        contentBuilders.paragraph('与 I', contentBuilders.text('2', ['superscript']), ' 成正比'),
      ),
    );
    expect(first.content.explanation).toEqual(
      itemBody(
        contentBuilders.paragraph('由 P=I', contentBuilders.text('2', ['superscript']), 'R 可知。'),
      ),
    );
    // 2: the table stays in the stem; four options from one line.
    if (second?.content.type !== 'single_choice') throw new Error('expected single choice');
    expect(stemOf(second.content)[1]).toMatchObject({ type: 'table' });
    expect(second.content.options.map((o) => o.id)).toEqual(['A', 'B', 'C', 'D']);
    // Options split from one line keep their marks.
    expect(second.content.options[2]?.content).toEqual(
      itemBody(contentBuilders.paragraph('10', contentBuilders.text('3', ['superscript']))),
    );
    expect(second.content.options[3]?.content).toEqual(
      itemBody(contentBuilders.paragraph(contentBuilders.text('丁', ['bold']))),
    );
    expect(second.content.key).toBe('C');
    // 3: multiple choice from the section heading and the key; bold kept; 较易 → 2.
    if (third?.content.type !== 'multiple_choice') throw new Error('expected multiple choice');
    expect(third.content.key).toEqual(['A', 'B', 'C']);
    expect(third.content.difficulty).toBe(2);
    expect(third.content.options[2]?.content).toEqual(
      itemBody(contentBuilders.paragraph(contentBuilders.text('验电器', ['bold']))),
    );
    // 4 and 5.
    expect(fourth?.content).toMatchObject({ type: 'true_false', key: true });
    expect(fifth?.content).toMatchObject({ type: 'fill_blank', key: { b1: ['50'] } });
    expect(fifth === undefined ? [] : stemOf(fifth.content)).toEqual([
      contentBuilders.paragraph('我国工频交流电的频率为', contentBuilders.blank('b1'), 'Hz。'),
    ]);
  });

  it('is detected by name and content, and parseItemFile reads it', async () => {
    const bytes = await docx(SAMPLE);
    expect(detectItemFileFormat('题目.docx', bytes)).toBe('docx');
    expect(detectItemFileFormat('unnamed.zip', bytes)).toBe('docx');
    const file = await parseItemFile(bytes, { fileName: '题目.docx' });
    expect(file.format).toBe('docx');
    expect(file.items).toHaveLength(5);
  });

  it('reports a missing key or an unreadable difficulty with the item number, and skips the item', async () => {
    const file = await readDocxItems(
      await docx(
        [
          p('1. 没有答案的题（  ）。'),
          p('A. 甲'),
          p('B. 乙'),
          p('2. 难度写错的题。'),
          p('答案：对'),
          p('难度：很难'),
          p('3. 正常的题。'),
          p('答案：×'),
        ].join(''),
      ),
      'bad.docx',
    );
    expect(file.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ item: 'bad.docx 第1题', field: '答案', severity: 'error' }),
        expect.objectContaining({ item: 'bad.docx 第2题', field: '难度', severity: 'error' }),
      ]),
    );
    expect(file.items.map((item) => item.ref)).toEqual(['bad.docx 第3题']);
    expect(file.items[0]?.content).toMatchObject({ type: 'true_false', key: false });
  });

  it('says what a document without numbered items should look like', async () => {
    const file = await readDocxItems(await docx(p('这是一份说明，没有题目。')), 'notes.docx');
    expect(file.items).toEqual([]);
    expect(file.issues.find((issue) => issue.severity === 'error')?.reason).toContain(
      '每题应以题号开头',
    );
  });

  it('imports into a bank as drafts with their pictures, in one transaction', async () => {
    const bank = memoryBank();
    const bytes = await docx(SAMPLE);
    const dry = await importItems(bank, bytes, {
      fileName: '电工题.docx',
      actor: 'writer',
      dryRun: true,
    });
    expect(dry).toMatchObject({ committed: false, imported: 5, skipped: 0, format: 'docx' });
    expect(searchItems(bank.search, '').total).toBe(0);
    const report = await importItems(bank, bytes, { fileName: '电工题.docx', actor: 'writer' });
    expect(report).toMatchObject({ committed: true, imported: 5 });
    const page = searchItems(bank.search, '', {}, { limit: 10 });
    expect(page.hits.map((hit) => hit.status)).toEqual(Array(5).fill('draft'));
    const withImage = report.importedIds
      .map((id) => bank.items.getItem(id))
      .find((item) => item?.stem.content.some((block) => block.type === 'image'));
    const image = withImage?.stem.content.find((block) => block.type === 'image');
    expect(image?.type === 'image' && bank.items.hasAsset(image.assetHash)).toBe(true);
  });
});
