export { canonicalJson, canonicalJsonBytes, type JsonValue } from './canonical-json';
export {
  EXAM_PACKAGE_ERROR_CODES,
  ExamPackageError,
  isExamPackageError,
  type ExamPackageErrorCode,
} from './exam-package-error';
export {
  generateServerKeyPair,
  generateSigningKeyPair,
  keyIdOf,
  privateKeyFromPem,
  publicKeyFromPem,
  type PemKeyPair,
  type TrustedKey,
} from './key-pairs';
export {
  ExamPackageManifestSchema,
  EXAMPKG_FORMAT,
  EXAMPKG_VERSION,
  type ExamPackageManifest,
  type ManifestSection,
} from './manifest';
export { buildPackagePaper, type PackagePaper } from './package-paper';
export {
  decryptAsset,
  decryptCandidateContent,
  openExamPackage,
  verifyExamPackage,
  type OpenedExamPackage,
  type OpenExamPackageOptions,
  type VerifyExamPackageOptions,
  type VerifyExamPackageResult,
} from './read-exam-package';
export {
  contentKeyIdOf,
  sha256Hex,
  writeExamPackage,
  type WriteExamPackageInput,
} from './write-exam-package';
export {
  DEFAULT_ZIP_LIMITS as EXAM_PACKAGE_ZIP_LIMITS,
  type ZipLimits as ExamPackageZipLimits,
} from './zip-archive';
