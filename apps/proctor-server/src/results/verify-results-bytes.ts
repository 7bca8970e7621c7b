import type { ResultsVerifyReport } from '@skillexam/shared';
import {
  checkResultsDerivation,
  ResultsPackageSchema,
  verifyResultsPackage,
} from '@skillexam/item-bank/results-package';

/*
 * Checks a results package: the envelope signature, the chain-head signature and every score
 * re-derived from the answers (docs/decisions/0214). The one function behind
 * `proctor-server results verify` and the console's 核对成绩包 (docs/decisions/0992).
 */

export type { ResultsVerifyReport } from '@skillexam/shared';

/** The audit key the package names (then compare its id with the paper copy). */
function embeddedSigner(bytes: Uint8Array): string[] {
  try {
    const envelope = ResultsPackageSchema.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
    const payload = envelope.payload as { audit?: { publicKeyPem?: unknown } };
    const pem = payload.audit?.publicKeyPem;
    return typeof pem === 'string' ? [pem] : [];
  } catch {
    return [];
  }
}

/** Checks and re-derives a results package; `trustPem` pins the signer, else the embedded key. */
export function verifyResultsBytes(bytes: Uint8Array, trustPem?: string): ResultsVerifyReport {
  const envelope = verifyResultsPackage(
    bytes,
    trustPem === undefined ? embeddedSigner(bytes) : [trustPem],
  );
  if (!envelope.ok)
    return {
      ok: false,
      candidates: 0,
      problems: [{ ticket: '', problem: `${envelope.code}: ${envelope.message}` }],
      notes: [],
    };
  const { problems, notes } = checkResultsDerivation(envelope.payload);
  const head = envelope.payload.audit?.head;
  return {
    ok: problems.length === 0,
    ...(envelope.keyId === undefined ? {} : { keyId: envelope.keyId }),
    ...(head === undefined ? {} : { chainHead: { seq: head.seq, hash: head.hash } }),
    candidates: envelope.payload.candidates.length,
    problems: [...problems],
    notes: [...notes],
  };
}

/** The report as `results verify` prints it (the console shows the same lines). */
export function verifyReportLines(report: ResultsVerifyReport): string[] {
  return [
    report.ok
      ? `成绩包核对通过: ${report.candidates} 名考生, 签名密钥 ${report.keyId ?? '?'}, 审计链头 #${report.chainHead?.seq ?? '?'} ${report.chainHead?.hash ?? ''}`
      : `成绩包核对失败 (results package refused): ${report.problems.length} 处问题`,
    ...report.problems.map((p) => `  ${p.problem}`),
    ...report.notes.map((n) => `  注意 (note): ${n.problem}`),
  ];
}
