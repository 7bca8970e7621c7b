import { isExamPackageError, openExamPackage } from '@skillexam/item-bank/exam-package';
import { CodedError } from '@skillexam/shared';
import type { Store } from '../db/store';
import { transaction } from '@skillexam/shared/sql';
import { insertExamAsset, trustedSigningKeys } from './exam-repository';
import { insertExam } from './insert-exam';
import { sitePackageKey } from './package-keys';

export interface ImportedExam {
  readonly examId: string;
  readonly title: string;
  readonly items: number;
  readonly assets: number;
  /** What was verified: the key that signed the package and the site key it is addressed to. */
  readonly signerKeyId: string;
  readonly siteKeyId: string;
}

/**
 * Imports a `.exampkg`: the signature must verify against a trusted key and every part must
 * match its hash (a tampered package is rejected and nothing is stored); the package is opened
 * with this site's key, the candidate paper, answer keys and images stored in one transaction.
 */
export async function importExamPackage(
  store: Store,
  bytes: Uint8Array,
  actor: string,
  now: number,
): Promise<ImportedExam> {
  const trusted = trustedSigningKeys(store.db);
  if (trusted.length === 0) {
    throw new CodedError(
      'BAD_REQUEST',
      '尚未配置受信任的签名公钥，请先运行 proctor-server package trust (no trusted signing key)',
    );
  }
  const key = transaction(store.db, () => sitePackageKey(store.db, now));
  let opened;
  try {
    opened = await openExamPackage(bytes, {
      trustedSigningKeys: trusted,
      serverPrivateKeyPem: key.privateKeyPem,
    });
  } catch (error) {
    if (isExamPackageError(error))
      throw new CodedError('BAD_REQUEST', `考试包无效: ${error.message}`);
    throw error;
  }
  const examId = opened.candidatePaper.paperId;
  transaction(store.db, () => {
    insertExam(
      store.db,
      store.audit,
      {
        id: examId,
        title: opened.manifest.title,
        manifest: opened.manifest,
        candidatePaper: opened.candidatePaper,
        answerKey: opened.answerKeys,
        packageBytes: Buffer.from(bytes),
      },
      actor,
      now,
    );
    for (const [hash, asset] of opened.assets) {
      insertExamAsset(store.db, examId, hash, Buffer.from(asset));
    }
  });
  return {
    examId,
    title: opened.manifest.title,
    items: opened.candidatePaper.sections.reduce((n, s) => n + s.items.length, 0),
    assets: opened.assets.size,
    signerKeyId: opened.manifest.signerKeyId,
    siteKeyId: opened.manifest.recipientKeyId,
  };
}
