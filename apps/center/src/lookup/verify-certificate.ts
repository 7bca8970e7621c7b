import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  isCertificateNumber,
  LEVEL_NAMES,
  type CertificateLevel,
} from '../certificates/certificate-number';
import { chinaDateText } from '../certificates/china-time';
import { maskIdNumber } from '../certificates/holder-id';
import type { Queryable } from '../db/center-db';
import { lookupCodeMatches } from './lookup-code';
import { findForLookup, readOrCreateLookupSecret, type LookupRow } from './lookup-repository';

/*
 * 证书查询: a certificate is shown to whoever gives its number and the holder's name (or the
 * last 4–6 characters of the ID number), or opens its QR link. "No such number", "does not
 * match" and "wrong code" give the same answer after the same work — one lookup by number,
 * one constant-time comparison — so neither numbers nor names can be enumerated
 * (docs/decisions/1025-public-lookup-without-enumeration.md).
 */

export interface PublicCertificate {
  readonly number: string;
  readonly name: string;
  readonly idType: string;
  readonly maskedIdNumber: string;
  readonly occupationName: string;
  readonly occupationCode: string;
  readonly jobType: string | undefined;
  readonly levelName: string;
  readonly organisationName: string;
  readonly issuedOn: string;
  readonly status: 'valid' | 'voided';
  readonly voidedOn: string | undefined;
}

/** A number that matches no certificate (serial 000000 is never issued), for equal work. */
const ABSENT_NUMBER = 'Y000000000000000000000';

const secrets = new WeakMap<object, Promise<Uint8Array>>();

/** The centre's QR secret, created on first use and cached per store. */
export function lookupSecret(
  db: Queryable,
  now: () => Date = () => new Date(),
): Promise<Uint8Array> {
  let secret = secrets.get(db);
  if (secret === undefined) {
    secret = readOrCreateLookupSecret(db, randomBytes(32), now());
    secrets.set(db, secret);
    secret.catch(() => secrets.delete(db));
  }
  return secret;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text.normalize('NFKC')).digest();
}

/** Name (exact, spaces ignored) or ID tail (4–6 characters, X in any case). */
function proofMatches(row: LookupRow | undefined, proof: string): boolean {
  const given = proof.replace(/\s+/g, '').toUpperCase();
  const isTail = /^[0-9X]{4,6}$/.test(given);
  const expected =
    row === undefined
      ? '\u0000absent'
      : isTail
        ? row.id_number.toUpperCase().slice(-given.length)
        : row.name.replace(/\s+/g, '').toUpperCase();
  return timingSafeEqual(digest(expected), digest(given)) && row !== undefined;
}

export function toPublic(row: LookupRow): PublicCertificate {
  return {
    number: row.number,
    name: row.name,
    idType: row.id_type,
    maskedIdNumber: maskIdNumber(row.id_number),
    occupationName: row.occupation_name,
    occupationCode: row.occupation_code,
    jobType: row.job_type ?? undefined,
    levelName: LEVEL_NAMES[row.level as CertificateLevel],
    organisationName: row.organisation_name,
    issuedOn: chinaDateText(row.issued_at),
    status: row.status,
    voidedOn: row.voided_at === null ? undefined : chinaDateText(row.voided_at),
  };
}

/** By number and name / ID tail: the certificate, or undefined for every kind of miss. */
export async function verifyByProof(
  db: Queryable,
  number: string,
  proof: string,
): Promise<PublicCertificate | undefined> {
  const wellFormed = isCertificateNumber(number);
  const row = await findForLookup(db, wellFormed ? number : ABSENT_NUMBER);
  return proofMatches(row, proof) && row !== undefined ? toPublic(row) : undefined;
}

/** By the QR link's number and code: the certificate, or undefined for every kind of miss. */
export async function verifyByCode(
  db: Queryable,
  number: string,
  code: string,
  now?: () => Date,
): Promise<PublicCertificate | undefined> {
  const secret = await lookupSecret(db, now);
  const wellFormed = isCertificateNumber(number);
  const codeOk = lookupCodeMatches(secret, wellFormed ? number : ABSENT_NUMBER, code);
  const row = await findForLookup(db, wellFormed ? number : ABSENT_NUMBER);
  return codeOk && row !== undefined ? toPublic(row) : undefined;
}
