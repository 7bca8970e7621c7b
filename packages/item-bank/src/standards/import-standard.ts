import { CodedError, silentProgress, type Progress } from '@skillexam/shared';
import { readStandardJson, type ReadStandardResult } from './read-standard-json';
import { readStandardXlsx } from './read-standard-xlsx';
import { standardId, type StandardDocument } from './standard-document';
import { formatStandardIssue, type StandardIssue } from './standard-issue';
import type { StandardStore, StandardSummary } from './standard-store';

export interface ImportStandardReport {
  readonly standard?: StandardSummary;
  readonly issues: StandardIssue[];
}

/** Picks the reader by file extension: `.xlsx` → Excel template, anything else → JSON. */
export async function readStandardFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<ReadStandardResult> {
  return /\.xlsx$/i.test(fileName)
    ? readStandardXlsx(bytes, fileName)
    : readStandardJson(bytes, fileName);
}

/** Thrown with every issue when a standard cannot be imported; nothing was written. */
export class StandardImportError extends CodedError {
  readonly issues: StandardIssue[];
  constructor(issues: StandardIssue[]) {
    super(
      'BAD_REQUEST',
      ['标准导入失败，未做任何修改：', ...issues.map(formatStandardIssue)].join('\n'),
    );
    this.name = 'StandardImportError';
    this.issues = issues;
  }
}

/** Writes a validated standard in one transaction; refuses one that is already in the bank. */
export function saveStandard(
  store: StandardStore,
  doc: StandardDocument,
  importedAt: string,
  beforeCommit: () => void = () => undefined,
): StandardSummary {
  const id = standardId(doc.standard.occupationCode, doc.standard.version);
  return store.transaction(() => {
    if (store.hasStandard(id)) {
      throw new CodedError(
        'CONFLICT',
        `题库中已有标准 ${id}（${doc.occupation.name} ${doc.standard.version}年版）；已发布的标准不能覆盖，请使用新的版本号`,
      );
    }
    store.insertStandard(doc, importedAt);
    const summary = store.listStandards().find((entry) => entry.id === id);
    if (summary === undefined) throw new Error(`standard ${id} vanished after insert`);
    beforeCommit();
    return summary;
  });
}

/** Reads, validates and saves a standard file, all or nothing. */
export async function importStandardFile(
  store: StandardStore,
  bytes: Uint8Array,
  fileName: string,
  importedAt: string,
  options: { readonly progress?: Progress } = {},
): Promise<ImportStandardReport> {
  const progress = options.progress ?? silentProgress;
  const reading = progress.phase('reading', {
    label: fileName,
    unit: 'bytes',
    total: bytes.length,
  });
  const read = await readStandardFile(bytes, fileName);
  reading.advance(bytes.length);
  reading.end();
  if (read.document === undefined) throw new StandardImportError(read.issues);
  // The standard is written in one short transaction; a cancel just before its commit undoes it.
  const writing = progress.phase('writing', { label: fileName });
  const standard = saveStandard(store, read.document, importedAt, () => progress.check());
  writing.end();
  return { standard, issues: read.issues };
}
