import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/db/migrations/index';
import { runMigrations } from '../src/db/migrations/runner';
import type { WritableDb } from '@skillexam/shared/sql';
import { openStore } from '../src/db/store';
import { legacyExamCodeSecret } from '../src/keys/legacy-db-keys';
import { keysDirOf } from '../src/keys/site-keys';
import { seedSession } from '../test/support/exam-fixture';
import { startTestServer, type TestServer } from '../test/support/util';
import { serveUntilRefused } from './support/serve-process';
import { auditVerify, cliJson } from './support/tamper-tools';

/*
 * Someone who can read files on the server PC but is not the server's account (another
 * Windows/Linux user, a staff member with a copy of the data folder or of a backup) tries to
 * get the keys: the audit signing key (to re-sign a forged chain), the site X25519 key (to open
 * exam packages) and the exam-code secret (to check exam codes offline from server.db).
 */

const START = Date.parse('2026-12-06T09:00:00+08:00');

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

function mode(path: string): string {
  return (statSync(path).mode & 0o777).toString(8);
}

function newDataDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'proctor-keys-')), 'data');
}

/** A candidate login over HTTP from the test server's enrolled exam PC. */
async function login(ticket: string, examCode: string) {
  return server!.post('/api/auth/candidate-login', server!.kioskLogin(ticket, examCode));
}

