import { CodedError, type ErrorCode } from '@skillexam/shared';

/*
 * Why a results package is refused (docs/decisions/1011-results-ingest.md). Each refusal
 * changes nothing in the store; the message is Chinese first, English in parentheses, and
 * starts with the reason code so callers (CLI, `results push`) can tell them apart.
 */

export const INGEST_REFUSALS = {
  TOO_LARGE: 'BAD_REQUEST',
  MALFORMED: 'BAD_REQUEST',
  HASH_MISMATCH: 'BAD_REQUEST',
  SIGNER_UNTRUSTED: 'FORBIDDEN',
  SIGNATURE_INVALID: 'BAD_REQUEST',
  PAYLOAD_INVALID: 'BAD_REQUEST',
  NOT_DERIVABLE: 'BAD_REQUEST',
  SITE_MISMATCH: 'FORBIDDEN',
  UPLOADER_FORBIDDEN: 'FORBIDDEN',
  DERIVATION_MISMATCH: 'CONFLICT',
  NOT_RECOMPUTABLE: 'CONFLICT',
  CHAIN_STALE: 'CONFLICT',
  CHAIN_FORK: 'CONFLICT',
  CHAIN_GAP: 'CONFLICT',
  CHAIN_UNPROVEN: 'CONFLICT',
} as const satisfies Record<string, ErrorCode>;

export type IngestRefusalCode = keyof typeof INGEST_REFUSALS;

export class IngestRefusal extends CodedError {
  readonly reason: IngestRefusalCode;
  constructor(reason: IngestRefusalCode, message: string) {
    super(INGEST_REFUSALS[reason], `${reason}: ${message}`);
    this.name = 'IngestRefusal';
    this.reason = reason;
  }
}

export function refuse(reason: IngestRefusalCode, message: string): never {
  throw new IngestRefusal(reason, message);
}
