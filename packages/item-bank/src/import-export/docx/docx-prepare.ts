import { createHash } from 'node:crypto';
import { errorMessage } from '@skillexam/shared';
import { readZipSafely } from '../safe-zip-reader';
import { parseXmlBytes } from '../xml-events';
import { writeZip } from '../zip-writer';
import { writeNumbersAsText } from './docx-numbered-paragraphs';
import {
  emptyDefinitions,
  readNumberingPart,
  readStylesPart,
  type NumberingDefinitions,
} from './docx-numbering';

/*
 * What the reader does to a .docx before mammoth converts it: opens the zip defensively
 * (safe-zip-reader.ts), writes Word's automatic numbers into the document as text
 * (docx-numbered-paragraphs.ts, decision 0933) and re-zips it only when the document has
 * numbered paragraphs, and names the picture files so an unsupported one can be reported by
 * its file name as well as its alt text.
 */

export type PreparedDocx =
  | {
      readonly ok: true;
      /** The bytes for mammoth: the original file, or one with the numbers written as text. */
      readonly bytes: Uint8Array;
      /** Paragraphs whose automatic number was written as text. */
      readonly numbered: number;
      /** Problems reading the numbering (the paragraphs then stay as mammoth reads them). */
      readonly warnings: string[];
      /** The file name (「image2.emf」) of a picture, by its bytes. */
      pictureName(bytes: Uint8Array): string | undefined;
    }
  | { readonly ok: false; readonly reason: string };

const TEXT = new TextDecoder('utf-8');
const ENCODE = new TextEncoder();

/** Targets of a relationships part by relationship type (the last path segment of Type). */
function relationshipTargets(bytes: Uint8Array | undefined): Map<string, string> {
  const targets = new Map<string, string>();
  if (bytes === undefined) return targets;
  parseXmlBytes(bytes, {
    open(name, attributes) {
      if (name !== 'Relationship' || attributes.Target === undefined) return;
      const type = (attributes.Type ?? '').split('/').pop() ?? '';
      if (!targets.has(type)) targets.set(type, attributes.Target);
    },
  });
  return targets;
}

/** A relationship target as a zip entry name, relative to the part's folder. */
function entryName(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = folder === '' ? [] : folder.split('/');
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function pictureNames(
  entries: ReadonlyMap<string, Uint8Array>,
): (bytes: Uint8Array) => string | undefined {
  let byHash: Map<string, string> | undefined;
  return (bytes) => {
    byHash ??= new Map(
      [...entries]
        .filter(([name]) => !/\.(xml|rels)$/i.test(name))
        .map(([name, data]) => [hashOf(data), name.split('/').pop() ?? name]),
    );
    return byHash.get(hashOf(bytes));
  };
}

export async function prepareDocx(bytes: Uint8Array): Promise<PreparedDocx> {
  const zip = await readZipSafely(bytes);
  if (!zip.ok) return { ok: false, reason: zip.reason };
  const { entries } = zip;
  const pictureName = pictureNames(entries);
  const unchanged = (warnings: string[] = []): PreparedDocx => ({
    ok: true,
    bytes,
    numbered: 0,
    warnings,
    pictureName,
  });
  let documentPath: string;
  let definitions: NumberingDefinitions;
  try {
    documentPath = entryName(
      '',
      relationshipTargets(entries.get('_rels/.rels')).get('officeDocument') ?? 'word/document.xml',
    );
    const folder = documentPath.split('/').slice(0, -1).join('/');
    const rels = `${folder === '' ? '' : `${folder}/`}_rels/${documentPath.split('/').pop() ?? ''}.rels`;
    const parts = relationshipTargets(entries.get(rels));
    const numberingPart = parts.get('numbering');
    const numbering =
      numberingPart === undefined ? undefined : entries.get(entryName(folder, numberingPart));
    // Without a numbering part nothing in the document can be numbered automatically.
    if (numbering === undefined) return unchanged();
    definitions = emptyDefinitions();
    readNumberingPart(numbering, definitions);
    const stylesPart = parts.get('styles');
    const styles =
      stylesPart === undefined ? undefined : entries.get(entryName(folder, stylesPart));
    if (styles !== undefined) readStylesPart(styles, definitions);
  } catch (error) {
    return unchanged([
      `无法读取 Word 的自动编号（numbering.xml）：${errorMessage(error)}；自动编号的段落按没有编号读取`,
    ]);
  }
  const document = entries.get(documentPath);
  if (document === undefined) return unchanged();
  const xml = TEXT.decode(document);
  const styled = [...definitions.styles.values()].some((style) => style.numId !== undefined);
  // A document that names no list and has no numbered style: nothing to count.
  if (!styled && !xml.includes('numPr')) return unchanged();
  const rewritten = writeNumbersAsText(xml, definitions);
  if (rewritten.numbered === 0) return unchanged();
  const copy = new Map(entries);
  copy.set(documentPath, ENCODE.encode(rewritten.xml));
  return {
    ok: true,
    bytes: await writeZip(copy),
    numbered: rewritten.numbered,
    warnings: [],
    pictureName,
  };
}
