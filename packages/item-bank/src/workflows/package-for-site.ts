import { CodedError, paperAssetHashes, silentProgress, type Progress } from '@skillexam/shared';
import type { PaperRecord } from '../assembly/paper-record';
import { publicKeyFromPem } from '../exam-package/key-pairs';
import { buildPackagePaper } from '../exam-package/package-paper';
import { writeExamPackage } from '../exam-package/write-exam-package';
import { pinnedContents } from '../paper-pdf/pinned-contents';
import { requireRole, type Actor } from './actor';
import { ASSEMBLE_ROLES, recordForms, type PaperDeps } from './assemble-forms';

/*
 * 打包: one assembled paper → a signed, encrypted .exampkg for one exam site. A paper that leaves
 * the building always counts as exposed, so packaging records it in the bank when it is not yet
 * (which is why it needs the same role as assembling).
 */

export interface SitePackageRequest {
  readonly record: PaperRecord;
  /** The bank's Ed25519 signing key (PEM), read only once the role and site key are checked. */
  readonly readSigningKey: () => string;
  /** The exam site's X25519 public key (PEM). */
  readonly recipientPublicKeyPem: string;
  /** `packaging`: items, then pictures, written into the package (docs/decisions/0942). */
  readonly progress?: Progress;
}

export interface SitePackage {
  readonly bytes: Uint8Array;
  /** Images carried in the package. */
  readonly assets: number;
  /** The paper was recorded by this packaging (it was not in the bank yet). */
  readonly newlyRecorded: boolean;
}

function checkSiteKey(pem: string): void {
  try {
    publicKeyFromPem(pem, 'x25519');
  } catch {
    throw new CodedError(
      'BAD_REQUEST',
      '考点公钥无效：应为考点服务器的 X25519 公钥 PEM（proctor-server package key 生成）',
    );
  }
}

export async function packageForSite(
  deps: PaperDeps,
  actor: Actor,
  request: SitePackageRequest,
): Promise<SitePackage> {
  requireRole(actor, ASSEMBLE_ROLES);
  checkSiteKey(request.recipientPublicKeyPem);
  const { record } = request;
  const progress = request.progress ?? silentProgress;
  const contents = pinnedContents(deps.items, record.paper);
  const items = progress.phase('packaging', { label: record.paper.id, total: contents.size });
  const packed = new Set<string>();
  const input = buildPackagePaper(record.paper, (ref) => {
    const content = contents.get(ref.itemId);
    if (content === undefined) throw new CodedError('NOT_FOUND', `试题 ${ref.itemId} 的内容缺失`);
    // Each item is asked for twice (candidate copy, answer key): counted once.
    if (!packed.has(ref.itemId)) {
      packed.add(ref.itemId);
      items.advance();
    }
    return content;
  });
  items.end();
  const hashes = paperAssetHashes(input.candidatePaper);
  const pictures = progress.phase('packaging', {
    label: `${record.paper.id} 图片`,
    total: hashes.length,
    unit: 'files',
  });
  const assets = new Map<string, Uint8Array>();
  for (const hash of hashes) {
    const asset = deps.items.getAsset(hash);
    if (asset === undefined) throw new CodedError('NOT_FOUND', `试卷用到的图片 ${hash} 不在题库中`);
    assets.set(hash, asset.bytes);
    pictures.advance();
  }
  pictures.end();
  const bytes = await writeExamPackage({
    ...input,
    assets,
    signerPrivateKeyPem: request.readSigningKey(),
    recipientPublicKeyPem: request.recipientPublicKeyPem,
    now: new Date(deps.clock()),
  });
  // The last moment to cancel: after this the paper is recorded as exposed.
  progress.check();
  const recorded = recordForms(deps, actor, [record], { onlyNew: true });
  return { bytes, assets: assets.size, newlyRecorded: recorded.length > 0 };
}
