/**
 * One hardening path for every window and every web contents (the Signal Desktop
 * model): the same locked-down webPreferences, navigation and new windows refused,
 * <webview> refused. Reckon is offline: nothing is ever opened, not even in the OS
 * browser.
 */
import { BrowserWindow, screen, type Rectangle, type WebContents, type WebPreferences } from 'electron';
import type { SettingsData, SettingsStore } from './store/settings';
import { isAppUrl } from './protocol';

/** The webPreferences of every Reckon window. Checklist items 2–4, 6, 8–11 and 20. */
export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    safeDialogs: true,
    navigateOnDragDrop: false,
    autoplayPolicy: 'user-gesture-required',
  };
}

/** Navigation is allowed only within our own origin (reckon://app). */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

interface PreventableEvent {
  preventDefault(): void;
}
type NavigationEvent = PreventableEvent & { url?: string };

/**
 * Deny navigation away from the app, every new window, and every <webview>, for
 * any web contents (windows, and anything else created later). Checklist 11–14.
 */
export function hardenWebContents(contents: WebContents): void {
  const guardNavigation = (event: NavigationEvent, legacyUrl?: string): void => {
    const url = event.url ?? legacyUrl ?? '';
    if (!isNavigationAllowed(url)) event.preventDefault();
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-frame-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export type WindowBounds = NonNullable<SettingsData['windowBounds']>;
export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 820 };
const MIN_SIZE = { width: 760, height: 480 };

/**
 * The bounds to open with: the remembered ones, but without their position when no
 * display shows at least a corner of the title bar any more (a monitor was unplugged).
 */
export function restoreBounds(saved: WindowBounds | undefined, workAreas: readonly Rectangle[]): WindowBounds {
  if (!saved) return { ...DEFAULT_BOUNDS };
  const width = Math.max(MIN_SIZE.width, Math.round(saved.width));
  const height = Math.max(MIN_SIZE.height, Math.round(saved.height));
  if (saved.x === undefined || saved.y === undefined) return { width, height };
  const { x, y } = saved;
  const titleBarVisible = workAreas.some(
    (area) => x + 100 > area.x && x < area.x + area.width - 100 && y >= area.y && y < area.y + area.height - 50,
  );
  return titleBarVisible ? { x: Math.round(x), y: Math.round(y), width, height } : { width, height };
}

export interface MainWindowOptions {
  preloadPath: string;
  url: string;
  settings: SettingsStore;
}

/** Create the main window, hardened, shown when its first paint is ready. */
export function createMainWindow({ preloadPath, url, settings }: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const win = new BrowserWindow({
    ...restoreBounds(settings.windowBounds(), workAreas),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Reckon',
    backgroundColor: '#f7f6f2',
    show: false,
    webPreferences: hardenedWebPreferences(preloadPath),
  });
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const { x, y, width, height } = win.getNormalBounds();
    settings.setWindowBounds({ x, y, width, height });
  });
  win.loadURL(url).catch((err: unknown) => console.error(`Reckon: could not load ${url}:`, err));
  return win;
}
