import {
  candidateVariation,
  paperAssetHashes,
  type CandidatePaper,
  type SealedAsset,
  type SealedPaperPlaintext,
} from '@skillexam/shared';
import type { AttemptRecord } from '../attempts/attempt-record';
import type { ReadableDb } from '@skillexam/shared/sql';
import { examAssetRows } from './content-repository';
import type { ExamCatalog } from '../exams/exam-repository';
import { examMeta } from '../exams/exam-meta';

/** The candidate's own order of the exam's paper (乱序 per the paper's variation flags). */
export function candidatePaperOf(
  db: ReadableDb,
  catalog: ExamCatalog,
  attempt: AttemptRecord,
): CandidatePaper {
  const meta = examMeta(db, attempt.examId);
  return candidateVariation(catalog.paper(attempt.examId), meta.variation, attempt.variationSeed);
}

/** 题号 of every item in a (candidate's) paper, by item id. */
export function displayNumbers(paper: CandidatePaper): Map<string, number> {
  return new Map(
    paper.sections.flatMap((section) => section.items.map((item) => [item.itemId, item.number])),
  );
}

/** The image type from its first bytes (PNG, JPEG, GIF, WebP, SVG), for the kiosk's data URLs. */
export function sniffImageType(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 16));
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  if (
    head.subarray(0, 4).toString('latin1') === 'RIFF' &&
    head.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  const text = Buffer.from(bytes.subarray(0, 256)).toString('utf8').trimStart();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg')))
    return 'image/svg+xml';
  return 'application/octet-stream';
}

/** The plaintext of a sealed paper: the candidate's paper plus every image it shows. */
export function candidateContent(
  db: ReadableDb,
  catalog: ExamCatalog,
  attempt: AttemptRecord,
): SealedPaperPlaintext {
  const paper = candidatePaperOf(db, catalog, attempt);
  const wanted = new Set(paperAssetHashes(paper));
  const assets: Record<string, SealedAsset> = {};
  if (wanted.size > 0) {
    const rows = examAssetRows(db, attempt.examId);
    for (const row of rows) {
      if (!wanted.has(row.asset_hash)) continue;
      assets[row.asset_hash] = {
        mimeType: sniffImageType(row.bytes),
        dataBase64: row.bytes.toString('base64'),
      };
    }
  }
  return { paper, assets };
}
