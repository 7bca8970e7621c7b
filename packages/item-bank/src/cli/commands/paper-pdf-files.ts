import { readFileSync } from 'node:fs';
import { CodedError, type ItemContent, type Paper } from '@skillexam/shared';
import type { PaperRecord } from '../../assembly/paper-record';
import type { Bank } from '../../db/open-bank';
import { renderAnswerKeyPdf, renderPaperPdf } from '../../paper-pdf/render-paper-pdf';
import { cjkFontPath } from '../../pdf-document/cjk-font';

let fontBytes: Uint8Array | undefined;

/** The embedded CJK font (read once; SKILLEXAM_FONT_DIR points a bundled build elsewhere). */
export function readCjkFont(): Uint8Array {
  fontBytes ??= new Uint8Array(readFileSync(cjkFontPath(process.env['SKILLEXAM_FONT_DIR'])));
  return fontBytes;
}

/** Content of every pinned item version of a paper; a missing version is a clear error. */
export function pinnedContents(bank: Bank, paper: Paper): Map<string, ItemContent> {
  const contents = new Map<string, ItemContent>();
  for (const ref of paper.sections.flatMap((section) => section.items)) {
    const version = bank.items.getVersion(ref.itemId, ref.version);
    if (version === undefined) {
      throw new CodedError(
        'NOT_FOUND',
        `试卷 ${paper.id} 的试题 ${ref.itemId} 第 ${ref.version} 版不在题库中`,
      );
    }
    contents.set(ref.itemId, version.content);
  }
  return contents;
}

/** paper-X.pdf and key-X.pdf of a record, rendered in memory (file name → bytes). */
export async function renderPaperPdfs(
  bank: Bank,
  record: PaperRecord,
): Promise<Map<string, Uint8Array>> {
  const input = {
    paper: record.paper,
    contents: pinnedContents(bank, record.paper),
    asset: (hash: string) => bank.items.getAsset(hash)?.bytes,
    fontBytes: readCjkFont(),
    createdAt: new Date(record.assembledAt),
  };
  return new Map([
    [`paper-${record.form}.pdf`, await renderPaperPdf(input)],
    [`key-${record.form}.pdf`, await renderAnswerKeyPdf({ ...input, withExplanations: true })],
  ]);
}
