import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../audit/audit-log';
import type { CenterPrincipal } from '../auth/center-roles';
import { readIngestRecord } from '../audit/audit-repository';
import type { CenterDb, Queryable } from '../db/center-db';
import {
  insertChainAlert,
  lockSite,
  setSiteChainHead,
  siteByKeyId,
  type SiteRow,
} from '../sites/site-repository';
import { continuity, type ContinuityVerdict } from './chain-continuity';
import {
  answerKeysSha256,
  checkSiteClaims,
  deriveScores,
  MAX_PACKAGE_BYTES,
  signerKeyIdOf,
  theoryRowsOf,
  verifyEnvelope,
  type VerifiedPackage,
} from './ingest-package';
import {
  currentPackageOfSession,
  insertExamPaper,
  insertPackage,
  insertTheoryResults,
  packageBySha256,
  supersedePackage,
} from './ingest-repository';
import { IngestRefusal, refuse } from './ingest-refusal';

/*
 * Ingests one results package (docs/decisions/1011-results-ingest.md): verify against the
 * enrolled site's key, re-derive every score, check chain continuity under the site's row lock,
 * then write the package, its results, its paper and the audit record in one transaction.
 * A refusal writes nothing — except that a forked chain head is recorded as an alert.
 */

/** Who hands the package in. */
export type IngestUploader =
  | { readonly kind: 'staff'; readonly principal: CenterPrincipal }
  /** The site's own push: the signature by the enrolled key is the credential (decision 1013). */
  | { readonly kind: 'site' }
  /** `center ingest` on the centre's machine (operator with store access). */
  | { readonly kind: 'cli'; readonly user: string };

export interface IngestOutcome {
  readonly status: 'ingested' | 'already_ingested';
  readonly packageId: string;
  readonly sha256: string;
  readonly site: { readonly id: string; readonly name: string };
  readonly sessionId: string;
  readonly examId: string;
  readonly candidates: number;
  readonly chainHead: { readonly seq: number; readonly hash: string };
  /**
   * The centre's receipt: its own audit record of taking the package in (the first one, when the
   * package comes again). The site keeps it as an anchor of the centre's chain outside the
   * centre's database (docs/decisions/1070-center-audit-anchored-by-witnesses.md).
   */
  readonly centreReceipt?: { readonly seq: number; readonly hash: string };
  /** The earlier package of the same session this one replaced. */
  readonly supersedes?: string;
}

export interface IngestDeps {
  readonly db: CenterDb;
  readonly audit: AuditLog;
  readonly now: () => Date;
}

function actorOf(uploader: IngestUploader, site: SiteRow): string {
  if (uploader.kind === 'staff') return uploader.principal.username;
  return uploader.kind === 'site' ? `site:${site.id}` : `cli:${uploader.user}`;
}

function authorise(uploader: IngestUploader, site: SiteRow): void {
  if (uploader.kind !== 'staff') return;
  const { principal } = uploader;
  if (principal.role !== 'org_staff' || principal.organisationId !== site.organisation_id)
    refuse(
      'UPLOADER_FORBIDDEN',
      `只有考点「${site.name}」所属评价机构的人员可以上传它的成绩包 (only staff of the site's organisation may upload its packages)`,
    );
}

export async function ingestPackage(
  deps: IngestDeps,
  uploader: IngestUploader,
  bytes: Uint8Array,
  maxBytes = MAX_PACKAGE_BYTES,
): Promise<IngestOutcome> {
  const keyId = signerKeyIdOf(bytes, maxBytes);
  const site = await siteByKeyId(deps.db, keyId);
  if (site === undefined)
    refuse(
      'SIGNER_UNTRUSTED',
      `签名密钥 ${keyId} 不属于任何已登记的考点 (signer is not an enrolled site)`,
    );
  authorise(uploader, site);
  const verified = verifyEnvelope(bytes, site.public_key_pem);
  const existing = await packageBySha256(deps.db, verified.sha256);
  if (existing !== undefined) return already(deps.db, existing.id, verified, site);
  const { payload } = verified;
  checkSiteClaims(payload, { name: site.name, keyId: site.key_id });
  const rows = theoryRowsOf(payload, deriveScores(payload, verified.version));
  try {
    return await deps.db.transaction(async (tx) => {
      const locked = await lockSite(tx, site.id);
      const again = await packageBySha256(tx, verified.sha256);
      if (again !== undefined) return already(tx, again.id, verified, site);
      const known =
        locked.chain_seq === null || locked.chain_hash === null
          ? undefined
          : { seq: locked.chain_seq, hash: locked.chain_hash };
      const verdict = continuity(payload, known);
      refuseBroken(verdict, known, payload.audit?.head);
      const head = payload.audit?.head;
      if (head === undefined) refuse('CHAIN_UNPROVEN', '成绩包没有审计链头 (no chain head)');
      const packageId = randomUUID();
      const previous = await currentPackageOfSession(tx, site.id, payload.session.id);
      if (previous !== undefined) await supersedePackage(tx, previous.id, packageId);
      await insertPackage(tx, {
        id: packageId,
        siteId: site.id,
        sha256: verified.sha256,
        formatVersion: verified.version,
        sessionId: payload.session.id,
        sessionName: payload.session.name,
        sessionStartsAt: new Date(payload.session.startsAt),
        examId: payload.exam.id,
        examTitle: payload.exam.title,
        occupationAndLevel: payload.exam.occupationAndLevel,
        generatedAt: new Date(payload.generatedAt),
        receivedAt: deps.now(),
        receivedBy: actorOf(uploader, site),
        byteSize: bytes.byteLength,
        chainSeq: head.seq,
        chainHash: head.hash,
        candidates: rows.length,
      });
      await insertTheoryResults(
        tx,
        {
          packageId,
          siteId: site.id,
          sessionId: payload.session.id,
          examId: payload.exam.id,
          occupationAndLevel: payload.exam.occupationAndLevel,
          fullMarks: payload.exam.fullMarks,
        },
        rows,
      );
      await insertExamPaper(tx, {
        examId: payload.exam.id,
        keysSha256: answerKeysSha256(payload),
        title: payload.exam.title,
        occupationAndLevel: payload.exam.occupationAndLevel,
        fullMarks: payload.exam.fullMarks,
        passMark: payload.exam.passMark,
        answerKeys: payload.answerKeys,
        items: payload.items,
        sections: payload.sections,
        packageId,
      });
      if (known === undefined || head.seq > known.seq) await setSiteChainHead(tx, site.id, head);
      await deps.audit.append(tx, {
        actor: actorOf(uploader, site),
        action: 'package.ingest',
        subject: verified.sha256,
        details: {
          packageId,
          siteId: site.id,
          sessionId: payload.session.id,
          examId: payload.exam.id,
          candidates: rows.length,
          chainSeq: head.seq,
          chainHash: head.hash,
          ...(previous === undefined ? {} : { supersedes: previous.id }),
        },
      });
      return {
        status: 'ingested' as const,
        packageId,
        sha256: verified.sha256,
        site: { id: site.id, name: site.name },
        sessionId: payload.session.id,
        examId: payload.exam.id,
        candidates: rows.length,
        chainHead: { seq: head.seq, hash: head.hash },
        ...(await receipt(tx, verified.sha256)),
        ...(previous === undefined ? {} : { supersedes: previous.id }),
      };
    });
  } catch (error) {
    if (error instanceof IngestRefusal && error.reason === 'CHAIN_FORK')
      await flagFork(deps, site, verified, error.message);
    throw error;
  }
}

