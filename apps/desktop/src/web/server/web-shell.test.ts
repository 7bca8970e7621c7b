import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createHostHandlers } from '../../host/host-handlers';
import { startWebShell, type WebShell } from './web-shell';

let dir: string;
let shell: WebShell;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'web-shell-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  shell = await startWebShell({
    rendererDir: dir,
    handlers: createHostHandlers({ runtime: 'node', version: 'test', journalDir: dir }),
    kind: 'kiosk',
  });
});

afterAll(async () => {
  await shell.close();
  await rm(dir, { recursive: true, force: true });
});

function open(origin: string): Promise<WebSocket> {
  const ws = new WebSocket(`${shell.url.replace('http', 'ws')}/bridge`, { headers: { origin } });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString())));
    ws.send(JSON.stringify(message));
  });
}

describe('web shell', () => {
  it('serves the renderer with a strict content security policy', async () => {
    const res = await fetch(shell.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${shell.url}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await fetch(shell.url, { method: 'POST' })).status).toBe(405);
  });

  it('dispatches bridge calls to the host in this process', async () => {
    const ws = await open(shell.url);
    const reply = await call(ws, { id: 7, channel: 'app:get-info', input: {} });
    expect(reply).toMatchObject({
      id: 7,
      reply: { ok: true, data: { pid: process.pid, runtime: 'node' } },
    });
    ws.close();
  });

  it('applies the window kind: a kiosk shell refuses author-only channels', async () => {
    const ws = await open(shell.url);
    expect(await call(ws, { id: 1, channel: 'bank:listItems', input: {} })).toMatchObject({
      reply: { ok: false, error: { code: 'NOT_FOUND' } },
    });
    ws.close();
  });

  it('refuses WebSocket connections from other origins', async () => {
    await expect(open('https://evil.example')).rejects.toThrow(/403/);
  });

  it('closes the socket on a malformed request', async () => {
    const ws = await open(shell.url);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('{not json');
    expect(await closed).toBe(1003);
  });
});
