import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';

/** What Reckon remembers between runs. Versioned by conf's projectVersion + migrations. */
export interface SettingsData {
  recentFolders: string[];
  windowBounds?: { x?: number; y?: number; width: number; height: number };
}

const MAX_RECENT = 10;
const SETTINGS_NAME = 'settings';

const schema = {
  recentFolders: { type: 'array', items: { type: 'string' }, maxItems: 50, default: [] },
  windowBounds: {
    type: 'object',
    properties: {
      x: { type: 'number' },
      y: { type: 'number' },
      width: { type: 'number', minimum: 200 },
      height: { type: 'number', minimum: 200 },
    },
    required: ['width', 'height'],
  },
} as const;

/** The part of conf / electron-store that the settings need; both satisfy it. */
export interface KeyValueStore<T> {
  readonly path: string;
  get<K extends keyof T>(key: K): T[K];
  set<K extends keyof T>(key: K, value: T[K]): void;
}

export type StoreOptions = ConstructorParameters<typeof Conf<SettingsData>>[0] & {};
export type StoreFactory = (options: StoreOptions) => KeyValueStore<SettingsData>;

export interface SettingsStore {
  readonly path: string;
  /** Set when the file on disk was unreadable and was moved aside: the path of the backup. */
  readonly recoveredFrom: string | null;
  recentFolders(): string[];
  /** Put a folder first in the recent list (deduplicated, capped). */
  rememberFolder(dir: string): void;
  windowBounds(): SettingsData['windowBounds'];
  setWindowBounds(bounds: NonNullable<SettingsData['windowBounds']>): void;
}

/**
 * Open the settings with a given engine (electron-store in the app, conf elsewhere).
 * A corrupt file is moved aside as `<name>.corrupt-<time>.json` and fresh settings
 * are used, so a bad file never stops the app and is never silently deleted.
 */
export function openSettingsStore(factory: StoreFactory, cwd: string): SettingsStore {
  const storeOptions: StoreOptions = {
    cwd,
    configName: SETTINGS_NAME,
    projectName: 'reckon',
    projectVersion: '1.0.0',
    schema: schema as never,
    defaults: { recentFolders: [] },
  };
  let recoveredFrom: string | null = null;
  let store: KeyValueStore<SettingsData>;
  try {
    store = factory(storeOptions);
  } catch (err) {
    const path = join(cwd, `${SETTINGS_NAME}.json`);
    if (!existsSync(path)) throw err;
    recoveredFrom = path.replace(/\.json$/, `.corrupt-${Date.now()}.json`);
    renameSync(path, recoveredFrom);
    store = factory(storeOptions);
  }

  return {
    path: store.path,
    recoveredFrom,
    recentFolders: () => [...(store.get('recentFolders') ?? [])],
    rememberFolder(dir) {
      const rest = (store.get('recentFolders') ?? []).filter((d) => d !== dir);
      store.set('recentFolders', [dir, ...rest].slice(0, MAX_RECENT));
    },
    windowBounds: () => store.get('windowBounds'),
    setWindowBounds: (bounds) => store.set('windowBounds', bounds),
  };
}

/** Settings on the conf engine (browser mode, the CLI, tests): no Electron needed. */
export function openConfSettings(cwd: string): SettingsStore {
  return openSettingsStore((options) => new Conf<SettingsData>(options), cwd);
}

