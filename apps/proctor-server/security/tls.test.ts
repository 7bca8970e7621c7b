import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connect as tlsConnect,
  createServer as createTlsServer,
  type Server as TlsServer,
} from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  connectExamSocket,
  isSocketCertificateFailure,
  loginCandidate,
  LoginError,
  request,
  trustSite,
} from '../../desktop/src/host/exam-agent/server-api';
import { CERT_MISMATCH_MESSAGE } from '../../desktop/src/host/discovery/site-pin';
import { ExamService } from '../../desktop/src/host/exam-agent/exam-service';
import { loadConfig } from '../src/config';
import { openStore } from '../src/db/store';
import { startServer, type RunningServer } from '../src/server/serve';
import { createSiteCa, issueServerCertificate } from '../src/tls/certificate-authority';
import { loadSiteTls } from '../src/tls/site-tls';
import { seedSession } from '../test/support/exam-fixture';
import { serveArgs } from './support/serve-process';

/*
 * Someone on the exam-room LAN (docs/decisions/0232): a laptop that answers at the server's address with
 * its own certificate, or a man-in-the-middle proxy that terminates TLS with its own certificate
 * and relays to the real server. The kiosk's real login and socket code (desktop server-api),
 * pinned to the site CA, must refuse both before it sends a single byte: no 准考证号, no exam
 * code, no token — so no login and no content key. The server itself speaks only TLS.
 * On the server before TLS (plain HTTP, no pin) every one of these tests fails.
 */

const dirs: string[] = [];
const servers: RunningServer[] = [];
const proxies: TlsServer[] = [];
afterEach(async () => {
  for (const proxy of proxies.splice(0)) proxy.close();
  for (const server of servers.splice(0)) await server.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function startSite(): Promise<{
  server: RunningServer;
  dataDir: string;
  ticket: string;
  examCode: string;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tls-site-'));
  dirs.push(dataDir, `${dataDir}-backups`);
  const store = openStore(dataDir);
  const seeded = seedSession(store, {
    count: 2,
    scheduledStart: Date.now() + 10 * 60_000,
    rules: { allowPracticeClients: true, checkInOpensMinutesBefore: 60 },
  });
  store.close();
  const config = loadConfig(
    [
      '--data-dir',
      dataDir,
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--log-level',
      'silent',
      '--no-discovery',
      '--backup-interval',
      '0',
    ],
    {},
  );
  const server = await startServer(config);
  servers.push(server);
  const candidate = seeded.candidates[0];
  if (candidate === undefined) throw new Error('seeded a candidate');
  return { server, dataDir, ticket: candidate.admissionTicketNumber, examCode: candidate.examCode };
}

/** Everything a proxy or impostor received in clear text after its TLS handshake. */
interface Listener {
  readonly url: string;
  readonly received: Buffer[];
  readonly text: () => string;
}

/**
 * A TLS man-in-the-middle: terminates TLS with its own certificate for 127.0.0.1 (its own CA,
 * optionally sending the real site CA in its chain too), records the decrypted bytes and relays
 * them to the real server — what a person with a laptop and a proxy tool does.
 */
async function startMitm(
  target: RunningServer,
  options: { withRealCaInChain?: string } = {},
): Promise<Listener> {
  const now = new Date();
  const attackerCa = await createSiteCa('Attacker', now);
  const leaf = await issueServerCertificate(
    attackerCa,
    { dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] },
    now,
  );
  const received: Buffer[] = [];
  const proxy = createTlsServer(
    {
      key: leaf.keyPem,
      cert: `${leaf.certPem.trim()}\n${(options.withRealCaInChain ?? attackerCa.certPem).trim()}\n`,
    },
    (client) => {
      const upstream = tlsConnect({
        host: '127.0.0.1',
        port: target.port,
        rejectUnauthorized: false,
      });
      client.on('data', (chunk: Buffer) => received.push(chunk));
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    },
  );
  proxies.push(proxy);
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    received,
    text: () => Buffer.concat(received).toString('latin1'),
  };
}

function auditActions(server: RunningServer): string[] {
  return (
    server.app.context.components.store.db
      .prepare('SELECT action FROM audit_log ORDER BY seq')
      .all() as {
      action: string;
    }[]
  ).map((row) => row.action);
}

async function expectMismatch(promise: Promise<unknown>): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LoginError);
  expect((error as LoginError).code).toBe('SERVER_CERT_MISMATCH');
  expect((error as LoginError).message).toBe(CERT_MISMATCH_MESSAGE);
  expect(CERT_MISMATCH_MESSAGE).toBe('考点服务器证书不符，请联系监考员');
}

