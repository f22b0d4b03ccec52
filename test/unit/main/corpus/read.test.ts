import { execFileSync } from 'node:child_process';
import { chmod, mkdir, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDocument } from '../../../../main/corpus';
import { describeFsError, readBytes } from '../../../../main/corpus/read';
import { minimalDocx, minimalPdf, PNG_BYTES, SAMPLE_CORPUS, tempDir } from './fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('readDocument', () => {
  it('reads a sample article with its metadata', async () => {
    const result = await readDocument(join(SAMPLE_CORPUS, '003_78519aec2665b739.txt'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe('txt');
    expect(result.meta.title).toBe('CAMBODIAN AUTHORITIES MUST KEEP THEIR PROMISE TO RELEASE 10,000 PRISONERS');
    expect(result.meta.date).toEqual({ iso: '2020-07-23', source: 'text', surface: '23 July 2020' });
    expect(result.text).toContain('an estimated capacity of just 26,593');
    // .txt stays faithful: markup-looking characters are part of the text.
    expect(result.text).toContain('<sup>1</sup>');
  });

  it('normalises CRLF, BOM and NFC', async () => {
    const path = await file('crlf.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Cafe\u0301 headline here\r\n\r\n\r\nBody  text.\r\n')]));
    const result = await readDocument(path);
    expect(result).toMatchObject({ ok: true, text: 'Café headline here\n\nBody text.' });
  });

  it('reads UTF-16 LE and BE files', async () => {
    const text = 'Prisons over capacity\n\nThey hold 38,990 people.';
    const le = await file('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const beBytes = Buffer.from(text, 'utf16le');
    for (let i = 0; i < beBytes.length; i += 2) [beBytes[i], beBytes[i + 1]] = [beBytes[i + 1]!, beBytes[i]!];
    const be = await file('be.txt', beBytes); // no BOM: detected from the NUL pattern
    expect(await readDocument(le)).toMatchObject({ ok: true, text });
    expect(await readDocument(be)).toMatchObject({ ok: true, text });
  });

  it.each([
    ['empty.txt', Buffer.alloc(0), 'empty', /0 bytes/],
    ['image.txt', PNG_BYTES, 'binary', /PNG image/],
    ['latin1.txt', Buffer.from([...Buffer.from('Caf'), 0xe9, 0x0a]), 'encoding', /UTF-8.*offset 3/],
    ['blank.md', Buffer.from('   \n\n\t\n'), 'empty', /no text/],
    ['broken.pdf', Buffer.from('%PDF-1.7\nnot really'), 'malformed', /PDF/],
    ['broken.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('junk')]), 'malformed', /Word/],
    ['photo.docx', PNG_BYTES, 'binary', /PNG image/],
  ])('reports %s as %s', async (name, bytes, code, reason) => {
    const result = await readDocument(await file(name, bytes));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.reason).toMatch(reason);
  });

  it('reports a file over maxFileBytes without reading it', async () => {
    const path = await file('big.txt', 'x'.repeat(2000));
    const result = await readDocument(path, { maxFileBytes: 1000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    if (!result.ok) expect(result.error.reason).toMatch(/limit/);
  });

  it('maps file-system errors to clear reasons', async () => {
    const errno = (code: string) => Object.assign(new Error(code), { code });
    expect(describeFsError(errno('EACCES'))).toEqual({ code: 'unreadable', reason: 'permission denied: the file cannot be read' });
    expect(describeFsError(errno('EPERM')).code).toBe('unreadable');
    expect(describeFsError(errno('EIO'))).toEqual({ code: 'unreadable', reason: 'cannot read the file (EIO)' });
    expect(await readBytes(dir)).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('reports a file it may not read as unreadable', async () => {
    const path = await file('secret.txt', 'hidden words');
    await chmod(path, 0o000);
    // root reads anything; everyone else gets EACCES. Either way: no crash, and a clear outcome.
    const result = await readDocument(path);
    if (process.getuid?.() === 0) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, error: { code: 'unreadable', reason: 'permission denied: the file cannot be read' } });
  });

  it('reports unsupported types and missing files', async () => {
    expect(await readDocument(await file('notes.rtf', '{\\rtf1}'))).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await readDocument(join(dir, 'missing.txt'))).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    await mkdir(join(dir, 'folder.txt'));
    expect(await readDocument(join(dir, 'folder.txt'))).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('reads markdown, HTML, PDF and DOCX', async () => {
    expect(await readDocument(await file('a.md', '# Heading one\n\nSome **bold** text.'))).toMatchObject({ ok: true, format: 'md', text: 'Heading one\n\nSome bold text.', meta: { title: 'Heading one' } });
    expect(await readDocument(await file('b.htm', '<title>T</title><h1>Head</h1><p>Para</p>'))).toMatchObject({ ok: true, format: 'html', text: 'Head\n\nPara', meta: { title: 'Head' } });
    expect(await readDocument(await file('c.pdf', minimalPdf(['Prisons report title', null, 'Body of 27,000 words.'])))).toMatchObject({
      ok: true,
      format: 'pdf',
      text: 'Prisons report title\n\nBody of 27,000 words.',
      meta: { title: 'Prisons report title' },
    });
    expect(await readDocument(await file('d.docx', await minimalDocx(['Docx headline here', 'Body text.'])))).toMatchObject({
      ok: true,
      format: 'docx',
      text: 'Docx headline here\n\nBody text.',
      meta: { title: 'Docx headline here' },
    });
  });

  it('dates an article without a stated date by its modification time', async () => {
    const path = await file('undated.txt', 'A headline without a date\n\nBody text with no date at all.');
    const when = new Date(2019, 4, 6, 12);
    await utimes(path, when, when);
    const result = await readDocument(path);
    expect(result).toMatchObject({ ok: true, meta: { date: { iso: '2019-05-06', source: 'mtime' } } });
  });

  it('follows a link to a file (readDocument itself is not confined)', async () => {
    const target = await file('target.txt', 'Linked headline words\n\nBody.');
    await symlink(target, join(dir, 'link.txt'));
    expect(await readDocument(join(dir, 'link.txt'))).toMatchObject({ ok: true });
  });
});

describe('readBytes', () => {
  it('refuses a FIFO without waiting for a writer (a file replaced between scan and read)', async () => {
    if (process.platform === 'win32') return; // no mkfifo
    const path = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [path]);
    const outcome = await Promise.race([readBytes(path), new Promise((done) => setTimeout(() => done('hung'), 2000))]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unsupported', reason: expect.stringMatching(/not a regular file/) } });
  });

  it('stops at the size limit even when the file grew after it was measured', async () => {
    const path = await file('growing.txt', 'x'.repeat(5000));
    expect(await readBytes(path, 1000)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    const whole = await readBytes(path, 5000);
    expect(whole.ok && whole.bytes.length).toBe(5000);
  });
});
