import { request } from 'node:http';
import type { Ack } from '@skillexam/shared';

/**
 * POSTs JSON from a chosen loopback source address (Linux routes all of 127/8 to lo), so one
 * test can play a guesser's laptop (127.0.0.2) and the real user's PC (127.0.0.3): the server
 * sees them as `req.socket.remoteAddress`.
 */
export function postFrom(
  localAddress: string,
  url: string,
  body: unknown,
): Promise<{ status: number; body: Ack<unknown> & { data?: unknown } }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve({
              status: res.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Ack<unknown> & {
                data?: unknown;
              },
            });
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
