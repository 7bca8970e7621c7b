import { generateKeyPairSync } from 'node:crypto';
import {
  linkedHashes,
  signResultsPackage,
  type ResultsPayload,
} from '@skillexam/item-bank/results-package';
import { expect, it } from 'vitest';
import { IngestRefusal, type IngestRefusalCode } from '../../src/ingest/ingest-refusal';
import { ingestRowCounts } from '../../src/ingest/ingest-repository';
import { ingestPackage, type IngestUploader } from '../../src/ingest/ingest-service';
import { chainAlerts } from '../../src/sites/site-repository';
import { describeStores, testContext } from '../support/center-db';
import type { FakeSite } from './fake-site';
import { addOrganisation, enrolledSite, orgStaff } from './ingest-fixtures';

/*
 * A hostile site, LAN or staff member (docs/decisions/1011, 1012): every attack is refused
 * with its own code, and nothing is written (rows counted before and after).
 */

const push: IngestUploader = { kind: 'site' };

function editedAfterSigning(
  bytes: Uint8Array,
  edit: (payload: ResultsPayload) => void,
): Uint8Array {
  const envelope = JSON.parse(Buffer.from(bytes).toString('utf8')) as { payload: ResultsPayload };
  edit(envelope.payload);
  return Buffer.from(JSON.stringify(envelope));
}

/** The payload with its first `cut` record headers dropped (still ending at the head). */
function cutLinks(payload: ResultsPayload, cut: number): ResultsPayload {
  const audit = payload.audit;
  if (audit?.links === undefined) throw new Error('no links');
  const all = linkedHashes(audit.links, audit.head);
  if (!all.ok) throw new Error(all.problem);
  const fromSeq = audit.links.fromSeq + cut;
  return {
    ...payload,
    audit: {
      ...audit,
      links: {
        fromSeq,
        prevHash: all.hashes.get(fromSeq - 1) ?? '',
        records: audit.links.records.slice(cut),
      },
    },
  };
}

function firstSat(payload: ResultsPayload) {
  const candidate = payload.candidates.find((c) => c.status === 'normal');
  if (candidate === undefined) throw new Error('no sat candidate');
  return candidate;
}

