import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes the PDF to a temp dir and extracts its text with poppler's pdftotext. */
export function pdfText(bytes: Uint8Array, name = 'doc.pdf'): { text: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'skillexam-pdf-'));
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { text, file };
}

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const match = /Pages:\s+(\d+)/.exec(info);
  return match === null ? 0 : Number(match[1]);
}

/** Renders page 1 to PNG (for eyes; set SKILLEXAM_PDF_PREVIEW_DIR to keep them) and returns its path. */
export function renderFirstPage(file: string): string {
  const prefix = file.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  return `${prefix}.png`;
}

export function fontsOf(file: string): string {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}
