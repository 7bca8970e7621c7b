import { writeZip } from '../../../src/import-export/zip-writer';

/*
 * A small WordprocessingML writer for test papers: paragraphs with a style, runs of text, tabs,
 * superscripts and pictures (any media type: PNG, WebP, EMF), and a styles part that declares
 * styles mammoth has no mapping for (`Title1`), as Word documents from schools have them.
 */

export type PaperRun =
  | string
  | { readonly tab: true }
  | { readonly text: string; readonly bold?: boolean; readonly sup?: boolean }
  | { readonly picture: string };

export interface PaperParagraph {
  readonly style?: string;
  /**
   * Word's automatic numbering: the number is not in the text. `true` is list instance 1,
   * level 0 (a decimal 「%1.」 list unless the paper defines its own numbering).
   */
  readonly numbered?: boolean | { readonly numId: number; readonly level?: number };
  readonly runs: readonly PaperRun[];
}

/** One level of a list definition (w:abstractNum/w:lvl). */
export interface PaperListLevel {
  readonly numFmt: string;
  readonly lvlText: string;
  readonly start?: number;
}

/** word/numbering.xml: list definitions, and instances that use them (with restarts). */
export interface PaperNumbering {
  /** Abstract lists by index (abstractNumId), each a list of levels from level 0. */
  readonly lists: readonly (readonly PaperListLevel[])[];
  /** List instances (w:num): the list they use; `restart` writes w:startOverride per level. */
  readonly instances: readonly {
    readonly numId: number;
    readonly list: number;
    readonly restart?: Readonly<Record<number, number>>;
  }[];
}

export type PaperBlock = string | PaperParagraph;

export interface PaperPicture {
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
  readonly description?: string;
}

export interface WordPaper {
  readonly blocks: readonly PaperBlock[];
  readonly pictures?: readonly PaperPicture[];
  /** Paragraph style ids declared in styles.xml (names as Word shows them). */
  readonly styles?: readonly string[];
  /** Automatic numbering; default: one decimal list 「%1.」 as instance 1. */
  readonly numbering?: PaperNumbering;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DRAWING_NS = [
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"',
].join(' ');

const esc = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A 1×1 lossless WebP, as phones and web pages save pictures. */
export const WEBP_1X1 = new Uint8Array(
  Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64'),
);

/** The first bytes of an EMF (EMR_HEADER record type 1); enough for a reader to name it. */
export const EMF_STUB = new Uint8Array([
  1, 0, 0, 0, 108, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x20, 0x45, 0x4d, 0x46,
]);

function runXml(run: PaperRun, pictures: readonly PaperPicture[]): string {
  if (typeof run === 'string') return `<w:r><w:t xml:space="preserve">${esc(run)}</w:t></w:r>`;
  if ('tab' in run) return '<w:r><w:tab/></w:r>';
  if ('picture' in run) {
    const index = pictures.findIndex((picture) => picture.name === run.picture);
    if (index < 0) throw new Error(`no picture named ${run.picture}`);
    const description = esc(pictures[index]?.description ?? run.picture);
    return `<w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="${index + 1}" name="图片 ${index + 1}" descr="${description}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="${esc(run.picture)}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdPic${index + 1}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
  }
  const props = `${run.bold === true ? '<w:b/>' : ''}${run.sup === true ? '<w:vertAlign w:val="superscript"/>' : ''}`;
  return `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${esc(run.text)}</w:t></w:r>`;
}

function paragraphXml(block: PaperBlock, pictures: readonly PaperPicture[]): string {
  const paragraph: PaperParagraph = typeof block === 'string' ? { runs: [block] } : block;
  const style = paragraph.style === undefined ? '' : `<w:pStyle w:val="${esc(paragraph.style)}"/>`;
  const list =
    paragraph.numbered === true
      ? { numId: 1, level: 0 }
      : paragraph.numbered === false
        ? undefined
        : paragraph.numbered;
  const numbering =
    list === undefined
      ? ''
      : `<w:numPr><w:ilvl w:val="${list.level ?? 0}"/><w:numId w:val="${list.numId}"/></w:numPr>`;
  const props = style + numbering === '' ? '' : `<w:pPr>${style}${numbering}</w:pPr>`;
  return `<w:p>${props}${paragraph.runs.map((run) => runXml(run, pictures)).join('')}</w:p>`;
}

/** The default: one decimal list 「%1.」 as instance 1. */
const DECIMAL_LIST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

function numberingXml(numbering: PaperNumbering): string {
  const lists = numbering.lists.map(
    (levels, id) =>
      `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>${levels
        .map(
          (level, ilvl) =>
            `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${level.start ?? 1}"/><w:numFmt w:val="${level.numFmt}"/><w:lvlText w:val="${esc(level.lvlText)}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${420 * (ilvl + 1)}" w:hanging="420"/></w:pPr></w:lvl>`,
        )
        .join('')}</w:abstractNum>`,
  );
  const instances = numbering.instances.map(
    ({ numId, list, restart }) =>
      `<w:num w:numId="${numId}"><w:abstractNumId w:val="${list}"/>${Object.entries(restart ?? {})
        .map(
          ([ilvl, start]) =>
            `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`,
        )
        .join('')}</w:num>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">${lists.join('')}${instances.join('')}</w:numbering>`;
}

const enc = (value: string) => new TextEncoder().encode(value);

/** Writes the paper as a .docx (a zip of WordprocessingML parts). */
export function writeWordPaper(paper: WordPaper): Promise<Uint8Array> {
  const pictures = paper.pictures ?? [];
  const body = paper.blocks.map((block) => paragraphXml(block, pictures)).join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}" ${DRAWING_NS}><w:body>${body}</w:body></w:document>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">${(paper.styles ?? [])
    .map(
      (id) =>
        `<w:style w:type="paragraph" w:styleId="${esc(id)}"><w:name w:val="${esc(id)}"/></w:style>`,
    )
    .join('')}</w:styles>`;
  const extensions = new Map<string, string>([['png', 'image/png']]);
  for (const picture of pictures) {
    extensions.set(picture.name.split('.').pop() ?? 'bin', picture.contentType);
  }
  const defaults = [...extensions]
    .map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`)
    .join('');
  const rels = pictures
    .map(
      (picture, index) =>
        `<Relationship Id="rIdPic${index + 1}" Type="${R}/image" Target="media/${esc(picture.name)}"/>`,
    )
    .join('');
  const entries = new Map<string, Uint8Array>([
    [
      '[Content_Types].xml',
      enc(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${defaults}<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
      ),
    ],
    [
      '_rels/.rels',
      enc(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
    ],
    [
      'word/_rels/document.xml.rels',
      enc(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="${R}/numbering" Target="numbering.xml"/>${rels}</Relationships>`,
      ),
    ],
    ['word/document.xml', enc(document)],
    ['word/styles.xml', enc(styles)],
    [
      'word/numbering.xml',
      enc(paper.numbering === undefined ? DECIMAL_LIST : numberingXml(paper.numbering)),
    ],
    ...pictures.map((picture): [string, Uint8Array] => [
      `word/media/${picture.name}`,
      picture.bytes,
    ]),
  ]);
  return writeZip(entries);
}