describe('the exam-room LAN is hostile: HTTPS/WSS with a pinned site certificate', () => {
  it('serves only TLS by default: a plain HTTP request gets no answer', async () => {
    const { server } = await startSite();
    expect(server.url).toMatch(/^https:\/\//);
    const plain = await new Promise<string>((resolve) => {
      const req = httpRequest(
        `http://127.0.0.1:${server.port}/api/health`,
        { timeout: 5_000 },
        (res) => resolve(`HTTP ${res.statusCode}`),
      );
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      req.on('timeout', () =>
        req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
      );
      req.end();
    });
    expect(plain).not.toMatch(/^HTTP /);
  });

  it('plain HTTP only behind --insecure-http, and the server says so on stderr', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tls-insecure-'));
    dirs.push(dataDir, `${dataDir}-backups`);
    const child = spawn(process.execPath, serveArgs(dataDir, '--insecure-http'), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const listening = await new Promise<{ url: string; fingerprint?: string }>(
        (resolve, reject) => {
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const line = out.split('\n').find((l) => l.startsWith('{"event":"listening"'));
            if (line !== undefined) resolve(JSON.parse(line) as { url: string });
          });
          child.once('exit', (code) =>
            reject(new Error(`serve exited with ${String(code)}: ${stderr}`)),
          );
        },
      );
      expect(listening.url).toMatch(/^http:\/\//);
      expect(listening.fingerprint).toBeUndefined();
      expect(stderr).toContain('警告：服务器以不加密的 HTTP 运行，仅供开发和测试使用');
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  });

  it('a kiosk pinned to the site logs in over HTTPS and talks over WSS', async () => {
    const { server, dataDir, ticket, examCode } = await startSite();
    const pin = loadSiteTls(dataDir).fingerprint;
    expect(server.fingerprint).toBe(pin);
    const trust = await trustSite(server.url, pin);
    const login = await loginCandidate(server.url, ticket, examCode, 'web', undefined, trust);
    const socket = connectExamSocket(server.url, login.token, trust);
    try {
      const reply = await request(socket, 'attempt:heartbeat', { sentAt: Date.now() });
      expect(reply.ok).toBe(true);
    } finally {
      socket.close();
    }
  });

  it('refuses a server with another certificate: nothing is sent, the candidate is told', async () => {
    const site = await startSite();
    const impostor = await startSite(); // a real proctor server, but another site's certificate
    let requests = 0;
    impostor.server.httpServer.on('request', () => (requests += 1));
    const before = auditActions(impostor.server);
    await expectMismatch(
      (async () => {
        const trust = await trustSite(impostor.server.url, site.server.fingerprint);
        return loginCandidate(
          impostor.server.url,
          impostor.ticket,
          impostor.examCode,
          'web',
          undefined,
          trust,
        );
      })(),
    );
    expect(requests).toBe(0);
    expect(auditActions(impostor.server)).toEqual(before);
  });

  it('the kiosk tells the candidate, and the proctors learn of it when it reaches the site', async () => {
    const site = await startSite();
    const impostor = await startSite();
    const journalDir = mkdtempSync(join(tmpdir(), 'tls-kiosk-'));
    dirs.push(journalDir);
    const exam = new ExamService({
      journalDir,
      clientKind: 'web',
      publish: () => undefined,
      expectedFingerprint: site.server.fingerprint ?? '',
    });
    try {
      const refused: unknown = await exam
        .login({
          serverUrl: impostor.server.url,
          admissionTicketNumber: site.ticket,
          examCode: site.examCode,
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(refused).toMatchObject({
        code: 'SERVER_CERT_MISMATCH',
        message: CERT_MISMATCH_MESSAGE,
      });
      await exam.login({
        serverUrl: site.server.url,
        admissionTicketNumber: site.ticket,
        examCode: site.examCode,
      });
      const reported = (): string[] =>
        (
          site.server.app.context.components.store.db
            .prepare("SELECT payload_json FROM audit_log WHERE action = 'kiosk.event'")
            .all() as { payload_json: string }[]
        ).map((row) => row.payload_json);
      for (let i = 0; i < 100 && !reported().some((p) => p.includes('server_cert_mismatch')); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(reported().join('\n')).toContain('server_cert_mismatch');
    } finally {
      exam.close();
    }
  });

  it('refuses plain HTTP when pinned (no downgrade)', async () => {
    const { server } = await startSite();
    await expectMismatch(trustSite(server.url.replace('https:', 'http:'), server.fingerprint));
  });

  for (const variant of ['its own CA', 'the real site CA in its chain'] as const) {
    it(`a MITM proxy with its own certificate (${variant}) gets no login and no content key`, async () => {
      const { server, dataDir, ticket, examCode } = await startSite();
      const siteCa = loadSiteTls(dataDir).caCertPem;
      const mitm = await startMitm(
        server,
        variant === 'its own CA' ? {} : { withRealCaInChain: siteCa },
      );
      const pin = server.fingerprint;

      // The proxy works: a client that accepts any certificate hands it what it sends.
      const naive = await new Promise<number>((resolve, reject) => {
        const req = httpsRequest(
          `${mitm.url}/api/auth/candidate-login`,
          {
            method: 'POST',
            rejectUnauthorized: false,
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(
          JSON.stringify({
            admissionTicketNumber: ticket,
            examCode: 'NAIVE-CLIENT',
            clientKind: 'web',
          }),
        );
      });
      expect(naive).toBeGreaterThan(0);
      expect(mitm.text()).toContain('NAIVE-CLIENT');
      mitm.received.length = 0;

      // The pinned kiosk: the login never leaves the PC.
      await expectMismatch(
        (async () => {
          const trust = await trustSite(mitm.url, pin);
          return loginCandidate(mitm.url, ticket, examCode, 'web', undefined, trust);
        })(),
      );
      // Even with trust established against the real server, the proxy cannot take the socket.
      const trust = await trustSite(server.url, pin);
      const login = await loginCandidate(server.url, ticket, examCode, 'web', undefined, trust);
      const socket = connectExamSocket(mitm.url, login.token, trust);
      const failure = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
      socket.close();
      // recognised as the site check failing (the kiosk shows the message and reports it)
      expect(isSocketCertificateFailure(failure)).toBe(true);
      await expectMismatch(loginCandidate(mitm.url, ticket, examCode, 'web', undefined, trust));

      expect(mitm.text()).not.toContain(ticket);
      expect(mitm.text()).not.toContain(examCode);
      expect(mitm.text()).not.toContain(login.token);
      expect(mitm.received).toHaveLength(0);
      expect(auditActions(server).filter((a) => a === 'candidate.login')).toHaveLength(1);
    });
  }
});
