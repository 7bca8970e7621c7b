import { generateSigningKeyPair, writeExamPackage } from '@skillexam/item-bank';
import type { Paper } from '@skillexam/shared';
import { transaction } from '@skillexam/shared/sql';
import type { Store } from '../../src/db/store';
import { sitePackageKey } from '../../src/exams/package-keys';
import { fixturePaper } from './exam-fixture';

/** A real signed, encrypted .exampkg of the fixture paper, addressed to this store's site key. */
export async function buildPackage(target: Store, signer = generateSigningKeyPair()) {
  const { paper: candidatePaper, keys } = fixturePaper('exam-pkg');
  const paper: Paper = {
    id: candidatePaper.paperId,
    title: candidatePaper.title,
    standard: { occupationCode: '6-31-01-03', version: '2018' },
    level: 4,
    durationMinutes: 90,
    fullMarks: 100,
    passMark: 60,
    sections: candidatePaper.sections.map((s) => ({
      title: s.title,
      itemType: s.itemType,
      pointsEach: s.pointsEach,
      items: s.items.map((i) => ({ itemId: i.itemId, version: i.version })),
    })),
  };
  const site = transaction(target.db, () => sitePackageKey(target.db, Date.now()));
  const bytes = await writeExamPackage({
    paper,
    candidatePaper,
    answerKeys: keys,
    signerPrivateKeyPem: signer.privateKeyPem,
    recipientPublicKeyPem: site.publicKeyPem,
    now: new Date(),
  });
  return { bytes, signer };
}
