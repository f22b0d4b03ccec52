import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const {
  APP_SCHEME_PRIVILEGES,
  handleAppProtocol,
  isAppUrl,
  mimeTypeFor,
  registerAppScheme,
  resolveAppPath,
  securityHeaders,
  serveAppRequest,
} = await import('../../../../main/protocol');
const { CONTENT_SECURITY_POLICY } = await import('../../../../main/csp');

// A built renderer folder, and a secret next to it that must never be served.
let base: string;
let root: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'reckon-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Reckon</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');
  symlinkSync(join(base, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync(join(root, 'assets', 'index-abc.js'), join(root, 'alias.js'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));
beforeEach(() => fake.reset());

const get = (url: string, method = 'GET') => serveAppRequest(root, new Request(url, { method }));

function expectSecurityHeaders(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('the reckon:// scheme', () => {
  it('is registered as privileged: standard, secure, fetch, and nothing more', () => {
    registerAppScheme();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'reckon',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('recognises only reckon://app as the app origin', () => {
    expect(isAppUrl('reckon://app/index.html')).toBe(true);
    expect(isAppUrl('reckon://app/')).toBe(true);
    expect(isAppUrl('reckon://other/index.html')).toBe(false);
    expect(isAppUrl('https://app/index.html')).toBe(false);
    expect(isAppUrl('file:///work/main/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('serving the renderer', () => {
  it('serves index.html (also for /) with its MIME type, the CSP and nosniff', async () => {
    for (const url of ['reckon://app/index.html', 'reckon://app/']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expectSecurityHeaders(response);
      expect(await response.text()).toContain('<title>Reckon</title>');
    }
  });

  it('serves scripts and styles with their MIME types', async () => {
    const js = await get('reckon://app/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    const css = await get('reckon://app/assets/index-abc.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expectSecurityHeaders(css);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('reckon://app/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers unknown paths, folders and other hosts with 404, still with the CSP', async () => {
    for (const url of ['reckon://app/missing.js', 'reckon://app/assets', 'reckon://other/index.html']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expectSecurityHeaders(response);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await get('reckon://app/index.html', 'POST');
    expect(response.status).toBe(405);
    expectSecurityHeaders(response);
  });

  it.each([
    'reckon://app/../secret.txt',
    'reckon://app/..%2fsecret.txt',
    'reckon://app/%2e%2e%2fsecret.txt',
    'reckon://app/assets/..%2f..%2fsecret.txt',
    'reckon://app/..%5csecret.txt',
    'reckon://app/%2e%2e/%2e%2e/secret.txt',
  ])('never serves a file outside the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('TOP SECRET');
  });

  it('follows a symbolic link in the folder only to a file inside it', async () => {
    const leak = await get('reckon://app/leak.txt');
    expect(leak.status).toBe(404);
    expect(await leak.text()).not.toContain('TOP SECRET');
    expect(await (await get('reckon://app/alias.js')).text()).toBe('console.log(1)');
  });

  it('treats an encoded absolute path as relative to the folder', async () => {
    const response = await get(`reckon://app/${encodeURIComponent(join(base, 'secret.txt'))}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('TOP SECRET');
  });
});

describe('resolveAppPath', () => {
  it('maps URLs into the folder', () => {
    expect(resolveAppPath('/r', 'reckon://app/index.html')).toBe('/r/index.html');
    expect(resolveAppPath('/r', 'reckon://app/')).toBe('/r/index.html');
    expect(resolveAppPath('/r', 'reckon://app/assets/a%20b.js')).toBe('/r/assets/a b.js');
  });

  it('refuses traversal, NUL bytes, malformed escapes and foreign URLs', () => {
    expect(resolveAppPath('/r', 'reckon://app/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppPath('/r', 'reckon://app/..%2f')).toBeNull();
    expect(resolveAppPath('/r', 'reckon://app/x%00.html')).toBeNull();
    expect(resolveAppPath('/r', 'reckon://app/%E0%A4%A')).toBeNull();
    expect(resolveAppPath('/r', 'reckon://app/a%5c..%5c..%5cx')).toBeNull();
    expect(resolveAppPath('/r', 'file:///r/index.html')).toBeNull();
    expect(resolveAppPath('/r', 'https://app/index.html')).toBeNull();
  });
});

describe('headers and types', () => {
  it('puts the shared CSP on every response and forbids sniffing', () => {
    const headers = securityHeaders('text/plain');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('sends unknown file types as opaque bytes', () => {
    expect(mimeTypeFor('x.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('x.SVG')).toBe('image/svg+xml');
    expect(mimeTypeFor('x.exe')).toBe('application/octet-stream');
  });
});

describe('handleAppProtocol', () => {
  it('installs the handler on the session for the reckon scheme', async () => {
    handleAppProtocol(fake.session.defaultSession as never, root);
    const handler = fake.protocol.handlers.get('reckon');
    expect(handler).toBeDefined();
    const response = await handler!(new Request('reckon://app/index.html'));
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
  });
});
