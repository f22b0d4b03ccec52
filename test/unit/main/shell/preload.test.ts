import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEY, CALL_NAMES, EVENT_NAMES, callChannel, eventChannel } from '../../../../shared/api/names';
import type { Bridge } from '../../../../shared/api/contract';
import { fake } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const preloadSource = fileURLToPath(new URL('../../../../main/preload.ts', import.meta.url));
const namesSource = fileURLToPath(new URL('../../../../shared/api/names.ts', import.meta.url));

let bridge: Bridge;
beforeAll(async () => {
  fake.reset();
  await import('../../../../main/preload');
  expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  bridge = fake.state.exposed[BRIDGE_KEY] as Bridge;
});

describe('the preload bridge', () => {
  it('is exposed as window.reckon with exactly the contract calls and on()', () => {
    expect(fake.contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe('reckon');
    expect(Object.keys(bridge).sort()).toEqual([...CALL_NAMES, 'on'].sort());
    for (const key of Object.keys(bridge)) expect(typeof (bridge as unknown as Record<string, unknown>)[key]).toBe('function');
    // Not ipcRenderer, nor anything that leads to it.
    expect(Object.values(bridge)).not.toContain(fake.ipcRenderer);
  });

  it('invokes each call on its contract channel with the arguments as given', async () => {
    for (const name of CALL_NAMES) {
      fake.ipcRenderer.invoke.mockClear();
      const call = bridge[name] as (args: unknown) => Promise<unknown>;
      const args = { probe: name };
      await expect(call(args)).resolves.toEqual({ ok: true, value: { channel: callChannel(name), args } });
      expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(callChannel(name), args);
    }
  });

  it('subscribes to contract events and passes only the payload, never the IPC event', () => {
    const listener = vi.fn();
    const off = bridge.on('indexProgress', listener);
    const payload = { done: 1, total: 5 };
    fake.ipcRenderer.deliver(eventChannel('indexProgress'), payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([payload]);

    off();
    expect(fake.ipcRenderer.listenerCount(eventChannel('indexProgress'))).toBe(0);
    fake.ipcRenderer.deliver(eventChannel('indexProgress'), payload);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('accepts every contract event and refuses anything else', () => {
    for (const name of EVENT_NAMES) bridge.on(name, () => {})();
    const on = bridge.on as (name: unknown, listener: unknown) => unknown;
    expect(() => on('reckon:call:search', () => {})).toThrow(/unknown event/);
    expect(() => on('ipc-message', () => {})).toThrow(/unknown event/);
    expect(() => on('indexProgress', 'not a function')).toThrow(/listener/);
    expect(fake.ipcRenderer.on).not.toHaveBeenCalledWith('ipc-message', expect.anything());
  });

  it('imports only electron and the dependency-free names module (no zod in the sandbox)', () => {
    const source = readFileSync(preloadSource, 'utf8');
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(runtimeImports.sort()).toEqual(['../shared/api/names', 'electron']);
    expect(readFileSync(namesSource, 'utf8')).not.toMatch(/^\s*import\s/m);
  });
});
