import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';

/*
 * What a test client on the same machine needs to talk to the real server over TLS: the site
 * CA from the data directory (`tls/site-ca.crt`) as the only trusted CA. The server certificate
 * names 127.0.0.1 and localhost, so Node's normal host-name check applies. socket.io-client takes
 * the same `ca` option; `postJson` is fetch for JSON over node:https (Node 20's fetch cannot be
 * given a CA).
 */

export interface SiteClientTls {
  readonly ca: string[];
}

/** The site CA of a data directory (after the server has started once). */
export function siteClientTls(dataDir: string): SiteClientTls {
  return { ca: [readFileSync(join(dataDir, 'tls', 'site-ca.crt'), 'utf8')] };
}

export interface JsonReply {
  readonly status: number;
  readonly json: unknown;
}

/** POST (or GET without a body) JSON to an http: or https: URL, trusting only the site CA. */
export function requestJson(
  url: string,
  options: {
    readonly method?: 'GET' | 'POST';
    readonly body?: unknown;
    readonly headers?: Record<string, string>;
    readonly tls?: SiteClientTls | undefined;
    readonly timeoutMs?: number;
  } = {},
): Promise<JsonReply> {
  const payload =
    options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
  const secure = url.startsWith('https:');
  return new Promise((resolve, reject) => {
    const req = (secure ? httpsRequest : httpRequest)(
      url,
      {
        method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
        headers: {
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': String(payload.length) }),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 10_000,
        ...(secure && options.tls !== undefined ? { ca: options.tls.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
    );
    req.on('error', reject);
    req.end(payload);
  });
}
