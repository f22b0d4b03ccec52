/**
 * PDF in the app: the report's HTML printed by Electron's own Chromium in a hidden
 * window that can run no script and load nothing but the report itself. Electron is
 * passed in by main/index.ts (the shell files alone import it).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_PDF_TIMEOUT_MS, type PdfRenderer, type PdfRendererOptions } from './pdf';

type Electron = typeof import('electron');
type Session = ReturnType<Electron['session']['fromPartition']>;

/** In memory (no `persist:`), and used for nothing else: the app's session and its cache never see a report. */
export const PDF_PARTITION = 'reckon-report-pdf';

/**
 * A renderer that prints with Electron (one per app: it owns PDF_PARTITION's request
 * filter). The HTML goes through a temp file rather than a data: URL, which Chromium
 * caps at 2 MB (a large corpus's report is more).
 */
export function electronPdfRenderer({ BrowserWindow, session }: Pick<Electron, 'BrowserWindow' | 'session'>, options: PdfRendererOptions = {}): PdfRenderer {
  const timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
  /** The report files being printed now; the partition refuses every other request. */
  const printing = new Set<string>();
  let preparedSession: Session | null = null;
  // Prepared on first use: the session exists only once the app is ready.
  const pdfSession = (): Session => {
    if (preparedSession) return preparedSession;
    const ses = session.fromPartition(PDF_PARTITION);
    ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    // data: stays on the machine (inline images in the report); anything else but the report is refused.
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !(printing.has(details.url) || details.url.startsWith('data:')) }));
    preparedSession = ses;
    return ses;
  };

  return async (html) => {
    const work = await mkdtemp(join(tmpdir(), 'reckon-pdf-'));
    const htmlPath = join(work, `report-${randomUUID()}.html`);
    const url = pathToFileURL(htmlPath).href;
    let win: InstanceType<Electron['BrowserWindow']> | null = null;
    try {
      await writeFile(htmlPath, html, 'utf8');
      printing.add(url);
      const pdfWindow = new BrowserWindow({
        show: false,
        webPreferences: {
          session: pdfSession(),
          javascript: false,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          spellcheck: false,
        },
      });
      win = pdfWindow;
      const printed = pdfWindow.loadURL(url).then(() => pdfWindow.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true }));
      // A window that never finishes loading or printing would leave the Export dialog waiting for ever.
      const pdf = await withTimeout(printed, timeoutMs, `The report was not printed to PDF within ${timeoutMs / 1000} s.`);
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      printing.delete(url);
      if (win && !win.isDestroyed()) win.destroy();
      await rm(work, { recursive: true, force: true });
    }
  };
}

/** The promise's value, or a rejection with `message` once `ms` have passed (the late outcome is then ignored). */
function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  // The window is destroyed on timeout, which may fail the late load or print: nothing to report then.
  promise.catch(() => {});
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
