import { createHash, sign } from 'node:crypto';
import {
  contentBuilders,
  itemBody,
  itemBodyFromText,
  PaperSchema,
  type ItemContent,
  type ItemVersionRef,
} from '@skillexam/shared';
import { canonicalJsonBytes } from '../../src/exam-package/canonical-json';
import { buildPackagePaper, type PackagePaper } from '../../src/exam-package/package-paper';
import {
  generateServerKeyPair,
  generateSigningKeyPair,
  privateKeyFromPem,
  type PemKeyPair,
} from '../../src/exam-package/key-pairs';
import { ExamPackageManifestSchema, SignatureFileSchema } from '../../src/exam-package/manifest';
import { writeExamPackage } from '../../src/exam-package/write-exam-package';
import { readZip, writeZip } from '../../src/exam-package/zip-archive';

const common = { assessmentPointId: 'ap-001', level: 3, difficulty: 3 } as const;

export const IMAGE_BYTES = new TextEncoder().encode('\x89PNG fake image bytes for the test');
export const IMAGE_HASH = createHash('sha256').update(IMAGE_BYTES).digest('hex');

const contents: Record<string, ItemContent> = {
  tf1: {
    type: 'true_false',
    ...common,
    stem: itemBodyFromText('电气设备外壳应可靠接地。'),
    key: true,
  },
  sc1: {
    type: 'single_choice',
    ...common,
    stem: itemBody(
      contentBuilders.paragraph('安全电压的上限为'),
      contentBuilders.image(IMAGE_HASH, '电路图'),
    ),
    options: (['A', 'B', 'C', 'D'] as const).map((id, i) => ({
      id,
      content: itemBodyFromText(['12V', '24V', '36V', '42V'][i] ?? ''),
    })),
    key: 'D',
  },
  mc1: {
    type: 'multiple_choice',
    ...common,
    stem: itemBodyFromText('下列属于绝缘材料的有'),
    options: (['A', 'B', 'C', 'D', 'E'] as const).map((id, i) => ({
      id,
      content: itemBodyFromText(['橡胶', '铜', '云母', '陶瓷', '铝'][i] ?? ''),
    })),
    key: ['A', 'C', 'D'],
  },
  fb1: {
    type: 'fill_blank',
    ...common,
    stem: itemBody(
      contentBuilders.paragraph('欧姆定律的表达式为', contentBuilders.blank('b1'), '。'),
    ),
    key: { b1: ['I=U/R'] },
  },
};

export function samplePackagePaper(): PackagePaper {
  const paper = PaperSchema.parse({
    id: 'paper-dg-3-2026a',
    title: '电工（三级）理论知识考试 A卷',
    standard: { occupationCode: '6-31-01-03', version: '2018' },
    level: 3,
    durationMinutes: 90,
    fullMarks: 4,
    passMark: 2.4,
    sections: [
      {
        title: '一、判断题',
        itemType: 'true_false',
        pointsEach: 0.5,
        items: [{ itemId: 'tf1', version: 1 }],
      },
      {
        title: '二、单选题',
        itemType: 'single_choice',
        pointsEach: 0.5,
        items: [{ itemId: 'sc1', version: 2 }],
      },
      {
        title: '三、多选题',
        itemType: 'multiple_choice',
        pointsEach: 1,
        scoringPolicy: 'partial',
        items: [{ itemId: 'mc1', version: 1 }],
      },
      {
        title: '四、填空题',
        itemType: 'fill_blank',
        pointsEach: 2,
        items: [{ itemId: 'fb1', version: 1 }],
      },
    ],
  });
  const contentOf = (ref: ItemVersionRef): ItemContent => {
    const content = contents[ref.itemId];
    if (content === undefined) throw new Error(`no content for ${ref.itemId}`);
    return content;
  };
  return buildPackagePaper(paper, contentOf);
}

export interface PackageFixture {
  readonly bytes: Uint8Array;
  readonly signer: PemKeyPair;
  readonly server: PemKeyPair;
  readonly input: PackagePaper;
}

export const NOW = new Date('2026-06-01T08:00:00.000Z');

export async function makePackage(
  keys: { signer?: PemKeyPair; server?: PemKeyPair } = {},
): Promise<PackageFixture> {
  const signer = keys.signer ?? generateSigningKeyPair();
  const server = keys.server ?? generateServerKeyPair();
  const input = samplePackagePaper();
  const bytes = await writeExamPackage({
    ...input,
    assets: new Map([[IMAGE_HASH, IMAGE_BYTES]]),
    signerPrivateKeyPem: signer.privateKeyPem,
    recipientPublicKeyPem: server.publicKeyPem,
    now: NOW,
  });
  return { bytes, signer, server, input };
}

/** Rewrites the archive with `edit` applied to its entries (order kept, new ones appended). */
export async function rezip(
  bytes: Uint8Array,
  edit: (entries: Map<string, Uint8Array>) => void,
): Promise<Uint8Array> {
  const entries = await readZip(bytes);
  edit(entries);
  return writeZip([...entries].map(([name, data]) => ({ name, data })));
}

export function flipByte(data: Uint8Array, index: number): Uint8Array {
  const copy = new Uint8Array(data);
  const at = index % copy.length;
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

/**
 * What an insider holding the signing key could do: replace parts and re-sign a manifest
 * that lists the new hashes. Used to reach the checks behind the signature.
 */
export function resign(entries: Map<string, Uint8Array>, signerPrivateKeyPem: string): void {
  const manifestBytes = entries.get('manifest.json');
  if (manifestBytes === undefined) throw new Error('no manifest');
  const manifest = ExamPackageManifestSchema.parse(
    JSON.parse(new TextDecoder().decode(manifestBytes)),
  );
  const parts = Object.fromEntries(
    [...entries]
      .filter(([name]) => name !== 'manifest.json' && name !== 'signature.json')
      .map(([name, data]) => [
        name,
        { sha256: createHash('sha256').update(data).digest('hex'), size: data.length },
      ]),
  );
  const next = canonicalJsonBytes({ ...manifest, parts });
  const signatureFile = SignatureFileSchema.parse(
    JSON.parse(new TextDecoder().decode(entries.get('signature.json') ?? new Uint8Array())),
  );
  const signature = sign(null, next, privateKeyFromPem(signerPrivateKeyPem, 'ed25519')).toString(
    'base64',
  );
  entries.set('manifest.json', next);
  entries.set('signature.json', canonicalJsonBytes({ ...signatureFile, signature }));
}
