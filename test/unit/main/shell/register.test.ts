import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, callChannel, eventChannel } from '../../../../shared/api/names';
import type { Api } from '../../../../shared/api/contract';
import { fake, FakeWebFrameMain, type FakeBrowserWindow } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const { createBroadcaster, isTrustedSender, registerIpc } = await import('../../../../main/ipc/register');

/** A back end whose every call is a spy that answers with its own name. */
function spyApi() {
  const api = Object.fromEntries(CALL_NAMES.map((name) => [name, vi.fn(async () => ({ answeredBy: name }))]));
  return api as unknown as Api & Record<string, ReturnType<typeof vi.fn>>;
}

function appWindow(url = 'reckon://app/index.html'): FakeBrowserWindow {
  const win = new fake.BrowserWindow({});
  void win.loadURL(url);
  return win;
}

const windows = () => fake.BrowserWindow.getAllWindows() as never;

async function invoke(name: string, senderFrame: unknown, args: unknown) {
  const handler = fake.ipcMain.handlers.get(callChannel(name as never));
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler({ senderFrame }, args);
}

beforeEach(() => fake.reset());

describe('registerIpc', () => {
  it('registers exactly one handler per contract call and nothing else', () => {
    registerIpc(spyApi(), windows);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort());
    expect(fake.ipcMain.on).not.toHaveBeenCalled();
  });

  it('removes its handlers again', () => {
    const unregister = registerIpc(spyApi(), windows);
    unregister();
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('passes a valid call from our window to the back end', async () => {
    const api = spyApi();
    registerIpc(api, windows);
    const win = appWindow();
    const result = await invoke('search', win.webContents.mainFrame, { query: 'capacity', limit: 5 });
    expect(result).toEqual({ ok: true, value: { answeredBy: 'search' } });
    expect(api.search).toHaveBeenCalledWith({ query: 'capacity', limit: 5 });
  });

  it('answers invalid arguments with invalid-args without calling the back end', async () => {
    const api = spyApi();
    registerIpc(api, windows);
    const win = appWindow();
    for (const [name, args] of [
      ['search', { query: 42 }],
      ['search', { query: 'x', limit: 0 }],
      ['openCorpus', { dir: '' }],
      ['getArticle', { id: 'a', extra: true }],
      ['getAppState', 'not an object'],
    ] as const) {
      const result = await invoke(name, win.webContents.mainFrame, args);
      expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    }
    for (const name of CALL_NAMES) expect(api[name]).not.toHaveBeenCalled();
  });

  describe('refuses callers that are not the main frame of our window at reckon://app', () => {
    const cases: Array<[string, (win: FakeBrowserWindow) => unknown]> = [
      ['another origin in our window', (win) => ((win.webContents.mainFrame.url = 'https://example.com/'), win.webContents.mainFrame)],
      ['a file:// page in our window', (win) => ((win.webContents.mainFrame.url = 'file:///tmp/evil.html'), win.webContents.mainFrame)],
      ['another reckon:// host', (win) => ((win.webContents.mainFrame.url = 'reckon://evil/index.html'), win.webContents.mainFrame)],
      ['a subframe at our own origin', (win) => win.webContents.subframe('reckon://app/frame.html')],
      ['a frame at our origin that is not one of our windows', () => new FakeWebFrameMain('reckon://app/index.html', 9999, 1)],
      ['a destroyed frame (null)', () => null],
      ['no frame at all', () => undefined],
    ];
    it.each(cases)('%s', async (_label, frameOf) => {
      const api = spyApi();
      registerIpc(api, windows);
      const win = appWindow();
      const frame = frameOf(win);
      for (const name of CALL_NAMES) {
        const result = await invoke(name, frame, {});
        expect(result, name).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
      }
      for (const name of CALL_NAMES) expect(api[name]).not.toHaveBeenCalled();
    });

    it('a window that has been closed', async () => {
      const api = spyApi();
      registerIpc(api, windows);
      const win = appWindow();
      const frame = win.webContents.mainFrame;
      win.close();
      expect(await invoke('getAppState', frame, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(api.getAppState).not.toHaveBeenCalled();
    });
  });

  it('isTrustedSender checks frame identity, main-frame-ness and origin together', () => {
    const main = new FakeWebFrameMain('reckon://app/index.html', 1, 1);
    expect(isTrustedSender(main, [main])).toBe(true);
    expect(isTrustedSender(new FakeWebFrameMain('reckon://app/index.html', 1, 1), [main])).toBe(true);
    expect(isTrustedSender(new FakeWebFrameMain('reckon://app/index.html', 1, 2), [main])).toBe(false);
    expect(isTrustedSender(new FakeWebFrameMain('reckon://app/index.html', 1, 1, main), [main])).toBe(false);
    expect(isTrustedSender(main, [])).toBe(false);
  });
});

describe('createBroadcaster', () => {
  it('sends events on the contract channel to our windows only while they show our origin', () => {
    const ours = appWindow();
    const navigatedAway = appWindow('https://example.com/');
    const closed = appWindow();
    closed.close();
    const emit = createBroadcaster(windows);
    const payload = { done: 2, total: 5 } as never;
    emit('indexProgress', payload);
    expect(ours.webContents.sent).toEqual([{ channel: eventChannel('indexProgress'), payload }]);
    expect(navigatedAway.webContents.sent).toEqual([]);
    expect(closed.webContents.sent).toEqual([]);
  });
});
