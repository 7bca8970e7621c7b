import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/util';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

function builtConsole(): string {
  const parent = mkdtempSync(join(tmpdir(), 'console-build-'));
  const dir = join(parent, 'dist');
  mkdirSync(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>监考控制台</title>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'console-7NQXK2AB.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'console-7NQXK2AB.css'), 'body{}');
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  writeFileSync(join(parent, 'secret.txt'), 'TOP-SECRET-CONTENT');
  return dir;
}

/** A raw GET, so the path reaches the server exactly as written (no URL normalisation). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'GET', path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the console at /console', () => {
  it('serves the build with content types, cache headers and an SPA fallback', async () => {
    server = await startTestServer({ settings: { consoleDir: builtConsole() } });
    const redirect = await fetch(`${server.url}/console`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/console/');

    const index = await fetch(`${server.url}/console/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('监考控制台');

    const js = await fetch(`${server.url}/console/assets/console-7NQXK2AB.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const css = await fetch(`${server.url}/console/assets/console-7NQXK2AB.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const svg = await fetch(`${server.url}/console/favicon.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('cache-control')).toBe('no-cache');

    const deep = await fetch(`${server.url}/console/sessions/s1/results`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('监考控制台');
    expect((await fetch(`${server.url}/console/assets/missing-1234ABCD.js`)).status).toBe(404);
    const head = await fetch(`${server.url}/console/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect((await fetch(`${server.url}/console/`, { method: 'POST' })).status).toBe(405);
  });

  it('never serves a file outside the build', async () => {
    server = await startTestServer({ settings: { consoleDir: builtConsole() } });
    for (const path of [
      '/console/../secret.txt',
      '/console/%2e%2e/secret.txt',
      '/console/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/console/..%5csecret.txt',
    ]) {
      const res = await rawGet(server.url, path);
      expect(res.body, path).not.toContain('TOP-SECRET');
    }
    expect((await rawGet(server.url, '/console/%00')).status).toBe(400);
  });

  it('answers 503 with how to build it when the console is not built', async () => {
    server = await startTestServer({
      settings: { consoleDir: join(tmpdir(), 'no-console-build-here') },
    });
    const res = await fetch(`${server.url}/console/`);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain(
      'console not built — run <code>npm run build:console</code>',
    );
    // the API is unaffected
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
