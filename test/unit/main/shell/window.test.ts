import { DEFAULT_USER_SETTINGS } from '../../../../shared/domain/settings';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsStore } from '../../../../main/store/settings';
import { fake, FakeWebContents, fakeEvent, type FakeBrowserWindow } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createMainWindow, hardenWebContents, hardenedWebPreferences, restoreBounds, DEFAULT_BOUNDS } = await import(
  '../../../../main/window'
);

function memorySettings(bounds?: { x?: number; y?: number; width: number; height: number }) {
  let saved = bounds;
  const settings = {
    path: '/tmp/settings.json',
    recoveredFrom: null,
    recentFolders: () => [],
    rememberFolder: () => {},
    windowBounds: () => saved,
    setWindowBounds: vi.fn((b: NonNullable<typeof bounds>) => {
      saved = b;
    }),
    userSettings: () => DEFAULT_USER_SETTINGS,
    updateUserSettings: () => DEFAULT_USER_SETTINGS,
  } satisfies SettingsStore;
  return settings;
}

function openWindow(settings = memorySettings()): FakeBrowserWindow {
  createMainWindow({ preloadPath: '/app/out/preload/preload.cjs', url: 'reckon://app/index.html', settings });
  const win = fake.BrowserWindow.instances.at(-1);
  if (!win) throw new Error('no window created');
  return win;
}

beforeEach(() => fake.reset());

describe('webPreferences', () => {
  it('locks down every window with the checklist flags and the sandboxed preload', () => {
    const win = openWindow();
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
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
    });
    expect(win.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(win.options.webPreferences).toEqual(hardenedWebPreferences('/app/out/preload/preload.cjs'));
  });

  it('loads the app from reckon://, not file://, and shows the window only when ready', () => {
    const win = openWindow();
    expect(win.webContents.getURL()).toBe('reckon://app/index.html');
    expect(win.options.show).toBe(false);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });
});

describe('navigation, new windows and webviews', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'] as const)(
    '%s away from the app is prevented; within reckon://app it is not',
    (eventName) => {
      const win = openWindow();
      for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'reckon://evil/index.html', 'javascript:alert(1)']) {
        expect(win.webContents.navigate(eventName, url).preventDefault, url).toHaveBeenCalled();
      }
      expect(win.webContents.navigate(eventName, 'reckon://app/index.html#/article/3').preventDefault).not.toHaveBeenCalled();
    },
  );

  it('uses the legacy url argument when the event carries none', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    const event = fakeEvent();
    contents.emit('will-navigate', event, 'https://example.com/');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every window.open, even to our own origin, and opens nothing', () => {
    const win = openWindow();
    const handler = win.webContents.windowOpenHandler;
    expect(handler).toBeTypeOf('function');
    for (const url of ['https://example.com/', 'reckon://app/index.html', 'about:blank']) {
      expect(handler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('refuses to attach any <webview>', () => {
    const win = openWindow();
    const event = fakeEvent();
    win.webContents.emit('will-attach-webview', event, { nodeIntegration: true }, { src: 'https://example.com/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('hardens any web contents handed to it, not only windows', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never);
    expect(contents.navigate('will-navigate', 'https://example.com/').preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('window bounds', () => {
  it('opens with the remembered bounds and saves them on close', () => {
    const settings = memorySettings({ x: 40, y: 50, width: 1000, height: 700 });
    const win = openWindow(settings);
    expect(win.options).toMatchObject({ x: 40, y: 50, width: 1000, height: 700 });
    win.bounds = { x: 60, y: 70, width: 1100, height: 750 };
    win.close();
    expect(settings.setWindowBounds).toHaveBeenCalledWith({ x: 60, y: 70, width: 1100, height: 750 });
  });

  it('uses the default size on first run', () => {
    const win = openWindow(memorySettings(undefined));
    expect(win.options).toMatchObject(DEFAULT_BOUNDS);
    expect(win.options).not.toHaveProperty('x');
  });

  it('drops a position that no display shows any more, keeps the size', () => {
    const areas = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(restoreBounds({ x: 3000, y: 100, width: 900, height: 600 }, areas)).toEqual({ width: 900, height: 600 });
    expect(restoreBounds({ x: 100, y: -400, width: 900, height: 600 }, areas)).toEqual({ width: 900, height: 600 });
    expect(restoreBounds({ x: 100, y: 100, width: 900, height: 600 }, areas)).toEqual({ x: 100, y: 100, width: 900, height: 600 });
    expect(restoreBounds({ width: 10, height: 10 }, areas)).toEqual({ width: 760, height: 480 });
  });
});
