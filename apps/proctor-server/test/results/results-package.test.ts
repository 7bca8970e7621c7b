import { generateSigningKeyPair } from '@skillexam/item-bank';
import { describe, expect, it } from 'vitest';
import { buildResultsPayload } from '../../src/results/build-results-payload';
import { signResultsPackage, verifyResultsPackage } from '@skillexam/item-bank/results-package';
import { keys, results, session } from './results-fixture';

const siteKey = generateSigningKeyPair();
const payload = buildResultsPayload({
  session,
  keys,
  results,
  serverKeyId: siteKey.keyId,
  generatedAt: new Date('2026-06-01T04:00:00Z'),
});

function edit(bytes: Uint8Array, change: (envelope: Record<string, unknown>) => void): Uint8Array {
  const envelope = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  change(envelope);
  return new TextEncoder().encode(JSON.stringify(envelope));
}

describe('results package', () => {
  it('summarises the session', () => {
    expect(payload.summary).toEqual({
      registered: 6,
      sat: 4,
      absent: 1,
      voided: 1,
      passed: 1,
      pending: 1,
    });
    const zhang = payload.candidates.find((c) => c.name === '张三');
    expect(zhang).toMatchObject({
      total: 21,
      result: 'pass',
      sectionPoints: [4, 4, 4, 4, 5],
      idNumber: '110101199003071234',
    });
    const absent = payload.candidates.find((c) => c.status === 'absent');
    expect(absent?.total).toBeUndefined();
    const wang = payload.candidates.find((c) => c.name === '王五');
    expect(wang?.unmarkedItems).toEqual([7]);
    expect(wang?.itemPoints).toEqual([0, 0, 2, 0, 0, 0, 0]);
    expect(zhang?.itemPoints).toEqual([2, 2, 2, 2, 4, 4, 5]);
    expect(zhang?.unmarkedItems).toBeUndefined();
    expect(payload.items.map((i) => `${i.number}:${i.itemId}@${i.version}/${i.maxPoints}`)).toEqual(
      ['1:tf1@1/2', '2:tf2@3/2', '3:sc1@1/2', '4:sc2@1/2', '5:mc1@2/4', '6:fb1@1/4', '7:sa1@1/6'],
    );
  });

  it('verifies when untouched, whatever the JSON formatting', () => {
    const bytes = signResultsPackage(payload, siteKey.privateKeyPem);
    const result = verifyResultsPackage(bytes, [siteKey.publicKeyPem]);
    expect(result).toMatchObject({ ok: true, keyId: siteKey.keyId });
    if (result.ok) expect(result.payload).toEqual(payload);
    const reformatted = edit(bytes, () => undefined);
    expect(verifyResultsPackage(reformatted, [siteKey.publicKeyPem]).ok).toBe(true);
  });

  it('detects an edited score, a recomputed hash, another signer and garbage', () => {
    const bytes = signResultsPackage(payload, siteKey.privateKeyPem);
    const edited = edit(bytes, (envelope) => {
      const p = envelope['payload'] as { candidates: { total?: number }[] };
      const first = p.candidates[0];
      if (first !== undefined) first.total = 99;
    });
    expect(verifyResultsPackage(edited, [siteKey.publicKeyPem])).toMatchObject({
      ok: false,
      code: 'HASH_MISMATCH',
    });

    const forger = generateSigningKeyPair();
    const forged = signResultsPackage(
      { ...payload, summary: { ...payload.summary, passed: 3 } },
      forger.privateKeyPem,
    );
    expect(verifyResultsPackage(forged, [siteKey.publicKeyPem])).toMatchObject({
      ok: false,
      code: 'SIGNER_UNTRUSTED',
    });
    const borrowedId = edit(forged, (envelope) => {
      (envelope['signature'] as { keyId: string }).keyId = siteKey.keyId;
    });
    expect(verifyResultsPackage(borrowedId, [siteKey.publicKeyPem])).toMatchObject({
      ok: false,
      code: 'SIGNATURE_INVALID',
    });

    expect(
      verifyResultsPackage(new TextEncoder().encode('{'), [siteKey.publicKeyPem]),
    ).toMatchObject({ code: 'MALFORMED' });
    expect(
      verifyResultsPackage(new TextEncoder().encode('{"format":"x"}'), [siteKey.publicKeyPem]),
    ).toMatchObject({ code: 'MALFORMED' });
  });

  it('refuses to sign an invalid payload or with a wrong key type', () => {
    expect(() =>
      signResultsPackage({ ...payload, generatedAt: 'yesterday' }, siteKey.privateKeyPem),
    ).toThrow();
  });
});
