/**
 * The only use of ipcMain in Reckon: one handler per contract call, derived from
 * CALL_NAMES. Each handler checks who is asking (checklist item 17) and then
 * dispatches through the contract, which validates the arguments.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES, callChannel, eventChannel, type EventName } from '../../shared/api/names';
import { dispatch, type Api, type Envelope, type EventPayload } from '../../shared/api/contract';
import type { EventSink } from '../backend';
import { isAppUrl } from '../protocol';

/** What the sender check needs to know about a frame (a subset of WebFrameMain). */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: unknown;
}

/**
 * A call is trusted only from the main frame of one of our windows while it shows
 * our own origin: not from a subframe, not from a window that navigated elsewhere,
 * not from file:// or any other scheme, not from a destroyed frame (null).
 */
export function isTrustedSender(frame: FrameLike | null | undefined, ourMainFrames: readonly FrameLike[]): boolean {
  if (!frame || frame.parent !== null) return false;
  if (!isAppUrl(frame.url)) return false;
  return ourMainFrames.some((main) => main.processId === frame.processId && main.routingId === frame.routingId);
}

export const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This call is only accepted from the Reckon window.' },
};

/** The windows whose pages may call the back end and receive its events. */
export type WindowSource = () => readonly BrowserWindow[];

function liveWindows(windows: WindowSource): BrowserWindow[] {
  return windows().filter((win) => !win.isDestroyed() && !win.webContents.isDestroyed());
}

/** The handler body for one call: sender check, then validated dispatch. Never throws. */
export async function handleCall(
  api: Api,
  name: string,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  rawArgs: unknown,
  windows: WindowSource,
): Promise<Envelope<unknown>> {
  const mainFrames = liveWindows(windows).map((win) => win.webContents.mainFrame);
  if (!isTrustedSender(event.senderFrame, mainFrames)) return FORBIDDEN;
  return dispatch(api, name, rawArgs);
}

/**
 * Register one ipcMain.handle per contract call. Returns a function that removes
 * them again (tests, and a clean shutdown).
 */
export function registerIpc(api: Api, windows: WindowSource): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(callChannel(name), (event, rawArgs: unknown) => handleCall(api, name, event, rawArgs, windows));
  }
  return () => {
    for (const name of CALL_NAMES) ipcMain.removeHandler(callChannel(name));
  };
}

/**
 * The back end's event sink in Electron: send each event to every one of our
 * windows that still shows our own origin.
 */
export function createBroadcaster(windows: WindowSource): EventSink {
  return <K extends EventName>(name: K, payload: EventPayload<K>): void => {
    for (const win of liveWindows(windows)) {
      if (isAppUrl(win.webContents.getURL())) win.webContents.send(eventChannel(name), payload);
    }
  };
}
