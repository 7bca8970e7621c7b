import { createHmac, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  candidateLoginProofFields,
  KioskEnrollmentSchema,
  kioskProofMessage,
} from '@skillexam/shared';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from '../test/support/clock';
import { kioskLoginBody, kioskProof, unenrolledPrivateKey } from '../test/support/enrolled-kiosk';
import { seedSession } from '../test/support/exam-fixture';
import { START } from '../test/support/running-session';
import { openStore } from '../src/db/store';
import { startTestServer, type TestServer } from '../test/support/util';

/*
 * A candidate with a script (or a laptop) instead of the exam kiosk: claiming to be a kiosk is
 * not enough; only a PC the exam admin enrolled can sit a session that forbids practice clients.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

async function setup(rules: Record<string, unknown> = {}) {
  const clock = new TestClock(START - 5 * 60_000);
  const s = await startTestServer({ now: clock.now });
  server = s;
  const seeded = seedSession(s.components.store, {
    count: 2,
    scheduledStart: START,
    now: clock.now(),
    rules,
  });
  const [c, d] = seeded.candidates;
  return { clock, s, c: c!, d: d! };
}

function rejections(s: TestServer): number {
  return (
    s.components.store.db
      .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'candidate.client-rejected'")
      .get() as { n: number }
  ).n;
}

describe('attested kiosks', () => {
  it('refuses a script that only claims to be a kiosk, and audits it', async () => {
    const { s, c } = await setup();
    const res = await s.post('/api/auth/candidate-login', {
      admissionTicketNumber: c.admissionTicketNumber,
      examCode: c.examCode,
      clientKind: 'kiosk',
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'CLIENT_REJECTED' } });
    expect(rejections(s)).toBe(1);
  });

  it('a proof cannot be moved to a request whose fields only shift a line break', async () => {
    const { s, c, clock } = await setup();
    // signed by the real kiosk for ticket "<ticket>\n<code>" and code "X", never sent…
    const signedFor = {
      admissionTicketNumber: `${c.admissionTicketNumber}\n${c.examCode}`,
      examCode: 'X',
    };
    const fields = candidateLoginProofFields(signedFor);
    const proof = kioskProof(s.kiosk, 'candidate-login', fields, clock.now());
    // …and sent with the line break moved into the code (the old "\n"-joined text was equal)
    const res = await s.post('/api/auth/candidate-login', {
      admissionTicketNumber: c.admissionTicketNumber,
      examCode: `${c.examCode}\nX`,
      clientKind: 'kiosk',
      kioskProof: proof,
    });
    expect(res.body).toMatchObject({ ok: false, error: { code: 'CLIENT_REJECTED' } });
    const [audited] = s.components.store.db
      .prepare("SELECT payload_json FROM audit_log WHERE action = 'candidate.client-rejected'")
      .all() as { payload_json: string }[];
    expect(JSON.parse(audited?.payload_json ?? '{}')).toMatchObject({ problem: 'bad-signature' });
  });

  it('refuses forged, replayed, stale, moved and revoked proofs', async () => {
    const { s, c, d, clock } = await setup();
    const login = (body: unknown) => s.post('/api/auth/candidate-login', body);
    const request = { admissionTicketNumber: c.admissionTicketNumber, examCode: c.examCode };
    const forged = {
      kioskId: s.kiosk.kioskId,
      kioskPrivateKey: unenrolledPrivateKey(),
    };
    expect((await login(kioskLoginBody(forged, request, clock.now()))).status).toBe(403);
    const unknown = { ...s.kiosk, kioskId: 'kiosk-not-enrolled' };
    expect((await login(kioskLoginBody(unknown, request, clock.now()))).status).toBe(403);
    const stale = await login(kioskLoginBody(s.kiosk, request, clock.now() - 10 * 60_000));
    expect(stale.status).toBe(403);
    expect(JSON.stringify(stale.body)).toContain('时钟');
    // a proof for one candidate's request cannot carry another candidate's ticket
    const moved = {
      ...kioskLoginBody(s.kiosk, request, clock.now()),
      admissionTicketNumber: d.admissionTicketNumber,
      examCode: d.examCode,
    };
    expect((await login(moved)).status).toBe(403);
    const good = kioskLoginBody(s.kiosk, request, clock.now());
    expect((await login(good)).status).toBe(200);
    expect((await login(good)).status).toBe(403); // replayed
    const admin = await s.staffToken('admin', 'kiosk-admin');
    const revoke = await fetch(`${s.url}/api/kiosks/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ kioskId: s.kiosk.kioskId, reason: '考试机丢失' }),
    });
    expect(revoke.status).toBe(200);
    expect((await login(kioskLoginBody(s.kiosk, request, clock.now()))).status).toBe(403);
    expect(rejections(s)).toBe(6);
  });

  it('lets the web client into practice sessions only', async () => {
    const secure = await setup();
    const web = {
      admissionTicketNumber: secure.c.admissionTicketNumber,
      examCode: secure.c.examCode,
      clientKind: 'web',
    };
    expect((await secure.s.post('/api/auth/candidate-login', web)).status).toBe(403);
    await secure.s.closeAll();
    server = undefined;
    const practice = await setup({ allowPracticeClients: true });
    const res = await practice.s.post('/api/auth/candidate-login', {
      ...web,
      admissionTicketNumber: practice.c.admissionTicketNumber,
      examCode: practice.c.examCode,
    });
    expect(res.status).toBe(200);
  });

  it('an admin enrolls a PC over HTTP; the file signs logins; nobody else can enroll', async () => {
    const { s, c, clock } = await setup();
    const enroll = (token: string, body: unknown) =>
      fetch(`${s.url}/api/kiosks/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const proctor = await s.staffToken('proctor', 'p-enroll');
    expect((await enroll(proctor, { name: 'PC-07' })).status).toBe(403);
    const admin = await s.staffToken('admin', 'a-enroll');
    const res = await enroll(admin, { name: 'PC-07', serverUrl: s.url });
    expect(res.status).toBe(200);
    const file = KioskEnrollmentSchema.parse(((await res.json()) as { data: unknown }).data);
    expect(file.kioskName).toBe('PC-07');
    expect((await enroll(admin, { name: 'PC-07' })).status).toBe(409);
    const listed = await (
      await fetch(`${s.url}/api/kiosks`, { headers: { authorization: `Bearer ${admin}` } })
    ).text();
    expect(listed).toContain(file.kioskId);
    expect(listed).not.toContain(file.kioskPrivateKey);
    const request = { admissionTicketNumber: c.admissionTicketNumber, examCode: c.examCode };
    const login = await s.post(
      '/api/auth/candidate-login',
      kioskLoginBody(file, request, clock.now()),
    );
    expect(login.status).toBe(200);
    // the proof never contains the private key itself
    expect(JSON.stringify(kioskProof(file, 'candidate-login', [], clock.now()))).not.toContain(
      file.kioskPrivateKey,
    );
  });

  it('a copy of server.db does not let a script produce a valid kiosk proof', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'attested-db-copy-')), 'data');
    const clock = new TestClock(START - 5 * 60_000);
    const store = openStore(dataDir, { now: clock.now });
    const [c, d] = seedSession(store, {
      count: 2,
      scheduledStart: START,
      now: clock.now(),
    }).candidates;
    const s = await startTestServer({ store, now: clock.now });
    server = s;
    const login = (body: unknown) => s.post('/api/auth/candidate-login', body);
    // the enrolled PC has logged in once, so its row is live and used
    const first = kioskLoginBody(
      s.kiosk,
      { admissionTicketNumber: d!.admissionTicketNumber, examCode: d!.examCode },
      clock.now(),
    );
    expect((await login(first)).status).toBe(200);

    // the staff member copies the data folder's database (with its WAL) and reads every kiosk row
    const copyDir = mkdtempSync(join(tmpdir(), 'attested-db-copy-stolen-'));
    for (const name of ['server.db', 'server.db-wal']) {
      if (existsSync(join(dataDir, name))) copyFileSync(join(dataDir, name), join(copyDir, name));
    }
    const stolen = Buffer.concat(
      ['server.db', 'server.db-wal']
        .filter((name) => existsSync(join(copyDir, name)))
        .map((name) => readFileSync(join(copyDir, name))),
    );
    const copy = new Database(join(copyDir, 'server.db'));
    const rows = copy.prepare('SELECT * FROM kiosks').all() as Record<string, unknown>[];
    copy.close();
    expect(rows.map((row) => row['id'])).toContain(s.kiosk.kioskId);
    const privateKey = Buffer.from(s.kiosk.kioskPrivateKey, 'base64');
    expect(stolen.includes(privateKey.subarray(16))).toBe(false); // the 32-byte seed
    expect(stolen.includes(s.kiosk.kioskPrivateKey)).toBe(false);

    // ... and tries every value of every row as the kiosk's key, the old HMAC way and as an
    // Ed25519 key (PKCS#8, or its last 32 bytes as a seed), for the live kiosk
    const request = { admissionTicketNumber: c!.admissionTicketNumber, examCode: c!.examCode };
    const values = rows.flatMap((row) =>
      Object.values(row).filter((v): v is string => typeof v === 'string'),
    );
    const attempts: unknown[] = [];
    for (const value of values) {
      const raw = Buffer.from(value, 'base64');
      const base = {
        kioskId: s.kiosk.kioskId,
        issuedAt: clock.now(),
        nonce: randomBytes(16).toString('base64url'),
      };
      const message = kioskProofMessage(
        'candidate-login',
        base,
        candidateLoginProofFields(request),
      );
      const mac = createHmac('sha256', raw).update(message).digest('base64url');
      attempts.push({ ...request, clientKind: 'kiosk', kioskProof: { ...base, mac } });
      attempts.push({ ...request, clientKind: 'kiosk', kioskProof: { ...base, signature: mac } });
      for (const candidateKey of [value, asPkcs8Seed(raw.subarray(-32))]) {
        const key = { kioskId: s.kiosk.kioskId, kioskPrivateKey: candidateKey };
        try {
          attempts.push(kioskLoginBody(key, request, clock.now()));
        } catch {
          // not usable as a private key at all
        }
      }
    }
    attempts.push(
      kioskLoginBody(
        { kioskId: s.kiosk.kioskId, kioskPrivateKey: unenrolledPrivateKey() },
        request,
        clock.now(),
      ),
    );
    expect(attempts.length).toBeGreaterThan(values.length);
    for (const body of attempts) {
      const res = await login(body);
      expect([400, 403]).toContain(res.status);
      expect(JSON.stringify(res.body)).not.toContain('token');
    }
    // the real PC still logs in
    expect((await login(kioskLoginBody(s.kiosk, request, clock.now()))).status).toBe(200);
  });

  it('tells a PC enrolled with an old (HMAC) file to enroll again', async () => {
    const { s, c, clock } = await setup();
    const request = { admissionTicketNumber: c.admissionTicketNumber, examCode: c.examCode };
    // an old kiosk build sends an HMAC `mac` instead of a signature
    const base = { kioskId: s.kiosk.kioskId, issuedAt: clock.now(), nonce: 'n'.repeat(22) };
    const old = await s.post('/api/auth/candidate-login', {
      ...request,
      clientKind: 'kiosk',
      kioskProof: { ...base, mac: 'm'.repeat(43) },
    });
    expect(old.status).toBe(400);
    expect(JSON.stringify(old.body)).toContain('考试机登记文件版本过旧，请重新登记');
    // a PC whose enrollment predates migration 0140 has no public key on the server
    s.components.store.db
      .prepare('UPDATE kiosks SET public_key_b64 = NULL WHERE id = ?')
      .run(s.kiosk.kioskId);
    const res = await s.post(
      '/api/auth/candidate-login',
      kioskLoginBody(s.kiosk, request, clock.now()),
    );
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      ok: false,
      error: {
        code: 'CLIENT_REJECTED',
        message:
          '考试机登记文件版本过旧，请重新登记 (enrollment file is outdated: enroll this PC again)',
      },
    });
    // the same PC asking for an exit grant is told the same
    await s.staffToken('proctor', 'p-outdated');
    const exit = await s.post('/api/kiosk/exit-grant', {
      username: 'p-outdated',
      password: '密码-p-outdated-long-enough',
      kioskProof: kioskProof(s.kiosk, 'exit-grant', ['p-outdated'], clock.now()),
    });
    expect(exit.status).toBe(401);
    expect(JSON.stringify(exit.body)).toContain('考试机登记文件版本过旧，请重新登记');
  });
});

/** An Ed25519 PKCS#8 DER (base64) around 32 bytes used as the seed. */
function asPkcs8Seed(seed: Buffer): string {
  return Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]).toString(
    'base64',
  );
}
