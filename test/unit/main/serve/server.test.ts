import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, type Api } from '../../../../shared/api';
import { startServer, type RunningServer } from '../../../../main/serve/server';

const TOKEN = 'test-token-0123456789';

// createReadStream passes through, except when a test asks for the next read to fail.
const readFailure = vi.hoisted(() => ({ next: null as Error | null }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const { Readable } = await import('node:stream');
  return {
    ...fs,
    createReadStream: ((...args: Parameters<typeof fs.createReadStream>) => {
      const failure = readFailure.next;
      readFailure.next = null;
      if (!failure) return fs.createReadStream(...args);
      return new Readable({ read() { this.destroy(failure); } });
    }) as typeof fs.createReadStream,
  };
});

function fakeApi(): Api {
  const corpus = { root: '/c', name: 'c', articles: [], errors: [], stats: { files: 0, indexed: 0, fromCache: 0, errors: 0, ms: 0 } };
  return {
    getAppState: vi.fn(async () => ({ version: '0', canPickFolder: false, sampleCorpus: '/s', recentFolders: [], corpus: null })),
    openCorpus: vi.fn(async () => corpus),
    openSampleCorpus: vi.fn(async () => corpus),
    pickFolder: vi.fn(async () => ({ dir: null })),
    getCorpus: vi.fn(async () => corpus),
    getArticle: vi.fn(async ({ id }: { id: string }) => {
      throw new ApiError('not-found', `no article ${id}`);
    }),
    search: vi.fn(async ({ query }: { query: string }) => ({ query, hits: [], ms: 0 })),
  } as unknown as Api;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(server: RunningServer, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: init.method ?? 'GET', headers: { Host: `127.0.0.1:${server.port}`, ...init.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', fail);
    req.end(init.body);
  });
}

const auth = { Authorization: `Bearer ${TOKEN}` };
const call = (server: RunningServer, name: string, args: unknown, headers: Record<string, string> = auth) =>
  send(server, `/api/call/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(args) });

describe('browser-mode server', () => {
  let server: RunningServer;
  let api: Api;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reckon-renderer-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Reckon</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, '..', 'secret.txt'), 'outside the renderer folder');
    symlinkSync(join(dir, '..', 'secret.txt'), join(dir, 'leak.txt'));
    symlinkSync(join(dir, 'assets', 'app.js'), join(dir, 'alias.js'));
    api = fakeApi();
    server = await startServer({ api, rendererDir: dir, token: TOKEN });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 only and prints a URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
  });

  it('refuses every request without the token, static files included', async () => {
    expect((await send(server, '/')).status).toBe(401);
    expect((await send(server, '/assets/app.js')).status).toBe(401);
    expect((await call(server, 'getAppState', {}, {})).status).toBe(401);
    expect((await call(server, 'getAppState', {}, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect(api.getAppState).not.toHaveBeenCalled();
  });

  it('swaps the URL token for an HttpOnly SameSite=Strict cookie, which then works', async () => {
    const first = await send(server, `/?token=${TOKEN}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await send(server, '/', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Reckon</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(server, '/?token=nope')).status).toBe(401);
  });

  it('names its cookie after its port, so two servers on one host keep their own', async () => {
    const cookie = String((await send(server, `/?token=${TOKEN}`)).headers['set-cookie']);
    expect(cookie.startsWith(`reckon_token_${server.port}=${TOKEN};`)).toBe(true);
    expect((await send(server, '/', { headers: { Cookie: `reckon_token_1=${TOKEN}` } })).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const reply = await send(server, '/', { headers: { ...auth, Host: `evil.example:${server.port}` } });
    expect(reply.status).toBe(421);
  });

  it('serves the renderer with MIME types and never a file outside it', async () => {
    const js = await send(server, '/assets/app.js', { headers: auth });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect((await send(server, '/../secret.txt', { headers: auth })).status).toBe(404);
    expect((await send(server, '/%2e%2e/secret.txt', { headers: auth })).status).toBe(404);
    expect((await send(server, '/missing.js', { headers: auth })).status).toBe(404);
  });

  it('follows a symbolic link in the renderer folder only to a file inside it', async () => {
    const leak = await send(server, '/leak.txt', { headers: auth });
    expect(leak.status).toBe(404);
    expect(leak.body).not.toContain('outside the renderer folder');
    expect((await send(server, '/alias.js', { headers: auth })).body).toBe('console.log(1)');
  });

  it('survives a file that cannot be read after its stat (a rebuild under a running server)', async () => {
    readFailure.next = Object.assign(new Error('ENOENT: gone'), { code: 'ENOENT' });
    await send(server, '/assets/app.js', { headers: auth }).catch(() => null);
    expect(readFailure.next).toBeNull();
    expect((await send(server, '/assets/app.js', { headers: auth })).body).toBe('console.log(1)');
  });

  it('dispatches calls through the contract: valid, invalid, unknown, failing', async () => {
    const ok = JSON.parse((await call(server, 'search', { query: 'capacity' })).body);
    expect(ok).toEqual({ ok: true, value: { query: 'capacity', hits: [], ms: 0 } });

    const invalid = JSON.parse((await call(server, 'search', { query: 42 })).body);
    expect(invalid.ok).toBe(false);
    expect(invalid.error.code).toBe('invalid-args');

    const extra = JSON.parse((await call(server, 'getArticle', { id: 'a', path: '/etc/passwd' })).body);
    expect(extra.error.code).toBe('invalid-args');

    const malformed = await call(server, '%E0%A4%A', {});
    expect(malformed.status).toBe(200);
    expect(JSON.parse(malformed.body).error.code).toBe('unknown-call');

    const unknown = JSON.parse((await call(server, 'toString', {})).body);
    expect(unknown.error.code).toBe('unknown-call');

    const failing = JSON.parse((await call(server, 'getArticle', { id: 'x.txt' })).body);
    expect(failing.error).toEqual({ code: 'not-found', message: 'no article x.txt' });
  });

  it('requires JSON POSTs from its own origin for calls', async () => {
    expect((await send(server, '/api/call/getAppState', { headers: auth })).status).toBe(405);
    const form = await send(server, '/api/call/getAppState', { method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const foreign = await call(server, 'getAppState', {}, { ...auth, Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const bad = await send(server, '/api/call/getAppState', { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{' });
    expect(JSON.parse(bad.body).error.code).toBe('invalid-args');
  });

  it('answers an oversized body with 413 and a reason, not a reset connection', async () => {
    const huge = await call(server, 'search', { query: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error).toEqual({ code: 'invalid-args', message: 'bad request body: body over 1048576 bytes' });
    expect(api.search).not.toHaveBeenCalledWith(expect.objectContaining({ query: expect.stringMatching(/^x{1000}/) }));
    expect((await call(server, 'getAppState', {})).status).toBe(200);
  });

  it('streams events to connected pages as server-sent events', async () => {
    const received = await new Promise<string>((done, fail) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { ...auth, Host: `127.0.0.1:${server.port}` } },
        (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream');
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            text += chunk;
            if (text.includes(': connected')) server.emit('indexProgress', { root: '/c', phase: 'reading', done: 1, total: 5 });
            if (text.includes('data: ')) {
              req.destroy();
              done(text);
            }
          });
        },
      );
      req.on('error', fail);
      req.end();
    });
    expect(received).toContain('event: indexProgress\ndata: {"root":"/c","phase":"reading","done":1,"total":5}\n\n');
  });
});
