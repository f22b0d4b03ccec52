import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, callChannel } from '../../../../shared/api/names';
import type { BackendOptions } from '../../../../main/backend';
import { fake, fakeEvent, FakeWebContents } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));
// electron-store is conf plus Electron's paths; conf itself needs no Electron.
vi.mock('electron-store', async () => ({ default: (await import('conf')).default }));
const backendMock = vi.hoisted(() => ({
  options: null as BackendOptions | null,
  close: null as ReturnType<typeof import('vitest').vi.fn> | null,
}));
vi.mock('../../../../main/backend', async () => {
  const { vi } = await import('vitest');
  return {
    createBackend: (options: BackendOptions) => {
      backendMock.options = options;
      const close = vi.fn(async () => {});
      backendMock.close = close;
      return { close, current: () => null, getAppState: vi.fn(async () => ({ version: options.version })) };
    },
  };
});

let userData: string;
const platform = process.platform;

/** Load main/index.ts afresh (it starts the app on import) and wait until it is up. */
async function startApp() {
  vi.resetModules();
  const main = await import('../../../../main/index');
  await main.started;
  return main;
}

beforeEach(() => {
  fake.reset();
  backendMock.options = null;
  userData = mkdtempSync(join(tmpdir(), 'reckon-main-'));
  fake.state.userData = userData;
  Object.defineProperty(process, 'platform', { value: 'linux' });
});
afterEach(() => {
  Object.defineProperty(process, 'platform', { value: platform });
  rmSync(userData, { recursive: true, force: true });
});

describe('single instance', () => {
  it('a second instance quits before creating anything', async () => {
    fake.state.singleInstanceLock = false;
    await startApp();
    expect(fake.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(backendMock.options).toBeNull();
  });

  it('the first instance comes to the front when a second one starts', async () => {
    await startApp();
    const win = fake.BrowserWindow.instances[0]!;
    win.minimized = true;
    fake.app.emit('second-instance', fakeEvent(), ['reckon'], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('opens a window for a second instance when none is open (macOS keeps running without one)', async () => {
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    await startApp();
    fake.BrowserWindow.instances[0]!.close();
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).not.toHaveBeenCalled();
    fake.app.emit('second-instance', fakeEvent(), ['reckon'], '/');
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(1);
    expect(fake.BrowserWindow.getAllWindows()[0]!.webContents.getURL()).toBe('reckon://app/index.html');
  });
});

describe('startup', () => {
  it('enables the sandbox everywhere and registers the privileged scheme before ready', async () => {
    await startApp();
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'reckon', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.protocol.handlers.has('reckon')).toBe(true);
  });

  it('opens one hardened window on reckon://app with the built preload', async () => {
    await startApp();
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    const win = fake.BrowserWindow.instances[0]!;
    expect(win.webContents.getURL()).toBe('reckon://app/index.html');
    const prefs = win.options.webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(isAbsolute(prefs.preload as string)).toBe(true);
    expect(prefs.preload).toMatch(/preload[\\/]preload\.cjs$/);
  });

  it('registers one IPC handler per contract call', async () => {
    await startApp();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort());
  });

  it('builds the back end from Electron paths, the settings store and a native folder dialog', async () => {
    await startApp();
    const options = backendMock.options!;
    expect(options.version).toBe('9.9.9-test');
    expect(options.cacheDir).toBe(join(userData, 'cache'));
    expect(existsSync(join(options.sampleCorpusDir))).toBe(true);
    expect(options.settings.path).toBe(join(userData, 'settings.json'));
    await expect(options.pickFolder!()).resolves.toBe('/picked/folder');
    expect(fake.dialog.showOpenDialog.mock.calls[0]?.at(-1)).toMatchObject({ properties: ['openDirectory'] });
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(options.pickFolder!()).resolves.toBeNull();
  });

  it('uses the packaged resources folder when packaged', async () => {
    fake.app.isPackaged = true;
    const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
    (process as { resourcesPath?: string }).resourcesPath = '/opt/Reckon/resources';
    try {
      await startApp();
      expect(backendMock.options!.sampleCorpusDir).toBe(join('/opt/Reckon/resources', 'resources', 'sample-corpus'));
    } finally {
      (process as { resourcesPath?: string }).resourcesPath = resourcesPath;
    }
  });

  it('sets an application menu without the default menu’s web links', async () => {
    await startApp();
    const template = fake.Menu.buildFromTemplate.mock.calls[0]?.[0] as Array<{ role?: string }>;
    expect(template.map((item) => item.role)).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu']);
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalled();
  });
});

describe('session hardening', () => {
  it('refuses every permission request and permission check', async () => {
    await startApp();
    const session = fake.session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      const callback = vi.fn();
      session.permissionRequestHandler!({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler!({}, permission, 'reckon://app', {})).toBe(false);
    }
    expect(session.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every request that would leave the machine', async () => {
    await startApp();
    const beforeRequest = fake.session.defaultSession.beforeRequest!;
    const decide = (url: string) => {
      const callback = vi.fn();
      beforeRequest({ url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    for (const url of ['https://example.com/', 'http://127.0.0.1:5173/', 'ws://localhost/', 'file:///etc/passwd', 'ftp://x/']) {
      expect(decide(url), url).toEqual({ cancel: true });
    }
    for (const url of ['reckon://app/index.html', 'devtools://devtools/bundled/devtools_app.html', 'data:image/png;base64,AA==']) {
      expect(decide(url), url).toEqual({ cancel: false });
    }
  });

  it('hardens web contents that the app did not create itself', async () => {
    await startApp();
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.navigate('will-navigate', 'https://example.com/').preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('shutdown', () => {
  it('quits when the last window closes (not on macOS)', async () => {
    await startApp();
    fake.BrowserWindow.instances[0]!.close();
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalledTimes(1);

    fake.reset();
    Object.defineProperty(process, 'platform', { value: 'darwin' });
    await startApp();
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).not.toHaveBeenCalled();
  });

  it('closes the back end before the process exits', async () => {
    await startApp();
    const event = fakeEvent();
    fake.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(backendMock.close).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());
    // The second will-quit (from that quit) goes through.
    const again = fakeEvent();
    fake.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    expect(backendMock.close).toHaveBeenCalledTimes(1);
  });

  it('remembers the window bounds on close', async () => {
    await startApp();
    const win = fake.BrowserWindow.instances[0]!;
    win.bounds = { x: 30, y: 40, width: 1111, height: 777 };
    win.close();
    expect(backendMock.options!.settings.windowBounds()).toEqual({ x: 30, y: 40, width: 1111, height: 777 });
  });
});

describe('isAllowedRequestUrl', () => {
  it('refuses unparsable URLs', async () => {
    const { isAllowedRequestUrl } = await startApp();
    expect(isAllowedRequestUrl('::::')).toBe(false);
  });
});
