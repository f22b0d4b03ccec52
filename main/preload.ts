/**
 * The sandboxed preload (bundled to out/preload/preload.cjs). It exposes exactly
 * one named method per contract call and an `on` for the contract's events, never
 * ipcRenderer itself (checklist item 20). It imports only names.ts so the bundle
 * stays free of zod and of everything else: a sandboxed preload can require only
 * 'electron'.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, CALL_NAMES, callChannel, eventChannel, isEventName } from '../shared/api/names';
import type { Bridge } from '../shared/api/contract';

/** The part of ipcRenderer the bridge uses. */
export type BridgeIpc = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createBridge(ipc: BridgeIpc): Bridge {
  const bridge: Record<string, unknown> = {};
  for (const name of CALL_NAMES) {
    bridge[name] = (args: unknown) => ipc.invoke(callChannel(name), args);
  }
  bridge.on = (name: unknown, listener: unknown): (() => void) => {
    if (!isEventName(name)) throw new TypeError(`reckon.on: unknown event ${String(name)}`);
    if (typeof listener !== 'function') throw new TypeError('reckon.on: listener must be a function');
    const channel = eventChannel(name);
    // The IpcRendererEvent gives access to ipcRenderer's sender: never hand it to the page.
    const forward = (_event: IpcRendererEvent, payload: unknown): void => {
      (listener as (payload: unknown) => void)(payload);
    };
    ipc.on(channel, forward);
    return () => {
      ipc.removeListener(channel, forward);
    };
  };
  return bridge as Bridge;
}

contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(ipcRenderer));
