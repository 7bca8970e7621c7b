import type { ItemFileFormat } from './item-file-types';

/*
 * Which item file format a file is, from its name and its first bytes. A zip is a bank
 * package when it is named .bankpkg or holds manifest.json; a QTI package when it holds
 * imsmanifest.xml (decided by the reader) or is named like one.
 */

const BY_EXTENSION: Record<string, ItemFileFormat> = {
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  bankpkg: 'bankpkg',
  gift: 'gift',
  xml: 'moodle',
};

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function head(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
}

function containsName(bytes: Uint8Array, name: string): boolean {
  const needle = new TextEncoder().encode(name);
  outer: for (let i = 0; i + needle.length <= bytes.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function detectItemFileFormat(
  fileName: string,
  bytes: Uint8Array,
): ItemFileFormat | undefined {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  const isZip =
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
  if (isZip) {
    if (extension === 'bankpkg') return 'bankpkg';
    if (extension === 'docx' || containsName(bytes, 'word/document.xml')) return 'docx';
    if (extension === 'xlsx' || extension === 'xlsm') return 'xlsx';
    if (containsName(bytes, 'imsmanifest.xml')) return 'qti';
    if (containsName(bytes, 'manifest.json')) return 'bankpkg';
    if (containsName(bytes, '[Content_Types].xml')) return 'xlsx';
    return extension === 'zip' ? 'qti' : undefined;
  }
  const text = head(bytes).replace(/^\ufeff/, '');
  if (/^\s*</.test(text)) {
    if (/<quiz[\s>]/.test(text)) return 'moodle';
    if (/<(qti-)?assessmentItem[\s>]|imsqti/i.test(text)) return 'qti';
    return extension === 'xml' ? 'moodle' : undefined;
  }
  if (extension === 'gift' || /^\s*(\/\/.*\n\s*)*(\$CATEGORY:|::[^:]+::)/.test(text)) return 'gift';
  return BY_EXTENSION[extension];
}
