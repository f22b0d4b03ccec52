import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confinedPath, findStaticFile, mimeTypeFor, securityHeaders } from '../../../main/static-files';

function renderer() {
  const base = mkdtempSync(join(tmpdir(), 'reckon-static-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'x');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  symlinkSync(join(base, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync(join(root, 'assets', 'app.js'), join(root, 'alias.js'));
  return root;
}

describe('static files of the built renderer', () => {
  it('confines a URL path to the folder by path', () => {
    expect(confinedPath('/r', '/')).toBe('/r/index.html');
    expect(confinedPath('/r', '/assets/a%20b.js')).toBe('/r/assets/a b.js');
    for (const bad of ['/../x', '/..%2fx', '/%2e%2e/x', '/a%5c..%5c..%5cx', '/x%00.js', '/%E0%A4%A']) expect(confinedPath('/r', bad), bad).toBeNull();
  });

  it('finds regular files inside the folder, following links only to inside it', async () => {
    const root = renderer();
    expect(await findStaticFile(root, '/')).toMatchObject({ size: 15 });
    expect((await findStaticFile(root, '/alias.js'))?.path).toMatch(/assets\/app\.js$/);
    expect(await findStaticFile(root, '/leak.txt')).toBeNull();
    expect(await findStaticFile(root, '/assets')).toBeNull();
    expect(await findStaticFile(root, '/missing.js')).toBeNull();
  });

  it('types what the build emits and sends everything else as opaque', () => {
    expect(mimeTypeFor('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.exe')).toBe('application/octet-stream');
    expect(securityHeaders('text/plain')).toMatchObject({ 'Content-Type': 'text/plain', 'X-Content-Type-Options': 'nosniff' });
    expect(securityHeaders('text/plain')['Content-Security-Policy']).toContain("default-src 'none'");
  });
});
