import { readFileSync } from 'node:fs';
import type { PaperRecord } from '../../assembly/paper-record';
import type { Bank } from '../../db/open-bank';
import { pinnedContents } from '../../paper-pdf/pinned-contents';
import { renderAnswerKeyPdf, renderPaperPdf } from '../../paper-pdf/render-paper-pdf';
import { cjkFontPath } from '../../pdf-document/cjk-font';

let fontBytes: Uint8Array | undefined;

/** The embedded CJK font (read once; SKILLEXAM_FONT_DIR points a bundled build elsewhere). */
export function readCjkFont(): Uint8Array {
  fontBytes ??= new Uint8Array(readFileSync(cjkFontPath(process.env['SKILLEXAM_FONT_DIR'])));
  return fontBytes;
}

/** paper-X.pdf and key-X.pdf of a record, rendered in memory (file name → bytes). */
export async function renderPaperPdfs(
  bank: Bank,
  record: PaperRecord,
): Promise<Map<string, Uint8Array>> {
  const input = {
    paper: record.paper,
    contents: pinnedContents(bank.items, record.paper),
    asset: (hash: string) => bank.items.getAsset(hash)?.bytes,
    fontBytes: readCjkFont(),
    createdAt: new Date(record.assembledAt),
  };
  return new Map([
    [`paper-${record.form}.pdf`, await renderPaperPdf(input)],
    [`key-${record.form}.pdf`, await renderAnswerKeyPdf({ ...input, withExplanations: true })],
  ]);
}
