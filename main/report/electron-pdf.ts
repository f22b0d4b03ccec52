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
import type { PdfRenderer } from './pdf';

type Electron = typeof import('electron');
type Session = ReturnType<Electron['session']['fromPartition']>;

/** In memory (no `persist:`), and used for nothing else: the app's session and its cache never see a report. */
export const PDF_PARTITION = 'reckon-report-pdf';

/**
 * A renderer that prints with Electron (one per app: it owns PDF_PARTITION's request
 * filter). The HTML goes through a temp file rather than a data: URL, which Chromium
 * caps at 2 MB (a large corpus's report is more).
 */
export function electronPdfRenderer({ BrowserWindow, session }: Pick<Electron, 'BrowserWindow' | 'session'>): PdfRenderer {
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
      win = new BrowserWindow({
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
      await win.loadURL(url);
      const pdf = await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      printing.delete(url);
      if (win && !win.isDestroyed()) win.destroy();
      await rm(work, { recursive: true, force: true });
    }
  };
}
