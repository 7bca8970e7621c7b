import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';

/*
 * The e2e run's one site CA (made by playwright.config.ts with `proctor-server tls show`, its
 * folder in SKILLEXAM_E2E_SITE_CA). Each test server gets a copy before it starts, so its server
 * certificate chains to the CA that Chromium was told to trust; Node clients trust only it.
 */

function caDir(): string {
  const dir = process.env['SKILLEXAM_E2E_SITE_CA'];
  if (dir === undefined)
    throw new Error('SKILLEXAM_E2E_SITE_CA is not set (run through playwright)');
  return dir;
}

/**
 * Puts the run's site CA into a data directory (replacing one the setup CLI may have made) and
 * drops its server certificate, so `serve` issues a new one from this CA at start.
 */
export function seedSiteCa(dataDir: string): void {
  const target = join(dataDir, 'tls');
  mkdirSync(target, { recursive: true, mode: 0o700 });
  for (const file of ['server.crt', 'server.key']) rmSync(join(target, file), { force: true });
  copyFileSync(join(caDir(), 'site-ca.crt'), join(target, 'site-ca.crt'));
  copyFileSync(join(caDir(), 'site-ca.key'), join(target, 'site-ca.key'));
  chmodSync(join(target, 'site-ca.key'), 0o600);
}

/** TLS options that trust only the run's site CA (for socket.io-client and node:https). */
export function siteTls(): { ca: string[] } {
  return { ca: [readFileSync(join(caDir(), 'site-ca.crt'), 'utf8')] };
}

/** POST JSON over node:https with the site CA (Node 20's fetch cannot take a CA). */
export function postJson(url: string, body: unknown): Promise<unknown> {
  const payload = Buffer.from(JSON.stringify(body));
  const secure = url.startsWith('https:');
  return new Promise((resolve, reject) => {
    const req = (secure ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(payload.length) },
        ...(secure ? siteTls() : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