describeStores('ingest attacks', (getDb) => {
  const ctx = () => testContext(getDb());
  let org = 0;
  async function freshSite(): Promise<{ site: FakeSite; siteId: string; orgId: string }> {
    org += 1;
    const orgId = `org-a${org}`;
    await addOrganisation(getDb(), orgId);
    const { site, view } = await enrolledSite(ctx(), orgId, `考点 ${orgId}`);
    return { site, siteId: view.id, orgId };
  }

  async function refused(
    bytes: Uint8Array,
    code: IngestRefusalCode,
    pattern?: RegExp,
    uploader: IngestUploader = push,
    maxBytes?: number,
  ): Promise<void> {
    const before = await ingestRowCounts(getDb());
    const error = await ingestPackage(ctx(), uploader, bytes, maxBytes).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IngestRefusal);
    expect((error as IngestRefusal).reason).toBe(code);
    if (pattern !== undefined) expect((error as Error).message).toMatch(pattern);
    const after = await ingestRowCounts(getDb());
    if (code === 'CHAIN_FORK') {
      expect({ ...after, audit: before.audit }).toEqual(before);
    } else {
      expect(after).toEqual(before);
    }
  }

  it('tampered total: edited after signing, and re-signed by the site itself', async () => {
    const { site } = await freshSite();
    const signed = site.makePackage({ sessionId: 't1' });
    await refused(
      editedAfterSigning(signed, (p) => {
        firstSat(p).total = 99;
      }),
      'HASH_MISMATCH',
    );
    let ticket = '';
    let real = 0;
    const resigned = site.makePackage({
      sessionId: 't2',
      edit: (p) => {
        const c = firstSat(p);
        ticket = c.admissionTicketNumber;
        real = c.total ?? 0;
        c.total = real + 5;
      },
    });
    await refused(
      resigned,
      'DERIVATION_MISMATCH',
      new RegExp(`${ticket}.*成绩 ${real + 5} .*重算的 ${real} `),
    );
  });

  it('tampered answer, re-signed by the site: the chained score record no longer matches', async () => {
    const { site } = await freshSite();
    const bytes = site.makePackage({
      sessionId: 'a1',
      edit: (p) => {
        const c = firstSat(p);
        const answers = c.answers ?? {};
        // item 2 was answered right (the fake site gets every third item wrong)
        const itemId = Object.keys(answers).sort()[1];
        if (itemId === undefined) throw new Error('no answers');
        expect(answers[itemId]).not.toEqual({ kind: 'choice', selected: ['E'] });
        answers[itemId] = { kind: 'choice', selected: ['E'] };
      },
    });
    await refused(bytes, 'DERIVATION_MISMATCH', /不符/);
  });

  it('a package re-signed with an unenrolled key', async () => {
    const { site } = await freshSite();
    const payload = site.makePayload({ sessionId: 'k1' });
    const stranger = generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await refused(signResultsPackage(payload, stranger), 'SIGNER_UNTRUSTED');
  });

  it("site A's key claiming to be site B", async () => {
    const a = await freshSite();
    const b = await freshSite();
    const payload = a.site.makePayload({ sessionId: 'x1' });
    payload.site = { name: b.site.name, serverKeyId: b.site.keyId };
    await refused(signResultsPackage(payload, a.site.privateKeyPem), 'SITE_MISMATCH', /另|another/);
    const renamed = a.site.makePayload({ sessionId: 'x2' });
    renamed.site = { ...renamed.site, name: b.site.name };
    await refused(signResultsPackage(renamed, a.site.privateKeyPem), 'SITE_MISMATCH', /名称/);
  });

  it('staff of another organisation may not upload a site’s package', async () => {
    const a = await freshSite();
    const b = await freshSite();
    const bytes = a.site.makePackage({ sessionId: 'u1' });
    await refused(bytes, 'UPLOADER_FORBIDDEN', undefined, {
      kind: 'staff',
      principal: orgStaff(b.orgId),
    });
  });

  it('replay of an old package after a newer one', async () => {
    const { site } = await freshSite();
    const older = site.makePackage({ sessionId: 'p1' });
    const newer = site.makePackage({ sessionId: 'p2' });
    await ingestPackage(ctx(), push, newer);
    await refused(older, 'CHAIN_STALE', /倒退/);
    const counts = await ingestRowCounts(getDb());
    expect((await ingestPackage(ctx(), push, newer)).status).toBe('already_ingested');
    expect(await ingestRowCounts(getDb())).toEqual(counts);
  });

  it('a forked chain head is refused and flagged', async () => {
    const { site, siteId } = await freshSite();
    const accepted = await ingestPackage(ctx(), push, site.makePackage({ sessionId: 'f1' }));
    site.forkAt(accepted.chainHead.seq - 3);
    await refused(site.makePackage({ sessionId: 'f2', filler: 20 }), 'CHAIN_FORK', /分叉/);
    const alerts = await chainAlerts(getDb(), siteId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.known_seq).toBe(accepted.chainHead.seq);
    // a rewritten history ending at the same seq: same seq, another hash
    site.forkAt(accepted.chainHead.seq - 3);
    const sameSeq = site.makePayload({ sessionId: 'f3', filler: 0, candidates: 3 });
    expect(sameSeq.audit?.head.seq).toBe(accepted.chainHead.seq);
    await refused(signResultsPackage(sameSeq, site.privateKeyPem), 'CHAIN_FORK');
    expect(await chainAlerts(getDb(), siteId)).toHaveLength(2);
  });

  it('a newer head without links back to the accepted one', async () => {
    const { site } = await freshSite();
    await ingestPackage(ctx(), push, site.makePackage({ sessionId: 'g1' }));
    const unlinked = site.makePackage({ sessionId: 'g2', withoutLinks: true });
    await refused(unlinked, 'PAYLOAD_INVALID', /audit\.links/);
    // the envelope's version is not signed: as version 2 it passes, but proves no continuity
    const asV2 = JSON.parse(Buffer.from(unlinked).toString('utf8')) as { version: number };
    asV2.version = 2;
    await refused(Buffer.from(JSON.stringify(asV2)), 'CHAIN_UNPROVEN', /第 3 版|version 3/);
    // links starting after the accepted head (the filler records cut off): a gap
    const gap = site.makePayload({ sessionId: 'g3', filler: 10 });
    await refused(signResultsPackage(cutLinks(gap, 5), site.privateKeyPem), 'CHAIN_GAP', /未覆盖/);
    // links cut beyond the first score records: those records are not shown on the chain
    const short = site.makePayload({ sessionId: 'g4', filler: 0 });
    await refused(
      signResultsPackage(
        cutLinks(
          short,
          (firstSat(short).scoreRecord?.seq ?? 0) - (short.audit?.links?.fromSeq ?? 0) + 1,
        ),
        site.privateKeyPem,
      ),
      'DERIVATION_MISMATCH',
      /不在包内审计链上/,
    );
  });

  it('oversize uploads and malformed JSON', async () => {
    const { site } = await freshSite();
    const bytes = site.makePackage({ sessionId: 'o1' });
    await refused(bytes, 'TOO_LARGE', /上限/, push, bytes.byteLength - 1);
    await refused(Buffer.from('{"format":"skillexam-results", '), 'MALFORMED');
    await refused(Buffer.from('{"format":"skillexam-results","version":3}'), 'MALFORMED');
    await refused(Buffer.from([0xff, 0xfe, 0x00]), 'MALFORMED');
  });

  it('a version-1 package cannot be re-derived', async () => {
    const { site } = await freshSite();
    const payload = site.makePayload({ sessionId: 'v1' });
    delete payload.answerKeys;
    delete payload.audit;
    for (const c of payload.candidates) {
      delete c.answers;
      delete c.scoreRecord;
      delete c.attemptId;
      delete c.attemptStatus;
      delete c.answerSeconds;
    }
    await refused(signResultsPackage(payload, site.privateKeyPem), 'NOT_DERIVABLE');
  });
});
