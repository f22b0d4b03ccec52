/**
 * PDF and saving in the app, without Electron (no binary here): electronPdfRenderer
 * against a small fake of the two Electron objects it is given, and main/index.ts's
 * wiring (save dialog, renderer) against the shell tests' fake `electron` module.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendOptions } from '../../../../main/backend';
import { electronPdfRenderer, PDF_PARTITION } from '../../../../main/report/electron-pdf';
import { fake } from '../shell/fake-electron';

vi.mock('electron', () => import('../shell/fake-electron'));
vi.mock('electron-store', async () => ({ default: (await import('conf')).default }));
const backendMock = vi.hoisted(() => ({ options: null as BackendOptions | null }));
vi.mock('../../../../main/backend', async () => {
  const { vi } = await import('vitest');
  return {
    createBackend: (options: BackendOptions) => {
      backendMock.options = options;
      return { close: vi.fn(async () => {}), current: () => null };
    },
  };
});

type BeforeRequest = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

/** Just what electronPdfRenderer touches: a partition's session, and a window that loads and prints. */
function fakePdfElectron(print: (html: string) => Uint8Array | Promise<Uint8Array> = () => Buffer.from('%PDF-1.7 printed')) {
  const partitions: string[] = [];
  type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  const ses = {
    beforeRequest: null as BeforeRequest | null,
    permissionRequest: null as PermissionRequest | null,
    permissionCheck: null as (() => boolean) | null,
    setPermissionRequestHandler(handler: PermissionRequest) {
      ses.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: () => boolean) {
      ses.permissionCheck = handler;
    },
    webRequest: {
      onBeforeRequest(listener: BeforeRequest) {
        ses.beforeRequest = listener;
      },
    },
  };
  /** Whether the session lets a request through. */
  const allows = (url: string): boolean => {
    let cancel = true;
    ses.beforeRequest!({ url }, (response) => (cancel = response.cancel));
    return !cancel;
  };
  const windows: PdfWindow[] = [];
  class PdfWindow {
    destroyed = false;
    loaded: { url: string; html: string; allowed: boolean } | null = null;
    readonly printOptions: unknown[] = [];
    constructor(readonly options: { show?: boolean; webPreferences?: Record<string, unknown> }) {
      windows.push(this);
    }
    async loadURL(url: string): Promise<void> {
      this.loaded = { url, html: readFileSync(fileURLToPath(url), 'utf8'), allowed: allows(url) };
    }
    readonly webContents = {
      printToPDF: async (options: unknown) => {
        this.printOptions.push(options);
        return Buffer.from(await print(this.loaded!.html));
      },
    };
    isDestroyed(): boolean {
      return this.destroyed;
    }
    destroy(): void {
      this.destroyed = true;
    }
  }
  const electron = {
    BrowserWindow: PdfWindow,
    session: {
      fromPartition(partition: string) {
        partitions.push(partition);
        return ses;
      },
    },
  };
  return { electron: electron as unknown as Parameters<typeof electronPdfRenderer>[0], windows, partitions, ses, allows };
}

