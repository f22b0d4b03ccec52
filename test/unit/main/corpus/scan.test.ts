import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isInside, isSkippedPath, scanFolder } from '../../../../main/corpus/scan';
import { tempDir } from './fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let outside: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  outside = await tempDir('reckon-outside-');
});
afterEach(async () => {
  await cleanup();
  await outside.cleanup();
});

async function put(rel: string, content = 'text'): Promise<void> {
  const path = join(dir, rel);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
}

describe('scanFolder', () => {
  it('finds supported files recursively with ids relative to the root', async () => {
    await put('a.txt');
    await put('sub/b.MD');
    await put('sub/deeper/c.html');
    await put('sub/deeper/d.htm');
    await put('e.pdf');
    await put('f.docx');
    await put('g.markdown');
    await put('ignored.rtf');
    await put('image.png');
    await put('noext');
    const { files, errors } = await scanFolder(dir);
    expect(files.map((f) => [f.id, f.format])).toEqual([
      ['a.txt', 'txt'],
      ['e.pdf', 'pdf'],
      ['f.docx', 'docx'],
      ['g.markdown', 'md'],
      ['sub/b.MD', 'md'],
      ['sub/deeper/c.html', 'html'],
      ['sub/deeper/d.htm', 'html'],
    ]);
    expect(errors).toEqual([]);
    expect(files[0]).toMatchObject({ absPath: join(dir, 'a.txt'), size: 4 });
  });

  it('skips hidden entries and node_modules', async () => {
    await put('.git/HEAD.txt');
    await put('.hidden.txt');
    await put('node_modules/pkg/readme.md');
    await put('visible.txt');
    expect((await scanFolder(dir)).files.map((f) => f.id)).toEqual(['visible.txt']);
  });

  it('follows links to files inside the folder, not outside it, and never links to folders', async () => {
    await put('real.txt');
    await symlink(join(dir, 'real.txt'), join(dir, 'inside-link.txt'));
    await writeFile(join(outside.dir, 'secret.txt'), 'outside');
    await symlink(join(outside.dir, 'secret.txt'), join(dir, 'outside-link.txt'));
    await symlink(outside.dir, join(dir, 'linked-folder'));
    await symlink(dir, join(dir, 'loop'));
    const { files, errors } = await scanFolder(dir);
    expect(files.map((f) => f.id)).toEqual(['inside-link.txt', 'real.txt']);
    expect(errors).toEqual([{ path: 'outside-link.txt', code: 'unreadable', reason: expect.stringMatching(/outside the opened folder/) }]);
  });
});

describe('path helpers', () => {
  it('reports a file or folder whose name is not valid UTF-8 instead of dropping it silently', async () => {
    if (process.platform !== 'linux') return; // macOS and Windows refuse such names
    await put('ok.txt');
    const latin1 = (name: string) => Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(name, 'latin1')]);
    await writeFile(latin1('caf\xe9.txt'), 'text');
    await mkdir(latin1('d\xe9p\xeache'));
    const { files, errors } = await scanFolder(dir);
    expect(files.map((f) => f.id)).toEqual(['ok.txt']);
    expect(errors).toEqual([
      { path: 'caf\uFFFD.txt', code: 'unreadable', reason: expect.stringMatching(/not valid UTF-8/) },
      { path: 'd\uFFFDp\uFFFDche', code: 'unreadable', reason: expect.stringMatching(/not valid UTF-8/) },
    ]);
  });

  it('isInside', () => {
    expect(isInside('/a/b', '/a/b/c.txt')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/bc/d.txt')).toBe(false);
    expect(isInside('/a/b', '/a/x.txt')).toBe(false);
  });
  it('isSkippedPath', () => {
    expect(isSkippedPath('sub/.git/x.txt')).toBe(true);
    expect(isSkippedPath('node_modules/x.md')).toBe(true);
    expect(isSkippedPath('sub/x.txt')).toBe(false);
  });
});
