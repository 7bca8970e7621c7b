import { readFileSync } from 'node:fs';
import { InvalidInputError } from '@skillexam/shared';
import {
  checkedCount,
  parseAnchor,
  parseAnchorList,
  type AuditAnchor,
} from '../audit/audit-anchors';

/*
 * `center audit verify --anchor <seq:hash>… --anchors <file>`: the external anchors to check the
 * chain against (docs/decisions/1070-center-audit-anchored-by-witnesses.md), from the command
 * line and a file, together. An unreadable file or a malformed anchor stops before the store
 * is opened.
 */

/** A file of anchors is a short text list; anything larger is not one. */
const MAX_ANCHOR_FILE_BYTES = 1024 * 1024;

function readAnchorFile(file: string): AuditAnchor[] {
  let text: string;
  try {
    const bytes = readFileSync(file);
    if (bytes.byteLength > MAX_ANCHOR_FILE_BYTES)
      throw new InvalidInputError(
        `${file}: 锚点文件超过 1 MB (an anchors file is a short list, at most 1 MB)`,
      );
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw new InvalidInputError(`${file}: 无法读取锚点文件 (cannot read the anchors file)`);
  }
  return parseAnchorList(text, file);
}

export function anchorsFromFlags(flags: {
  readonly anchor?: readonly string[];
  readonly anchors?: string;
}): AuditAnchor[] {
  const given = (flags.anchor ?? []).map((text) => parseAnchor(text, '--anchor'));
  const filed = flags.anchors === undefined ? [] : readAnchorFile(flags.anchors);
  return checkedCount([...given, ...filed]);
}
