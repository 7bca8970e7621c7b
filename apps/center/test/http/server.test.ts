import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { CodedError } from '@skillexam/shared';
import type { CenterRoute } from '../../src/http/center-route';
import { RouteTable } from '../../src/http/route-table';
import { describeStores } from '../support/center-db';
import { startTestCenter, type TestCenter } from '../support/center-server';

const probes: CenterRoute[] = [
  {
    method: 'POST',
    path: '/api/probe/echo/:name',
    roles: 'public',
    body: z.strictObject({ count: z.number().int(), tags: z.array(z.string()).optional() }),
    async handle(_ctx, request) {
      return { kind: 'json', data: { params: request.params, body: request.body } };
    },
  },
  {
    method: 'POST',
    path: '/api/probe/upload',
    roles: 'public',
    raw: { maxBytes: 1024 },
    async handle(_ctx, request) {
      return { kind: 'json', data: { bytes: (request.body as Uint8Array).length } };
    },
  },
  {
    method: 'GET',
    path: '/api/probe/crash',
    roles: 'public',
    async handle() {
      throw new Error('secret internal detail /etc/passwd');
    },
  },
  {
    method: 'GET',
    path: '/api/probe/coded',
    roles: 'public',
    async handle() {
      throw new CodedError('CONFLICT', '已存在 (exists)');
    },
  },
  {
    method: 'GET',
    path: '/api/probe/file',
    roles: 'public',
    async handle() {
      return {
        kind: 'file',
        contentType: 'text/csv',
        fileName: '成绩 "1".csv',
        bytes: new TextEncoder().encode('a,b\n'),
      };
    },
  },
];

it('prefers literal segments and refuses a route registered twice', () => {
  const handle = async () => ({ kind: 'json', data: null }) as const;
  const table = new RouteTable([
    { method: 'GET', path: '/api/staff/:id', roles: 'public', handle },
    { method: 'GET', path: '/api/staff/me', roles: 'public', handle },
  ]);
  const match = table.match('GET', '/api/staff/me');
  expect(match.kind === 'found' && match.route.path).toBe('/api/staff/me');
  expect(table.match('GET', '/api/staff/a%20b')).toMatchObject({ params: { id: 'a b' } });
  expect(table.match('POST', '/api/staff/x').kind).toBe('wrong-method');
  expect(
    () =>
      new RouteTable([
        ...table.routes,
        { method: 'GET', path: '/api/staff/:other', roles: 'public', handle },
      ]),
  ).toThrow(/twice/);
});

describeStores('centre HTTP server', (getDb) => {
  let centre: TestCenter;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'center-web-'));
    centre = await startTestCenter(getDb(), { routes: probes, webDir });
  });
  afterAll(async () => {
    await centre.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('parses a JSON body with the route schema and passes decoded path parameters', async () => {
    const reply = await centre.call('POST', '/api/probe/echo/%E5%BC%A0', { body: { count: 2 } });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ ok: true, data: { params: { name: '张' }, body: { count: 2 } } });
  });

  it('answers 400 naming the field for a body that does not fit', async () => {
    const wrong = await centre.call('POST', '/api/probe/echo/x', { body: { count: 'two' } });
    expect(wrong.status).toBe(400);
    expect(wrong.json?.error?.code).toBe('BAD_REQUEST');
    expect(wrong.json?.error?.message).toMatch(/^count: /);
    const nested = await centre.call('POST', '/api/probe/echo/x', {
      body: { count: 1, tags: [1] },
    });
    expect(nested.json?.error?.message).toMatch(/tags\.0/);
    const extra = await centre.call('POST', '/api/probe/echo/x', {
      body: { count: 1, admin: true },
    });
    expect(extra.status).toBe(400);
    const garbage = await centre.call('POST', '/api/probe/echo/x', {
      body: new TextEncoder().encode('{not json'),
      headers: { 'content-type': 'application/json' },
    });
    expect(garbage.status).toBe(400);
    expect(garbage.json?.error?.message).toMatch(/JSON/);
  });

  it('takes a raw upload up to its cap and answers 413 beyond it', async () => {
    const fits = await centre.call('POST', '/api/probe/upload', { body: new Uint8Array(1024) });
    expect(fits.json).toEqual({ ok: true, data: { bytes: 1024 } });
    const tooBig = await centre.call('POST', '/api/probe/upload', { body: new Uint8Array(1025) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.json?.error?.message).toMatch(/1024/);
  });

  it('turns a CodedError into its status and a bug into a generic 500', async () => {
    const coded = await centre.call('GET', '/api/probe/coded');
    expect(coded.status).toBe(409);
    expect(coded.json).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '已存在 (exists)' },
    });
    const crash = await centre.call('GET', '/api/probe/crash');
    expect(crash.status).toBe(500);
    expect(crash.json).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '服务器内部错误 (internal error)' },
    });
    expect(Buffer.from(crash.bytes).toString()).not.toMatch(/passwd|secret|at /);
  });

  it('answers 404 and 405 as JSON', async () => {
    const missing = await centre.call('GET', '/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.json?.error?.code).toBe('NOT_FOUND');
    const method = await centre.call('DELETE', '/api/probe/upload');
    expect(method.status).toBe(405);
  });

  it('sends downloads as attachments with a safe file name', async () => {
    const file = await centre.call('GET', '/api/probe/file');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="__ _1_.csv"; filename*=UTF-8''${encodeURIComponent('成绩 "1".csv')}`,
    );
    expect(Buffer.from(file.bytes).toString()).toBe('a,b\n');
  });

  it('sets the security headers on API replies and pages', async () => {
    for (const path of ['/api/nothing-here', '/']) {
      const reply = await centre.call('GET', path);
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('x-frame-options')).toBe('DENY');
      expect(reply.headers.get('referrer-policy')).toBe('no-referrer');
      expect(reply.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    }
  });

  it('serves a Chinese placeholder until the UI is built, then the built files', async () => {
    const placeholder = await centre.call('GET', '/');
    expect(placeholder.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(Buffer.from(placeholder.bytes).toString()).toMatch(/评价中心/);
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>UI</title>');
    writeFileSync(join(webDir, 'assets', 'app-1.js'), 'console.log(1)');
    const index = await centre.call('GET', '/batches/42');
    expect(Buffer.from(index.bytes).toString()).toBe('<!doctype html><title>UI</title>');
    const asset = await centre.call('GET', '/assets/app-1.js');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('never serves a file outside the web folder', async () => {
    writeFileSync(join(webDir, '..', 'center-secret.txt'), 'secret');
    try {
      for (const path of [
        '/../center-secret.txt',
        '/%2e%2e/center-secret.txt',
        '/assets/..%2f..%2fcenter-secret.txt',
      ]) {
        const reply = await centre.call('GET', path);
        expect(Buffer.from(reply.bytes).toString()).not.toBe('secret');
      }
    } finally {
      rmSync(join(webDir, '..', 'center-secret.txt'), { force: true });
    }
  });
});
