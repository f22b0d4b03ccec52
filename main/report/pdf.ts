/**
 * PDF outside Electron (CLI, browser mode): the report's HTML printed by a headless
 * Chromium or Chrome already installed on the machine. Reckon does not ship one; when
 * none is found the caller says how to get one (CHROMIUM_MISSING_MESSAGE).
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, win32 } from 'node:path';
import { pathToFileURL } from 'node:url';

/** HTML in, PDF bytes out. Electron's printToPDF in the app, headless Chromium elsewhere. */
export type PdfRenderer = (html: string) => Promise<Uint8Array>;

export const CHROMIUM_MISSING_MESSAGE =
  'PDF export needs Chromium or Google Chrome, and none was found. ' +
  'On Debian or Ubuntu: `sudo apt install chromium`. ' +
  'On macOS or Windows: install Google Chrome, or give the path of a Chromium-based browser with --chromium PATH.';

/** Names looked up on PATH, most specific first. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'microsoft-edge', 'msedge'];

/** Where the installers put the browsers when they are not on PATH (the usual case on macOS and Windows). */
function installPaths(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    const roots = ['/Applications', ...(env.HOME ? [join(env.HOME, 'Applications')] : [])];
    return roots.flatMap((root) => apps.map((app) => join(root, app)));
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string => Boolean(root));
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return roots.flatMap((root) => apps.map((app) => win32.join(root, app)));
  }
  return [];
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to print with. An explicit path (--chromium) must be an executable file,
 * else this throws saying what is wrong with it; otherwise the first browser found on
 * PATH or in the usual install folders, or null.
 */
export function findChromium(explicit?: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (explicit !== undefined) {
    let info;
    try {
      info = statSync(explicit);
    } catch {
      throw new Error(`Chromium not found at ${explicit}: no such file.`);
    }
    if (info.isDirectory()) {
      const hint = platform === 'darwin' ? ' (for an .app bundle, give the program inside it, e.g. "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome")' : '';
      throw new Error(`${explicit} is a folder, not the Chromium program${hint}.`);
    }
    if (!isExecutableFile(explicit)) throw new Error(`${explicit} is not an executable file.`);
    return explicit;
  }
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : delimiter).filter(Boolean);
  const suffixes = platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const candidate = join(dir, name + suffix);
        if (isExecutableFile(candidate)) return candidate;
      }
    }
  }
  return installPaths(env, platform).find(isExecutableFile) ?? null;
}

/** A large corpus's report prints in a few seconds; a minute means the browser is stuck. */
export const DEFAULT_PDF_TIMEOUT_MS = 60_000;

export interface PdfRendererOptions {
  /** Give up (and end the browser or window printing) after this long. Default DEFAULT_PDF_TIMEOUT_MS. */
  timeoutMs?: number;
}

/** Flags that keep the browser from reaching the network or leaving state behind. */
const OFFLINE_FLAGS = [
  '--headless',
  '--disable-gpu',
  '--no-pdf-header-footer',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
];

/** Lines Chromium prints in every container without a system bus; they never explain a failure. */
const isNoise = (line: string): boolean => /:ERROR:dbus\//.test(line) || !line.trim();

function stderrTail(stderr: string): string {
  const lines = stderr.split('\n').filter((line) => !isNoise(line));
  return lines.slice(-8).join('\n').slice(-2000);
}

/**
 * A renderer that prints with the given Chromium: the HTML goes to a temp file, the
 * browser runs headless with a fresh profile and writes the PDF beside it, then the
 * folder is removed whatever happened.
 */
export function chromiumPdfRenderer(executable: string, options: PdfRendererOptions = {}): PdfRenderer {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
  return async (html) => {
    const work = await mkdtemp(join(tmpdir(), 'reckon-pdf-'));
    try {
      const htmlPath = join(work, 'report.html');
      const pdfPath = join(work, 'report.pdf');
      await writeFile(htmlPath, html, 'utf8');
      const args = [
        ...OFFLINE_FLAGS,
        // Chromium refuses to start as root with its sandbox on (containers, CI); elsewhere the sandbox stays.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        `--user-data-dir=${join(work, 'profile')}`,
        `--print-to-pdf=${pdfPath}`,
        pathToFileURL(htmlPath).href,
      ];
      await runChromium(executable, args, timeoutMs);
      const pdf = await readFile(pdfPath).catch(() => null);
      if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw new Error(`Chromium (${executable}) finished without writing a PDF.`);
      }
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      // The profile may still be closing on Windows; retry rather than leave it.
      await rm(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    }
  };
}

function runChromium(executable: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout ends the browser's helper processes too.
    const detached = process.platform !== 'win32';
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'], detached });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (detached && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`Could not run Chromium (${executable}): ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return reject(new Error(`Chromium (${executable}) did not print the PDF within ${timeoutMs / 1000} s.`));
      if (code === 0) return resolve();
      const tail = stderrTail(stderr);
      const status = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
      reject(new Error(`Chromium (${executable}) ${status} while printing the PDF${tail ? `:\n${tail}` : '.'}`));
    });
  });
}
