import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { z } from 'zod';
import { ApiError } from '../../shared/api';
import { DEFAULT_USER_SETTINGS, UserSettings } from '../../shared/domain/settings';
import { openDurableStore, type StoreFactory, type StoreOptions } from './durable';
import { jsonSchemaOf } from './json-schema';

export type { KeyValueStore, StoreFactory, StoreOptions } from './durable';

/**
 * What Reckon remembers between runs. Versioned by conf's projectVersion + migrations:
 * - no version (1.0.0 wrote none): recentFolders, windowBounds;
 * - 2.0.0: adds `user`, the settings the UI edits (theme, verdict scale, author, organisation, baseUrl).
 */
export type SettingsData = {
  recentFolders: string[];
  windowBounds?: { x?: number; y?: number; width: number; height: number };
  user: UserSettings;
};

export const SETTINGS_VERSION = '2.0.0';
const MAX_RECENT = 10;
const SETTINGS_NAME = 'settings';
/** The file electron-store wrote before the stores passed it a `name` (it defaults to `config`). */
const LEGACY_ELECTRON_STORE_NAME = 'config';

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
  user: jsonSchemaOf(UserSettings),
};

const migrations = {
  /** 1.0.0 → 2.0.0: user settings appear, each from its default unless already stored. */
  '2.0.0': (store: Conf<SettingsData>) => {
    const stored: unknown = store.get('user');
    const kept = stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {};
    store.set('user', { ...DEFAULT_USER_SETTINGS, ...kept });
  },
};

/** Makes the settings' engine: `(options) => new ElectronStore<SettingsData>(options)` in the app. */
export type SettingsStoreFactory = StoreFactory<SettingsData>;

export interface SettingsStore {
  readonly path: string;
  /** Set when the file on disk was unreadable and was moved aside: the path of the backup. */
  readonly recoveredFrom: string | null;
  recentFolders(): string[];
  /** Put a folder first in the recent list (deduplicated, capped). */
  rememberFolder(dir: string): void;
  windowBounds(): SettingsData['windowBounds'];
  setWindowBounds(bounds: NonNullable<SettingsData['windowBounds']>): void;
  /** The settings the UI shows and edits. */
  userSettings(): UserSettings;
  /** Change some user settings; the result is validated whole. Throws ApiError('invalid-args'). */
  updateUserSettings(patch: Partial<UserSettings>): UserSettings;
}

const UserSettingsPatch = UserSettings.partial().strict();

/** The first problem zod found, as a sentence a user can act on. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'rejected';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** Validate a whole set of user settings: the zod schema, plus what it cannot say (verdict ids are unique). */
function checkUserSettings(candidate: unknown): UserSettings {
  const parsed = UserSettings.safeParse(candidate);
  if (!parsed.success) throw new ApiError('invalid-args', `Settings not saved: ${describeIssue(parsed.error)}`);
  const seen = new Set<string>();
  for (const step of parsed.data.verdictScale) {
    if (seen.has(step.id)) {
      throw new ApiError('invalid-args', `Settings not saved: verdictScale: two steps share the id "${step.id}"`);
    }
    seen.add(step.id);
  }
  return parsed.data;
}

/**
 * Before the stores passed `name`, electron-store kept the settings in `config.json`: adopt that file
 * once, so the recent folders and window bounds it holds are not left behind.
 */
function adoptLegacyFile(cwd: string): void {
  const current = join(cwd, `${SETTINGS_NAME}.json`);
  const legacy = join(cwd, `${LEGACY_ELECTRON_STORE_NAME}.json`);
  if (existsSync(current) || !existsSync(legacy)) return;
  try {
    const data: unknown = JSON.parse(readFileSync(legacy, 'utf8'));
    if (data && typeof data === 'object' && Array.isArray((data as { recentFolders?: unknown }).recentFolders)) {
      renameSync(legacy, current);
    }
  } catch {
    // Not our file, or unreadable: leave it where it is.
  }
}

/**
 * Open the settings with a given engine (electron-store in the app, conf elsewhere).
 * A damaged file is kept aside as `<name>.corrupt-<time>.json` and the last good copy is loaded
 * (or defaults, if there is none), so a bad file never stops the app and is never silently deleted.
 */
export function openSettingsStore(factory: SettingsStoreFactory, cwd: string): SettingsStore {
  adoptLegacyFile(cwd);
  const options: StoreOptions<SettingsData> = {
    cwd,
    configName: SETTINGS_NAME,
    name: SETTINGS_NAME,
    projectName: 'reckon',
    projectVersion: SETTINGS_VERSION,
    schema: schema as never,
    // `user` is not a default: the 2.0.0 migration adds it, to new files and old ones alike.
    defaults: { recentFolders: [] } as unknown as SettingsData,
    migrations: migrations as never,
  };
  const { store, recoveredFrom, saved } = openDurableStore<SettingsData>({ factory, options });
  const write = <K extends keyof SettingsData>(key: K, value: SettingsData[K]) => {
    store.set(key, value);
    saved();
  };

  const userSettings = (): UserSettings => structuredClone(store.get('user') ?? DEFAULT_USER_SETTINGS);

  return {
    path: store.path,
    recoveredFrom,
    recentFolders: () => [...(store.get('recentFolders') ?? [])],
    rememberFolder(dir) {
      const rest = (store.get('recentFolders') ?? []).filter((d) => d !== dir);
      write('recentFolders', [dir, ...rest].slice(0, MAX_RECENT));
    },
    windowBounds: () => store.get('windowBounds'),
    setWindowBounds: (bounds) => write('windowBounds', bounds),
    userSettings,
    updateUserSettings(patch) {
      const parsedPatch = UserSettingsPatch.safeParse(patch);
      if (!parsedPatch.success) {
        throw new ApiError('invalid-args', `Settings not saved: ${describeIssue(parsedPatch.error)}`);
      }
      const next = checkUserSettings({ ...userSettings(), ...parsedPatch.data });
      try {
        write('user', next);
      } catch (err) {
        // The file's JSON schema is derived from the same zod schema, but ajv's formats may be stricter.
        const message = err instanceof Error ? err.message : String(err);
        if (message.startsWith('Config schema violation')) throw new ApiError('invalid-args', `Settings not saved: ${message}`);
        throw new ApiError('io', `Settings not saved to ${store.path}: ${message}`);
      }
      return structuredClone(next);
    },
  };
}

/** Settings on the conf engine (browser mode, the CLI, tests): no Electron needed. */
export function openConfSettings(cwd: string): SettingsStore {
  return openSettingsStore((options) => new Conf<SettingsData>(options), cwd);
}
