import { createHash, createPublicKey } from 'node:crypto';
import { canonicalJson, keyIdOf } from '@skillexam/item-bank/exam-package';
import {
  checkResultsDerivation,
  ResultsPackageSchema,
  verifyResultsPackage,
  type DerivedScore,
  type ResultsPayload,
} from '@skillexam/item-bank/results-package';
import { refuse } from './ingest-refusal';

/*
 * The pure steps of ingesting a results package (docs/decisions/1011-results-ingest.md):
 * read the envelope, verify it against the enrolled site's key, check that the payload names
 * that site, and re-derive every score. No IO: ingest-service.ts runs them and writes.
 */

/** 64 MiB: a 5,000-candidate × 200-item session with its chain links stays far below. */
export const MAX_PACKAGE_BYTES = 64 * 1024 * 1024;

/** The signer's key id, read before anything is trusted (to find the enrolled site). */
export function signerKeyIdOf(bytes: Uint8Array, maxBytes = MAX_PACKAGE_BYTES): string {
  if (bytes.byteLength > maxBytes)
    refuse(
      'TOO_LARGE',
      `成绩包 ${bytes.byteLength} 字节，超过上限 ${maxBytes} 字节 (package larger than the limit)`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    refuse('MALFORMED', '不是有效的 JSON 文件 (not a JSON file)');
  }
  const envelope = ResultsPackageSchema.safeParse(parsed);
  if (!envelope.success)
    refuse(
      'MALFORMED',
      `成绩包格式不对 (not a results package): ${envelope.error.issues[0]?.path.join('.') ?? ''} ${envelope.error.issues[0]?.message ?? ''}`,
    );
  return envelope.data.signature.keyId;
}

export interface VerifiedPackage {
  readonly payload: ResultsPayload;
  readonly version: 1 | 2 | 3;
  readonly sha256: string;
}

/** Hash, signature (by the enrolled key only) and payload schema. */
export function verifyEnvelope(bytes: Uint8Array, sitePublicKeyPem: string): VerifiedPackage {
  const verified = verifyResultsPackage(bytes, [sitePublicKeyPem]);
  if (!verified.ok) refuse(verified.code, verified.message);
  return { payload: verified.payload, version: verified.version, sha256: verified.sha256 };
}

/** The payload must name the site whose key signed it (a package from A claiming B is refused). */
export function checkSiteClaims(
  payload: ResultsPayload,
  site: { readonly name: string; readonly keyId: string },
): void {
  if (payload.site.serverKeyId !== site.keyId)
    refuse(
      'SITE_MISMATCH',
      `成绩包自称考点密钥 ${payload.site.serverKeyId}，签名的却是考点「${site.name}」的密钥 ${site.keyId} (payload names another site's key)`,
    );
  if (payload.site.name !== site.name)
    refuse(
      'SITE_MISMATCH',
      `成绩包的考点名称「${payload.site.name}」与登记的「${site.name}」不符 (site name differs from the enrolled one)`,
    );
  const auditPem = payload.audit?.publicKeyPem;
  if (auditPem !== undefined) {
    let auditKeyId: string;
    try {
      auditKeyId = keyIdOf(createPublicKey(auditPem));
    } catch {
      refuse('PAYLOAD_INVALID', '成绩包内的审计公钥无法读取 (audit public key unreadable)');
    }
    if (auditKeyId !== site.keyId)
      refuse(
        'SITE_MISMATCH',
        `成绩包的审计公钥 ${auditKeyId} 不是考点登记的 ${site.keyId} (audit key is not the enrolled one)`,
      );
  }
}

/** At most this many problems are named in one refusal. */
const NAMED_PROBLEMS = 5;

/**
 * Every sat candidate's score recomputed from the package's answers, keys and manual marks;
 * the package's own figures must agree, else it is refused naming the candidates.
 */
export function deriveScores(
  payload: ResultsPayload,
  version: 1 | 2 | 3,
): ReadonlyMap<string, DerivedScore> {
  if (version === 1 || payload.answerKeys === undefined || payload.audit === undefined)
    refuse(
      'NOT_DERIVABLE',
      '第 1 版成绩包没有答案和审计链头，中心无法重算成绩，请在考点重新导出 (version 1: nothing to re-derive from; export again)',
    );
  const report = checkResultsDerivation(payload);
  if (report.problems.length > 0) {
    const named = report.problems.slice(0, NAMED_PROBLEMS).map((p) => p.problem);
    const more = report.problems.length - named.length;
    refuse(
      'DERIVATION_MISMATCH',
      `成绩与按答案重算的结果不符，共 ${report.problems.length} 处 (scores disagree with the answers): ${named.join('；')}${more > 0 ? `；另 ${more} 处` : ''}`,
    );
  }
  if (report.notes.length > 0)
    refuse(
      'NOT_RECOMPUTABLE',
      `${report.notes.length} 名考生的成绩是升级时沿用的旧成绩，中心无法重算 (scores adopted at the site's upgrade cannot be re-derived): ${report.notes[0]?.problem ?? ''}`,
    );
  return report.derived;
}

/** SHA-256 of the canonical answer keys (identifies the paper version). */
export function answerKeysSha256(payload: ResultsPayload): string {
  return createHash('sha256').update(canonicalJson(payload.answerKeys), 'utf8').digest('hex');
}

export interface TheoryResultRow {
  readonly admissionTicket: string;
  readonly name: string;
  readonly idNumber: string;
  readonly roomName: string;
  readonly seat: number;
  readonly status: 'normal' | 'absent' | 'voided';
  readonly total: number | null;
  readonly result: 'pass' | 'fail' | 'pending' | null;
  readonly answers: unknown;
  readonly itemPoints: readonly number[] | null;
  readonly answerSeconds: number | null;
}

/** One row per roster entry, the scores being the centre's own. */
export function theoryRowsOf(
  payload: ResultsPayload,
  derived: ReadonlyMap<string, DerivedScore>,
): TheoryResultRow[] {
  const tickets = new Set<string>();
  for (const candidate of payload.candidates) {
    if (tickets.has(candidate.admissionTicketNumber))
      refuse(
        'PAYLOAD_INVALID',
        `准考证号 ${candidate.admissionTicketNumber} 出现两次 (admission ticket listed twice)`,
      );
    tickets.add(candidate.admissionTicketNumber);
  }
  return payload.candidates.map((candidate) => {
    const score =
      candidate.status === 'normal' ? derived.get(candidate.admissionTicketNumber) : undefined;
    if (candidate.status === 'normal' && score === undefined)
      refuse(
        'DERIVATION_MISMATCH',
        `考生 ${candidate.admissionTicketNumber} 状态为正常却没有可重算的成绩 (sat but no score to re-derive)`,
      );
    return {
      admissionTicket: candidate.admissionTicketNumber,
      name: candidate.name,
      idNumber: candidate.idNumber,
      roomName: candidate.roomName,
      seat: candidate.seat,
      status: candidate.status,
      total: score?.total ?? null,
      result: score?.result ?? null,
      answers: candidate.answers ?? null,
      itemPoints: score?.itemPoints ?? null,
      answerSeconds: candidate.answerSeconds ?? null,
    };
  });
}
