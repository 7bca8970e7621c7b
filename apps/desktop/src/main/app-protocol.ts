import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { contentTypeOf } from '@skillexam/shared';
import { resolveSafePath } from '../host/safe-path';

/** Serves the built renderer at app://desktop/…, refusing anything outside `rendererDir`. */
export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'desktop' ? resolveSafePath(rendererDir, url.pathname) : undefined;
    const body = file === undefined ? undefined : await readFile(file).catch(() => undefined);
    if (file === undefined || body === undefined) return new Response('Not found', { status: 404 });
    return new Response(body, {
      headers: { 'content-type': contentTypeOf(file) },
    });
  });
}
