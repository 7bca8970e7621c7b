/*
 * The results package (成绩上报包) contract shared by the site's proctor server (writer) and the
 * evaluation centre (reader): schema, signing and verification, the re-derivation of every
 * score, and the pure pieces they rest on. docs/formats/results-package.md, decision 1010.
 */
export {
  GENESIS_HASH,
  payloadHash,
  recordHash,
  sha256,
  type AuditRecord,
} from './audit-record-hash';
export {
  ChainLinksSchema,
  chainLinksOf,
  linkedHashes,
  type ChainLinks,
  type ChainRecordHeader,
  type LinkedHashes,
} from './chain-links';
export { RESULT_STATUS_LABELS, resultStatusOf, type ResultStatus } from './result-status';
export {
  checkResultsDerivation,
  type DerivationProblem,
  type DerivationReport,
  type DerivedScore,
} from './results-derivation';
export {
  RESULTS_PACKAGE_FORMAT,
  RESULTS_PACKAGE_VERSION,
  ResultsPackageSchema,
  signResultsPackage,
  verifyResultsPackage,
  type VerifyResultsPackageResult,
} from './results-package';
export {
  ResultsAuditSchema,
  ResultsPayloadSchema,
  type ResultsAudit,
  type ResultsPayload,
  type ResultsPayloadCandidate,
} from './results-payload-schema';
export {
  adoptedScoreRecordPayload,
  answerKeysHash,
  identityHash,
  SCORE_SAVE_ACTION,
  scoreRecordPayload,
  ScoreRecordPayloadSchema,
  type ScoreOwner,
  type ScoreRecordPayload,
} from './score-record';