describe('keys at rest', () => {
  it('the data folder is 0700 and the database, WAL, keys and witness are 0600 while the server runs', async () => {
    const dataDir = newDataDir();
    const store = openStore(dataDir);
    const seeded = seedSession(store, {
      count: 1,
      scheduledStart: START,
      now: START - 20 * 60_000,
    });
    server = await startTestServer({ store, now: () => START - 20 * 60_000 });
    const [c] = seeded.candidates;
    expect((await login(c!.admissionTicketNumber, c!.examCode)).status).toBe(200);
    store.flushHeadWitness();

    expect(mode(dataDir)).toBe('700');
    expect(mode(keysDirOf(dataDir))).toBe('700');
    for (const file of ['server.db', 'server.db-wal', 'server.db-shm', 'audit-head.json'])
      expect([file, mode(join(dataDir, file))]).toEqual([file, '600']);
    for (const file of readdirSync(keysDirOf(dataDir)))
      expect([file, mode(join(keysDirOf(dataDir), file))]).toEqual([file, '600']);
    expect(readdirSync(keysDirOf(dataDir)).sort()).toEqual([
      'audit-signing.key',
      'audit-signing.pub',
      'exam-code.secret',
      'site-x25519.key',
    ]);
  });

  it('server.db holds no private key: not in its columns and nowhere in the file', async () => {
    const dataDir = newDataDir();
    const store = openStore(dataDir);
    seedSession(store, { count: 2, scheduledStart: START, now: START });
    store.close();
    const bytes = Buffer.concat(
      ['server.db', 'server.db-wal']
        .map((f) => join(dataDir, f))
        .filter(existsSync)
        .map((f) => readFileSync(f)),
    );
    expect(bytes.includes('PRIVATE KEY')).toBe(false);
    const db = new Database(join(dataDir, 'server.db'), { readonly: true });
    expect(db.prepare('SELECT private_key_pem FROM server_keys').all()).toEqual([
      { private_key_pem: '' },
    ]);
    expect(db.prepare('SELECT private_key_pem FROM package_key').all()).toEqual([
      { private_key_pem: '' },
    ]);
    db.close();
  });

  it('backups are 0600 in a 0700 folder, with their chain-head witness', async () => {
    const dataDir = newDataDir();
    const store = openStore(dataDir);
    seedSession(store, { count: 1, scheduledStart: START, now: START });
    store.close();
    const backupDir = `${dataDir}-backups`;
    const { data } = await cliJson<{ path: string }>('backup', '--data', dataDir);
    expect(mode(backupDir)).toBe('700');
    expect(mode(data.path)).toBe('600');
    expect(mode(`${data.path}.head.json`)).toBe('600');
  });

  it('a copy of server.db alone cannot check exam codes: the secret is a key file', async () => {
    const dataDir = newDataDir();
    const store = openStore(dataDir);
    const seeded = seedSession(store, {
      count: 1,
      scheduledStart: START,
      now: START - 20 * 60_000,
    });
    store.close();
    const [c] = seeded.candidates;
    // the thief's laptop: the database file, but not keys/ — the server will not make new keys
    // for it, so the thief brings a keys/ folder of their own
    const stolen = newDataDir();
    mkdirSync(stolen, { recursive: true });
    copyFileSync(join(dataDir, 'server.db'), join(stolen, 'server.db'));
    expect(() => openStore(stolen)).toThrow(/密钥文件缺失 \(key files missing\)/);
    const own = newDataDir();
    openStore(own).close();
    cpSync(keysDirOf(own), keysDirOf(stolen), { recursive: true });
    server = await startTestServer({ store: openStore(stolen), now: () => START - 20 * 60_000 });
    const refused = await login(c!.admissionTicketNumber, c!.examCode);
    expect(refused.status).toBe(401);
    await server.closeAll();
    // the real data directory, with its key file, accepts the same code
    server = await startTestServer({ store: openStore(dataDir), now: () => START - 20 * 60_000 });
    expect((await login(c!.admissionTicketNumber, c!.examCode)).status).toBe(200);
  });

  it('the server refuses to start on a key file others can read and says how to fix it', () => {
    const dataDir = newDataDir();
    openStore(dataDir).close();
    const keyFile = join(keysDirOf(dataDir), 'audit-signing.key');
    chmodSync(keyFile, 0o644);
    const started = serveUntilRefused(dataDir);
    expect(started.status).not.toBe(0);
    expect(started.stderr).toContain(
      '密钥文件权限过宽 (key file readable by group/others, mode 644)',
    );
    expect(started.stderr).toContain(`chmod 600 ${keyFile}`);
  });

  it('an old database that held the keys moves them into key files on first start and clears the columns', async () => {
    // server.db as a site had it before 0210: schema 80, private keys in server_keys/package_key.
    const dataDir = newDataDir();
    mkdirSync(dataDir, { recursive: true });
    const signing = generateKeyPairSync('ed25519');
    const x25519 = generateKeyPairSync('x25519');
    const pem = (k: KeyObject) => k.export({ type: 'pkcs8', format: 'pem' }).toString();
    const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }).toString();
    const old = new Database(join(dataDir, 'server.db')) as WritableDb;
    runMigrations(old, MIGRATIONS, 80);
    old
      .prepare('INSERT INTO server_keys VALUES (1, ?, ?, 1)')
      .run(spki(signing.publicKey), pem(signing.privateKey));
    old
      .prepare('INSERT INTO package_key VALUES (1, ?, ?, 1)')
      .run(spki(x25519.publicKey), pem(x25519.privateKey));
    old.close();

    const store = openStore(dataDir);
    const seeded = seedSession(store, {
      count: 1,
      scheduledStart: START,
      now: START - 20 * 60_000,
    });
    server = await startTestServer({ store, now: () => START - 20 * 60_000 });
    const keysDir = keysDirOf(dataDir);
    expect(readFileSync(join(keysDir, 'audit-signing.key'), 'utf8')).toBe(pem(signing.privateKey));
    expect(readFileSync(join(keysDir, 'site-x25519.key'), 'utf8')).toBe(pem(x25519.privateKey));
    // exam codes printed before the upgrade keep working: the secret keeps its old value
    expect(Buffer.from(store.keys.examCodeSecret)).toEqual(
      Buffer.from(legacyExamCodeSecret(pem(signing.privateKey))),
    );
    for (const file of readdirSync(keysDir)) expect(mode(join(keysDir, file))).toBe('600');
    const [c] = seeded.candidates;
    expect((await login(c!.admissionTicketNumber, c!.examCode)).status).toBe(200);
    await server.closeAll();
    server = undefined;
    const db = new Database(join(dataDir, 'server.db'), { readonly: true });
    expect(db.prepare('SELECT private_key_pem FROM server_keys').get()).toEqual({
      private_key_pem: '',
    });
    expect(db.prepare('SELECT private_key_pem FROM package_key').get()).toEqual({
      private_key_pem: '',
    });
    db.close();
    expect(await auditVerify(dataDir)).toMatchObject({ ok: true, problems: [] });
  });

  it('after the upgrade no copy of the old private keys is left in server.db or its WAL', async () => {
    // an old site's server.db in WAL mode, as the old server left it, keys in the columns
    const dataDir = newDataDir();
    mkdirSync(dataDir, { recursive: true });
    const pem = (k: KeyObject) => k.export({ type: 'pkcs8', format: 'pem' }).toString();
    const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }).toString();
    const signing = generateKeyPairSync('ed25519');
    const x25519 = generateKeyPairSync('x25519');
    const old = new Database(join(dataDir, 'server.db')) as WritableDb;
    old.pragma('journal_mode = WAL');
    runMigrations(old, MIGRATIONS, 80);
    old
      .prepare('INSERT INTO server_keys VALUES (1, ?, ?, 1)')
      .run(spki(signing.publicKey), pem(signing.privateKey));
    old
      .prepare('INSERT INTO package_key VALUES (1, ?, ?, 1)')
      .run(spki(x25519.publicKey), pem(x25519.privateKey));
    old.close();
    // the markers: the base64 body of each private key PEM (what a thief would grep for)
    const markers = [pem(signing.privateKey), pem(x25519.privateKey)].map(
      (p) => p.split('\n')[1] ?? '',
    );
    const leaks = (): string[] => {
      const bytes = Buffer.concat(
        ['server.db', 'server.db-wal']
          .map((f) => join(dataDir, f))
          .filter(existsSync)
          .map((f) => readFileSync(f)),
      );
      return [...markers, 'PRIVATE KEY'].filter((m) => bytes.includes(m));
    };
    expect(leaks()).not.toEqual([]); // the marker is really there before the upgrade
    const store = openStore(dataDir);
    expect(store.keys.auditSigning.publicKeyPem).toBe(spki(signing.publicKey));
    expect(leaks()).toEqual([]); // while the server runs on the upgraded file
    seedSession(store, { count: 1, scheduledStart: START, now: START });
    store.close();
    expect(leaks()).toEqual([]);
    expect(await auditVerify(dataDir)).toMatchObject({ ok: true, problems: [] });
  });

  it('refuses to start with new keys when keys/ is missing for a database with history, and verify creates none', async () => {
    const dataDir = newDataDir();
    const store = openStore(dataDir);
    seedSession(store, { count: 1, scheduledStart: START, now: START });
    store.close();
    const keysDir = keysDirOf(dataDir);
    const keyFiles = readdirSync(keysDir).sort();
    // moved to a new PC without keys/: the real `serve` refuses and says what to do
    rmSync(keysDir, { recursive: true });
    const serve = () => serveUntilRefused(dataDir);
    const started = serve();
    expect(started.status).not.toBe(0);
    expect(started.stderr).toContain('密钥文件缺失 (key files missing)');
    expect(started.stderr).toContain('请把原服务器的 keys/ 目录复制回');
    expect(started.stderr).toContain("copy the site's keys/ folder back");
    expect(existsSync(join(keysDir, 'audit-signing.key'))).toBe(false);
    // one lost file is refused just the same (the exam-code secret: printed codes would die)
    const again = newDataDir();
    const other = openStore(again);
    seedSession(other, { count: 1, scheduledStart: START, now: START });
    other.close();
    rmSync(join(keysDirOf(again), 'exam-code.secret'));
    expect(() => openStore(again)).toThrow(/密钥文件缺失 \(key files missing\): exam-code.secret/);
    expect(existsSync(join(keysDirOf(again), 'exam-code.secret'))).toBe(false);
    // audit verify neither creates keys for the keyless directory nor a data directory
    await expect(auditVerify(dataDir)).rejects.toThrow(/密钥文件缺失/);
    expect(existsSync(join(keysDir, 'audit-signing.key'))).toBe(false);
    const wrong = newDataDir();
    await expect(auditVerify(wrong)).rejects.toThrow(/数据目录中没有数据库/);
    expect(existsSync(wrong)).toBe(false);
    expect(keyFiles).toContain('audit-signing.key');
  });
});
