import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';

/*
 * A staff client on the server's machine over HTTPS: it trusts only the site CA of the data
 * directory (`tls/site-ca.crt`, written by the server at its first start). Node 20's fetch cannot
 * be given a CA, so JSON goes over node:https here; socket.io-client takes the same `ca`.
 */

export interface SiteCa {
  readonly ca: string[];
}

export function siteCaOf(dataDir: string): SiteCa {
  return { ca: [readFileSync(join(dataDir, 'tls', 'site-ca.crt'), 'utf8')] };
}

export function postJson(url: string, body: unknown, tls?: SiteCa): Promise<unknown> {
  const payload = Buffer.from(JSON.stringify(body));
  const secure = url.startsWith('https:');
  return new Promise((resolve, reject) => {
    const req = (secure ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(payload.length) },
        ...(secure && tls !== undefined ? { ca: tls.ca } : {}),
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