/** The package's (first) ingest record, as the receipt the site keeps. */
async function receipt(
  db: Queryable,
  sha256: string,
): Promise<{ centreReceipt?: { seq: number; hash: string } }> {
  const record = await readIngestRecord(db, sha256);
  return record === undefined ? {} : { centreReceipt: record };
}

async function already(
  db: Queryable,
  packageId: string,
  verified: VerifiedPackage,
  site: SiteRow,
): Promise<IngestOutcome> {
  const head = verified.payload.audit?.head;
  return {
    ...(await receipt(db, verified.sha256)),
    status: 'already_ingested',
    packageId,
    sha256: verified.sha256,
    site: { id: site.id, name: site.name },
    sessionId: verified.payload.session.id,
    examId: verified.payload.exam.id,
    candidates: verified.payload.candidates.length,
    chainHead: { seq: head?.seq ?? 0, hash: head?.hash ?? '' },
  };
}

function refuseBroken(
  verdict: ContinuityVerdict,
  known: { seq: number; hash: string } | undefined,
  head: { seq: number; hash: string } | undefined,
): void {
  const k = known === undefined ? '' : `#${known.seq} ${known.hash.slice(0, 12)}…`;
  switch (verdict.kind) {
    case 'first':
    case 'same-head':
    case 'extends':
      return;
    case 'stale':
      return refuse(
        'CHAIN_STALE',
        `成绩包的审计链头 #${head?.seq ?? '?'} 早于该考点已接收的 ${k}，审计序号不能倒退；请在考点重新导出 (package older than the site's last accepted head; export it again)`,
      );
    case 'fork':
      return refuse(
        'CHAIN_FORK',
        `审计链分叉：考点已上报的 ${k} 在本包中为 ${verdict.theirs.slice(0, 12)}…，已记录告警 (chain fork: this package contradicts a head the site reported before; flagged)`,
      );
    case 'gap':
      return refuse(
        'CHAIN_GAP',
        `成绩包的审计链记录从 #${verdict.fromSeq} 开始，未覆盖该考点已接收的链头 ${k}，无法证明延续；请在考点重新导出 (chain links do not reach back to the last accepted head; export again)`,
      );
    case 'unproven':
      return refuse(
        'CHAIN_UNPROVEN',
        `成绩包没有能证明延续链头 ${k} 的审计链记录（需第 3 版）(no chain links proving the head extends the last accepted one: version 3 needed)`,
      );
  }
}

/** Keeps the contradiction for supervisors (own transaction: the package itself is refused). */
async function flagFork(
  deps: IngestDeps,
  site: SiteRow,
  verified: VerifiedPackage,
  detail: string,
): Promise<void> {
  const head = verified.payload.audit?.head;
  await deps.db.transaction(async (tx) => {
    const locked = await lockSite(tx, site.id);
    if (locked.chain_seq === null || locked.chain_hash === null || head === undefined) return;
    const added = await insertChainAlert(tx, {
      site_id: site.id,
      detected_at: deps.now(),
      package_sha256: verified.sha256,
      known_seq: locked.chain_seq,
      known_hash: locked.chain_hash,
      claimed_seq: head.seq,
      claimed_hash: head.hash,
      detail,
    });
    if (added)
      await deps.audit.append(tx, {
        actor: 'system',
        action: 'site.chain-fork',
        subject: site.id,
        details: {
          packageSha256: verified.sha256,
          knownSeq: locked.chain_seq,
          claimedSeq: head.seq,
        },
      });
  });
}
