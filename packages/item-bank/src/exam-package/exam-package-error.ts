/*
 * Every way an exam package can be refused, each with the part it concerns. Messages are
 * Chinese first (they reach the exam admin in the console and the CLI), then English.
 */

export const EXAM_PACKAGE_ERROR_CODES = [
  /** Not a readable zip archive. */
  'ZIP_INVALID',
  /** An entry name that could escape the target folder (zip-slip) or is malformed. */
  'ZIP_UNSAFE_ENTRY',
  /** Too many entries, or an entry / the whole archive inflates beyond the limits (zip bomb). */
  'ZIP_TOO_LARGE',
  /** A part named by the format or the manifest is absent. */
  'PART_MISSING',
  /** An entry that the manifest does not list. */
  'PART_UNEXPECTED',
  /** A part whose SHA-256 differs from the one in the manifest. */
  'PART_HASH_MISMATCH',
  /** manifest.json, signature.json or keyring.json is not valid JSON of the expected shape. */
  'PART_MALFORMED',
  /** The signer's key is not among the trusted signing keys. */
  'SIGNER_UNTRUSTED',
  /** The Ed25519 signature over the manifest does not verify. */
  'SIGNATURE_INVALID',
  /** The package was encrypted for another site server. */
  'WRONG_SERVER_KEY',
  /** AES-256-GCM authentication failed: wrong key, or the ciphertext / IV / tag was altered. */
  'DECRYPT_FAILED',
  /** The decrypted paper or keys do not match their schema or each other. */
  'CONTENT_INVALID',
] as const;
export type ExamPackageErrorCode = (typeof EXAM_PACKAGE_ERROR_CODES)[number];

export class ExamPackageError extends Error {
  readonly code: ExamPackageErrorCode;
  /** The entry concerned, e.g. `content.enc`, when there is one. */
  readonly part: string | undefined;

  constructor(code: ExamPackageErrorCode, message: string, part?: string) {
    super(part === undefined ? message : `${part}: ${message}`);
    this.name = 'ExamPackageError';
    this.code = code;
    this.part = part;
  }
}

export function isExamPackageError(error: unknown): error is ExamPackageError {
  return error instanceof ExamPackageError;
}
