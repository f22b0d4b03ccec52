/**
 * The Electron main process: one instance, one hardened session, the UI served on
 * reckon://app, the back end behind contract-derived IPC. Only this file and the
 * window/protocol/ipc/preload glue import 'electron'.
 */
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, session, type FileFilter, type MenuItemConstructorOptions, type Session } from 'electron';
import ElectronStore from 'electron-store';
import type { ReportFormat } from '../shared/domain/report';
import { createBackend, type Backend } from './backend';
import { createBroadcaster, registerIpc } from './ipc/register';
import { findResourcesDir } from './paths';
import { APP_ENTRY_URL, handleAppProtocol, registerAppScheme } from './protocol';
import { electronPdfRenderer } from './report/electron-pdf';
import { openAnnotationStore, type AnnotationFileData } from './store/annotations';
import { openSettingsStore, type SettingsData } from './store/settings';
import { createMainWindow, hardenWebContents } from './window';

/**
 * Schemes the session may load. Everything else — http(s), ws, file, ftp — is
 * cancelled before it leaves: Reckon works offline and nothing leaves the machine.
 * devtools: keeps the developer tools usable; data: serves inline images.
 */
export const ALLOWED_REQUEST_SCHEMES: readonly string[] = ['reckon:', 'devtools:', 'data:'];

export function isAllowedRequestUrl(url: string): boolean {
  try {
    return ALLOWED_REQUEST_SCHEMES.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Refuse every permission (checklist item 5) and every request off our own schemes. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
}

/**
 * Built from roles only: Electron's default menu has Help links that open
 * electronjs.org in the browser, which an offline tool must not do.
 */
export function appMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
}

const REPORT_FORMAT_NAMES: Record<ReportFormat, string> = {
  html: 'HTML report',
  pdf: 'PDF document',
  md: 'Markdown',
  csv: 'CSV spreadsheet',
  json: 'Reckon report (JSON)',
  w3c: 'W3C Web Annotations (JSON-LD)',
  claimreview: 'ClaimReview (JSON-LD)',
};

/**
 * The save dialog's filter for a report: the extension of the name the report suggests
 * (dialogs match only the last one: "x.annotations.jsonld" → "jsonld").
 */
export function reportSaveFilters(suggestedName: string, format: ReportFormat): FileFilter[] {
  return [{ name: REPORT_FORMAT_NAMES[format], extensions: [extname(suggestedName).slice(1)] }];
}

/** Where the bundled files are, relative to out/main/index.js (also inside app.asar). */
function builtPath(relativeToMain: string): string {
  return fileURLToPath(new URL(relativeToMain, import.meta.url));
}

function sampleCorpusDir(): string {
  // electron-builder.yml copies resources/sample-corpus next to app.asar (extraResources).
  return app.isPackaged
    ? join(process.resourcesPath, 'resources', 'sample-corpus')
    : join(findResourcesDir(), 'sample-corpus');
}

async function start(): Promise<void> {
  // A separate profile for tests and for running two builds side by side; it also
  // separates their single-instance locks.
  if (process.env.RECKON_USER_DATA) app.setPath('userData', resolve(process.env.RECKON_USER_DATA));
  app.enableSandbox();
  registerAppScheme();

  if (!app.requestSingleInstanceLock()) {
    // The first instance gets 'second-instance' and comes to the front.
    app.quit();
    return;
  }

  let mainWindow: BrowserWindow | null = null;
  // Set once the app is ready; until then a second instance has nothing to bring forward.
  let openMainWindow: (() => void) | null = null;
  app.on('second-instance', () => {
    if (!mainWindow) {
      openMainWindow?.(); // macOS: the app runs without windows
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  // Every web contents, including ones we never create ourselves, gets the same guard.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  await app.whenReady();

  hardenSession(session.defaultSession);
  handleAppProtocol(session.defaultSession, builtPath('../renderer'));
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform)));

  const userData = app.getPath('userData');
  const settings = openSettingsStore((options) => new ElectronStore<SettingsData>(options), userData);
  if (settings.recoveredFrom) console.warn(`Reckon: unreadable settings were moved to ${settings.recoveredFrom}`);

  const windows = (): BrowserWindow[] => BrowserWindow.getAllWindows();
  const backend: Backend = createBackend({
    version: app.getVersion(),
    cacheDir: join(userData, 'cache'),
    sampleCorpusDir: sampleCorpusDir(),
    settings,
    openAnnotations: (corpusRoot) => {
      const store = openAnnotationStore((options) => new ElectronStore<AnnotationFileData>(options), userData, corpusRoot);
      if (store.recoveredFrom) console.warn(`Reckon: unreadable annotations were moved to ${store.recoveredFrom}`);
      return store;
    },
    emit: createBroadcaster(windows),
    async pickFolder() {
      const options = { properties: ['openDirectory' as const], title: 'Open a folder of articles' };
      const parent = BrowserWindow.getFocusedWindow() ?? mainWindow;
      const picked = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    async saveFile(suggestedName, format) {
      const options = {
        title: 'Save report',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: reportSaveFilters(suggestedName, format),
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const parent = BrowserWindow.getFocusedWindow() ?? mainWindow;
      const picked = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return picked.canceled || !picked.filePath ? null : picked.filePath;
    },
    renderPdf: electronPdfRenderer({ BrowserWindow, session }),
  });
  registerIpc(backend, windows);

  openMainWindow = (): void => {
    const win = createMainWindow({ preloadPath: builtPath('../preload/preload.cjs'), url: APP_ENTRY_URL, settings });
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    mainWindow = win;
  };
  openMainWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow?.();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Close the corpus (watcher, pending cache writes) before the process exits.
  let backendClosed = false;
  let closing = false;
  app.on('will-quit', (event) => {
    if (backendClosed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    backend
      .close()
      .catch((err: unknown) => console.error('Reckon: closing the corpus failed:', err))
      .finally(() => {
        backendClosed = true;
        app.quit();
      });
  });
}

/** Settles once the app is up (or has quit as a second instance); tests await it. */
export const started: Promise<void> = start().catch((err: unknown) => {
  const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
  console.error('Reckon could not start:', message);
  dialog.showErrorBox('Reckon could not start', message);
  app.exit(1);
});
