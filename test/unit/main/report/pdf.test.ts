/**
 * Finding a Chromium (explicit path, PATH, install folders) and the headless renderer's
 * failure paths, with small shell scripts standing in for the browser.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPdfRenderer, CHROMIUM_MISSING_MESSAGE, findChromium } from '../../../../main/report/pdf';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reckon-pdf-test-'));
  temps.push(dir);
  return dir;
}

function script(dir: string, name: string, body: string, mode = 0o755): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, mode);
  return path;
}

/** A fake browser that records its arguments, one a line, then runs `body`. */
function fakeChromium(dir: string, body: string): { path: string; args: () => string[] } {
  const argsFile = join(dir, 'args.txt');
  const path = script(dir, 'chromium', `for a in "$@"; do echo "$a" >> '${argsFile}'; done\n${body}`);
  return { path, args: () => readFileSync(argsFile, 'utf8').trim().split('\n') };
}

/** The renderer's work folder for one run: where the profile it passed was. */
const workDirOf = (args: string[]): string => dirname(args.find((a) => a.startsWith('--user-data-dir='))!.slice('--user-data-dir='.length));

/** Alive and not a zombie (a container's init may not reap orphans). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

describe('findChromium', () => {
  it('takes the first browser name that is on PATH, in PATH order within a name', () => {
    const root = tempDir();
    const first = join(root, 'first');
    const second = join(root, 'second');
    script(second, 'chromium', 'exit 0');
    script(first, 'google-chrome', 'exit 0');
    script(first, 'chromium', 'exit 0', 0o644); // not executable: skipped
    mkdirSync(join(first, 'chromium-browser', 'x'), { recursive: true }); // a folder: skipped
    const env = { PATH: [first, second].join(':') };
    expect(findChromium(undefined, env, 'linux')).toBe(join(second, 'chromium'));
    rmSync(join(second, 'chromium'));
    expect(findChromium(undefined, env, 'linux')).toBe(join(first, 'google-chrome'));
  });

  it('is null when nothing is found (and the message says how to get one)', () => {
    const empty = tempDir();
    expect(findChromium(undefined, { PATH: empty }, 'linux')).toBeNull();
    expect(findChromium(undefined, {}, 'linux')).toBeNull();
    expect(CHROMIUM_MISSING_MESSAGE).toMatch(/sudo apt install chromium/);
    expect(CHROMIUM_MISSING_MESSAGE).toMatch(/--chromium PATH/);
  });

  it('looks in the usual macOS install folders, the user’s Applications too', () => {
    const home = tempDir();
    const chrome = join(home, 'Applications', 'Google Chrome.app', 'Contents', 'MacOS');
    script(chrome, 'Google Chrome', 'exit 0');
    expect(findChromium(undefined, { PATH: '', HOME: home }, 'darwin')).toBe(join(chrome, 'Google Chrome'));
  });

  it('takes an explicit path that is an executable file, and says what is wrong with any other', () => {
    const dir = tempDir();
    const good = script(dir, 'my-chrome', 'exit 0');
    const notExecutable = script(dir, 'plain', 'exit 0', 0o644);
    expect(findChromium(good, { PATH: '' })).toBe(good);
    expect(() => findChromium(join(dir, 'missing'))).toThrow(/Chromium not found at .*missing: no such file/);
    expect(() => findChromium(notExecutable)).toThrow(/plain is not an executable file/);
    expect(() => findChromium(dir, {}, 'darwin')).toThrow(/is a folder, not the Chromium program \(for an \.app bundle/);
  });
});

describe('chromiumPdfRenderer', () => {
  it('passes the offline flags, a fresh profile and the HTML as a file, and returns the PDF it wrote', async () => {
    // Checks the HTML file is there, and "prints" it.
    const fake = fakeChromium(
      tempDir(),
      [
        'for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; file://*) html="${a#file://}";; esac; done',
        'grep -q "<p>hello</p>" "$html" || exit 3',
        'printf "%%PDF-1.4 fake" > "$out"',
      ].join('\n'),
    );
    const pdf = await chromiumPdfRenderer(fake.path)('<!doctype html><p>hello</p>');
    expect(Buffer.from(pdf).toString('latin1')).toBe('%PDF-1.4 fake');
    const args = fake.args();
    expect(args).toEqual(
      expect.arrayContaining([
        '--headless',
        '--disable-gpu',
        '--no-pdf-header-footer',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ]),
    );
    expect(args.some((a) => a.startsWith('--user-data-dir=') && a.includes('reckon-pdf-'))).toBe(true);
    expect(args.includes('--no-sandbox')).toBe(process.getuid?.() === 0);
    expect(args.at(-1)).toMatch(/^file:\/\/.*report\.html$/);
    expect(existsSync(workDirOf(args))).toBe(false);
  });

  it('fails with the browser’s own last words (not the system-bus noise), and cleans up', async () => {
    const failing = fakeChromium(
      tempDir(),
      [`echo '[1:2:ERROR:dbus/bus.cc:405] Failed to connect to the bus' >&2`, `echo 'Fatal: cannot open display' >&2`, 'exit 7'].join('\n'),
    );
    const failure = chromiumPdfRenderer(failing.path)('<p>x</p>');
    await expect(failure).rejects.toThrow(/chromium\) exited with code 7 while printing the PDF:\nFatal: cannot open display$/);
    expect(existsSync(workDirOf(failing.args()))).toBe(false);
  });

  it('fails when the browser exits happily without a PDF', async () => {
    const silent = fakeChromium(tempDir(), 'exit 0');
    await expect(chromiumPdfRenderer(silent.path)('<p>x</p>')).rejects.toThrow(/finished without writing a PDF/);
    expect(existsSync(workDirOf(silent.args()))).toBe(false);
  });

  it('gives up after the timeout, ending the browser and what it started', async () => {
    const dir = tempDir();
    const pidFile = join(dir, 'child.pid');
    const hanging = fakeChromium(dir, `sleep 30 & echo $! > '${pidFile}'\nwait`);
    const started = Date.now();
    await expect(chromiumPdfRenderer(hanging.path, { timeoutMs: 300 })('<p>x</p>')).rejects.toThrow(/did not print the PDF within 0\.3 s/);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(isRunning(Number(readFileSync(pidFile, 'utf8')))).toBe(false); // the helper process is gone too
    expect(existsSync(workDirOf(hanging.args()))).toBe(false);
  });

  it('says so when the program cannot be run at all', async () => {
    const missing = join(tempDir(), 'nope');
    expect(existsSync(missing)).toBe(false);
    await expect(chromiumPdfRenderer(missing)('<p>x</p>')).rejects.toThrow(/Could not run Chromium \(.*nope\): .*ENOENT/);
  });
});