describe('electronPdfRenderer', () => {
  it('prints the HTML in a hidden, script-less, sandboxed window of its own partition, then destroys it and the temp file', async () => {
    const { electron, windows, partitions, ses } = fakePdfElectron();
    const render = electronPdfRenderer(electron);
    const pdf = await render('<!doctype html><h1>Report</h1>');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 printed');

    const [win] = windows;
    expect(win!.options.show).toBe(false);
    expect(win!.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, session: ses });
    expect(win!.options.webPreferences).not.toHaveProperty('preload');
    expect(partitions).toEqual([PDF_PARTITION]);
    expect(PDF_PARTITION.startsWith('persist:')).toBe(false);
    expect(win!.loaded).toMatchObject({ html: '<!doctype html><h1>Report</h1>', allowed: true });
    expect(win!.printOptions).toEqual([{ printBackground: true, preferCSSPageSize: true }]);
    expect(win!.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(win!.loaded!.url))).toBe(false);
  });

  it('refuses every request but the report being printed, and every permission', async () => {
    const { electron, windows, allows, ses } = fakePdfElectron();
    const render = electronPdfRenderer(electron);
    await render('<p>one</p>');
    const printed = windows[0]!.loaded!.url;
    expect(allows(printed)).toBe(false); // done printing: its file is no longer allowed
    for (const url of ['https://example.org/font.woff2', 'http://127.0.0.1:9/x', 'file:///etc/passwd', 'ws://localhost/']) expect(allows(url), url).toBe(false);
    expect(allows('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    let granted: boolean | null = null;
    ses.permissionRequest!(null, 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(ses.permissionCheck!()).toBe(false);
    // The session is prepared once; later prints reuse it.
    await render('<p>two</p>');
    expect(windows[1]!.options.webPreferences!.session).toBe(ses);
  });

  it('destroys the window and removes the file when printing fails', async () => {
    const { electron, windows } = fakePdfElectron(() => {
      throw new Error('printing failed');
    });
    await expect(electronPdfRenderer(electron)('<p>x</p>')).rejects.toThrow('printing failed');
    expect(windows[0]!.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(windows[0]!.loaded!.url))).toBe(false);
  });

  it('gives up on a print that never finishes, destroying the window and removing the file', async () => {
    const { electron, windows } = fakePdfElectron(() => new Promise<Uint8Array>(() => {}));
    await expect(electronPdfRenderer(electron, { timeoutMs: 50 })('<p>x</p>')).rejects.toThrow('The report was not printed to PDF within 0.05 s.');
    expect(windows[0]!.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(windows[0]!.loaded!.url))).toBe(false);
  });
});

describe('main/index.ts: saving and printing reports', () => {
  type SaveDialog = (...args: unknown[]) => Promise<{ canceled: boolean; filePath?: string }>;
  const dialog = fake.dialog as typeof fake.dialog & { showSaveDialog?: ReturnType<typeof vi.fn<SaveDialog>> };
  let userData: string;

  beforeEach(() => {
    fake.reset();
    backendMock.options = null;
    userData = mkdtempSync(join(tmpdir(), 'reckon-main-'));
    fake.state.userData = userData;
    fake.app.paths.set('documents', '/home/someone/Documents');
    dialog.showSaveDialog = vi.fn<SaveDialog>(async () => ({ canceled: false, filePath: '/home/someone/Documents/mine.csv' }));
  });
  afterEach(() => {
    delete dialog.showSaveDialog;
    rmSync(userData, { recursive: true, force: true });
  });

  async function startApp(): Promise<BackendOptions> {
    vi.resetModules();
    const main = await import('../../../../main/index');
    await main.started;
    return backendMock.options!;
  }

  it('gives the back end a PDF renderer and a save dialog that suggests the report’s name in Documents, filtered by its extension', async () => {
    const options = await startApp();
    expect(options.renderPdf).toBeTypeOf('function');
    await expect(options.saveFile!('reckon-report-x-2026-11-21.csv', 'csv')).resolves.toBe('/home/someone/Documents/mine.csv');
    const [parent, dialogOptions] = dialog.showSaveDialog!.mock.calls[0]!;
    expect(parent).toBe(fake.BrowserWindow.instances[0]);
    expect(dialogOptions).toMatchObject({
      defaultPath: join('/home/someone/Documents', 'reckon-report-x-2026-11-21.csv'),
      filters: [{ name: 'CSV spreadsheet', extensions: ['csv'] }],
    });
  });

  it('returns null when the dialog is cancelled, and asks without a parent when no window is open', async () => {
    const options = await startApp();
    fake.BrowserWindow.instances[0]!.close();
    dialog.showSaveDialog!.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(options.saveFile!('r.annotations.jsonld', 'w3c')).resolves.toBeNull();
    expect(dialog.showSaveDialog!.mock.calls[0]).toHaveLength(1);
  });

  it('filters on the last extension of names like "….annotations.jsonld"', async () => {
    const { reportSaveFilters } = await import('../../../../main/index');
    expect(reportSaveFilters('reckon-report-x-2026-11-21.annotations.jsonld', 'w3c')).toEqual([{ name: 'W3C Web Annotations (JSON-LD)', extensions: ['jsonld'] }]);
    expect(reportSaveFilters('reckon-report-x-2026-11-21.pdf', 'pdf')).toEqual([{ name: 'PDF document', extensions: ['pdf'] }]);
  });
});
