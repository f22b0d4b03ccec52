/**
 * The names of every call and event, with no dependencies, so that the sandboxed
 * preload can bundle them without the validators. `contract.ts` checks at compile
 * time that these lists and the contract's keys are the same set.
 */
export const CALL_NAMES = [
  'getAppState',
  'openCorpus',
  'openSampleCorpus',
  'pickFolder',
  'getCorpus',
  'getArticle',
  'search',
  'articleClaims',
  'listClaims',
  'claimLinks',
  'quantitySeries',
  'articleChecks',
  'listAnnotations',
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
  'getSettings',
  'updateSettings',
  'reportPreview',
  'exportReport',
  'saveReport',
  'importAnnotations',
] as const;
export type CallName = (typeof CALL_NAMES)[number];

export const EVENT_NAMES = ['indexProgress', 'corpusChanged'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** IPC channel of a call (ipcRenderer.invoke / ipcMain.handle). */
export const callChannel = (name: CallName): string => `reckon:call:${name}`;
/** IPC channel of an event (webContents.send / ipcRenderer.on). */
export const eventChannel = (name: EventName): string => `reckon:event:${name}`;

export function isCallName(value: unknown): value is CallName {
  return typeof value === 'string' && (CALL_NAMES as readonly string[]).includes(value);
}
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}

/** The global name under which the Electron preload exposes the bridge (window.reckon). */
export const BRIDGE_KEY = 'reckon';
