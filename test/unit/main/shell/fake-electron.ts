/**
 * A fake `electron` module for the shell's unit tests (the real one would try to
 * download a binary). It records what the shell asks for — window options, event
 * handlers, IPC handlers, session handlers — so tests can call those handlers the
 * way Electron would and check the answers.
 *
 * Use: vi.mock('electron', () => import('./fake-electron')). The state lives on
 * globalThis, so a test that re-imports modules (vi.resetModules) still sees the
 * same fake; call `fake.reset()` before each test.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface FakeEvent {
  preventDefault: ReturnType<typeof vi.fn>;
  readonly defaultPrevented: boolean;
  url?: string;
}

export function fakeEvent(extra: { url?: string } = {}): FakeEvent {
  let prevented = false;
  return {
    ...extra,
    preventDefault: vi.fn(() => {
      prevented = true;
    }),
    get defaultPrevented() {
      return prevented;
    },
  };
}

let nextProcessId = 100;

export class FakeWebFrameMain {
  constructor(
    public url: string,
    public processId: number,
    public routingId: number,
    public parent: FakeWebFrameMain | null = null,
  ) {}
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  readonly id: number;
  readonly mainFrame: FakeWebFrameMain;
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];

  constructor() {
    super();
    this.id = nextProcessId++;
    this.mainFrame = new FakeWebFrameMain('', this.id, 1);
  }
  /** A subframe of this page (e.g. an iframe), with its own routing id. */
  subframe(url: string): FakeWebFrameMain {
    return new FakeWebFrameMain(url, this.id, 2, this.mainFrame);
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  async loadURL(url: string): Promise<void> {
    this.mainFrame.url = url;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Fire a navigation event the way Electron 45 does: (details, url, ...). */
  navigate(eventName: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): FakeEvent {
    const event = fakeEvent({ url });
    this.emit(eventName, event, url);
    return event;
  }
}

interface FakeBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

function createFakeElectron() {
  const state = {
    singleInstanceLock: true,
    userData: '/tmp/reckon-fake-user-data',
    focusedWindow: null as unknown,
    exposed: {} as Record<string, unknown>,
  };

  class BrowserWindow extends EventEmitter {
    static instances: BrowserWindow[] = [];
    static getAllWindows(): BrowserWindow[] {
      return BrowserWindow.instances.filter((win) => !win.destroyed);
    }
    static getFocusedWindow(): BrowserWindow | null {
      return (state.focusedWindow as BrowserWindow | null) ?? null;
    }
    readonly webContents = new FakeWebContents();
    destroyed = false;
    minimized = false;
    bounds: FakeBounds;
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn(() => {
      this.minimized = false;
    });
    constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
      super();
      const o = options as Partial<FakeBounds>;
      this.bounds = { x: o.x ?? 10, y: o.y ?? 20, width: o.width ?? 800, height: o.height ?? 600 };
      BrowserWindow.instances.push(this);
      fake.app.emit('web-contents-created', fakeEvent(), this.webContents);
    }
    loadURL(url: string): Promise<void> {
      return this.webContents.loadURL(url);
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    getNormalBounds(): FakeBounds {
      return { ...this.bounds };
    }
    /** Like closing the window: 'close', then destroyed, then 'closed'. */
    close(): void {
      this.emit('close', fakeEvent());
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
    }
  }

  class FakeApp extends EventEmitter {
    isPackaged = false;
    readonly paths = new Map<string, string>();
    readonly enableSandbox = vi.fn();
    readonly quit = vi.fn();
    readonly exit = vi.fn();
    readonly requestSingleInstanceLock = vi.fn(() => state.singleInstanceLock);
    readonly setPath = vi.fn((name: string, value: string) => {
      this.paths.set(name, value);
    });
    getPath(name: string): string {
      return this.paths.get(name) ?? (name === 'userData' ? state.userData : `/tmp/fake-${name}`);
    }
    getVersion(): string {
      return '9.9.9-test';
    }
    whenReady(): Promise<void> {
      return Promise.resolve();
    }
  }

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      protocolHandlers.set(scheme, handler);
    }),
    handlers: protocolHandlers,
  };

  type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
  type BeforeRequest = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
  const defaultSession = {
    protocol,
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as ((...args: unknown[]) => boolean) | null,
    devicePermissionHandler: null as ((...args: unknown[]) => boolean) | null,
    beforeRequest: null as BeforeRequest | null,
    setPermissionRequestHandler(handler: PermissionRequestHandler | null) {
      defaultSession.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null) {
      defaultSession.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler: ((...args: unknown[]) => boolean) | null) {
      defaultSession.devicePermissionHandler = handler;
    },
    webRequest: {
      onBeforeRequest(listener: BeforeRequest | null) {
        defaultSession.beforeRequest = listener;
      },
    },
  };

  type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
  const ipcHandlers = new Map<string, InvokeHandler>();
  const ipcMain = {
    handlers: ipcHandlers,
    handle: vi.fn((channel: string, handler: InvokeHandler) => {
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => {
      ipcHandlers.delete(channel);
    }),
    on: vi.fn(),
  };

  const rendererEmitter = new EventEmitter();
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, args: unknown) => ({ ok: true, value: { channel, args } })),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      rendererEmitter.on(channel, listener);
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
      rendererEmitter.removeListener(channel, listener);
      return ipcRenderer;
    }),
    /** What the main process sending on a channel looks like to the preload. */
    deliver(channel: string, payload: unknown) {
      rendererEmitter.emit(channel, { sender: ipcRenderer, senderId: 0, ports: [] }, payload);
    },
    listenerCount: (channel: string) => rendererEmitter.listenerCount(channel),
  };

  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      state.exposed[key] = api;
    }),
  };

  const dialog = {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/picked/folder'] })),
    showErrorBox: vi.fn(),
  };

  const Menu = {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn(),
  };

  const screen = {
    getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]),
  };

  const fake = {
    state,
    app: new FakeApp(),
    BrowserWindow,
    protocol,
    session: { defaultSession },
    ipcMain,
    ipcRenderer,
    contextBridge,
    dialog,
    Menu,
    screen,
    reset() {
      state.singleInstanceLock = true;
      state.focusedWindow = null;
      state.exposed = {};
      fake.app.removeAllListeners();
      fake.app.paths.clear();
      fake.app.isPackaged = false;
      BrowserWindow.instances = [];
      protocolHandlers.clear();
      ipcHandlers.clear();
      rendererEmitter.removeAllListeners();
      defaultSession.permissionRequestHandler = null;
      defaultSession.permissionCheckHandler = null;
      defaultSession.devicePermissionHandler = null;
      defaultSession.beforeRequest = null;
      for (const spy of [
        fake.app.enableSandbox,
        fake.app.quit,
        fake.app.exit,
        fake.app.requestSingleInstanceLock,
        fake.app.setPath,
        protocol.registerSchemesAsPrivileged,
        protocol.handle,
        ipcMain.handle,
        ipcMain.removeHandler,
        ipcMain.on,
        ipcRenderer.invoke,
        ipcRenderer.on,
        ipcRenderer.removeListener,
        contextBridge.exposeInMainWorld,
        dialog.showOpenDialog,
        dialog.showErrorBox,
        Menu.buildFromTemplate,
        Menu.setApplicationMenu,
        screen.getAllDisplays,
      ]) {
        spy.mockClear();
      }
    },
  };
  return fake;
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
export type FakeBrowserWindow = InstanceType<FakeElectron['BrowserWindow']>;

const globalKey = '__reckonFakeElectron' as const;
const holder = globalThis as unknown as { [globalKey]?: FakeElectron };
export const fake: FakeElectron = (holder[globalKey] ??= createFakeElectron());

export const { app, BrowserWindow, protocol, session, ipcMain, ipcRenderer, contextBridge, dialog, Menu, screen } = fake;
export default fake;
