import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { openConfSettings, openSettingsStore, SETTINGS_VERSION, type SettingsData, type SettingsStoreFactory } from '../../../../main/store/settings';
import { ApiError } from '../../../../shared/api';
import { DEFAULT_VERDICT_SCALE } from '../../../../shared/domain/annotation';
import { DEFAULT_USER_SETTINGS, type UserSettings } from '../../../../shared/domain/settings';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/store');

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'reckon-settings-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('settings store', () => {
  it('remembers recent folders, most recent first, without duplicates, capped at 10', () => {
    const dir = tempDir();
    const settings = openConfSettings(dir);
    for (let i = 0; i < 12; i++) settings.rememberFolder(`/folder/${i}`);
    settings.rememberFolder('/folder/5');
    const recent = openConfSettings(dir).recentFolders();
    expect(recent[0]).toBe('/folder/5');
    expect(recent).toHaveLength(10);
    expect(new Set(recent).size).toBe(10);
  });

  it('keeps window bounds', () => {
    const dir = tempDir();
    openConfSettings(dir).setWindowBounds({ x: 10, y: 20, width: 1280, height: 800 });
    expect(openConfSettings(dir).windowBounds()).toEqual({ x: 10, y: 20, width: 1280, height: 800 });
  });

  it.each([
    ['truncated JSON', '{"recentFolders": ["/a",'],
    ['a value the schema refuses', '{"recentFolders": 5}'],
  ])('moves a corrupt file (%s) aside, keeps it, and starts clean', (_label, content) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), content);
    const settings = openConfSettings(dir);
    expect(settings.recentFolders()).toEqual([]);
    expect(settings.recoveredFrom).toMatch(/settings\.corrupt-\d+\.json$/);
    expect(readFileSync(settings.recoveredFrom!, 'utf8')).toBe(content);
    settings.rememberFolder('/b');
    expect(openConfSettings(dir).recentFolders()).toEqual(['/b']);
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toHaveLength(1);
  });
});

function expectInvalid(run: () => unknown, message: RegExp): void {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('invalid-args');
    expect((err as ApiError).message).toMatch(message);
    return;
  }
  throw new Error('expected ApiError(invalid-args)');
}

describe('user settings', () => {
  it('start from the defaults', () => {
    expect(openConfSettings(tempDir()).userSettings()).toEqual(DEFAULT_USER_SETTINGS);
  });

  it('change field by field, persist, and come back whole', () => {
    const dir = tempDir();
    const settings = openConfSettings(dir);
    const scale = [
      { id: 'true', label: 'True', rating: 3 },
      { id: 'half-true', label: 'Half true', rating: 2 },
      { id: 'false', label: 'False', rating: 1 },
    ];
    expect(settings.updateUserSettings({ theme: 'dark', author: 'Sok Chea' })).toEqual({
      ...DEFAULT_USER_SETTINGS,
      theme: 'dark',
      author: 'Sok Chea',
    });
    settings.updateUserSettings({ verdictScale: scale, organisation: 'Mekong Desk', baseUrl: 'https://checks.example.org/' });
    const expected: UserSettings = {
      theme: 'dark',
      verdictScale: scale,
      author: 'Sok Chea',
      organisation: 'Mekong Desk',
      baseUrl: 'https://checks.example.org/',
    };
    expect(settings.userSettings()).toEqual(expected);
    const reopened = openConfSettings(dir);
    expect(reopened.userSettings()).toEqual(expected);
    expect(reopened.recentFolders()).toEqual([]);
    // Callers get copies.
    reopened.userSettings().verdictScale.pop();
    expect(reopened.userSettings().verdictScale).toHaveLength(3);
  });

  it('refuse invalid changes with invalid-args and a message that names the field, writing nothing', () => {
    const dir = tempDir();
    const settings = openConfSettings(dir);
    settings.updateUserSettings({ author: 'kept' });
    const before = readFileSync(settings.path, 'utf8');
    expectInvalid(() => settings.updateUserSettings({ theme: 'neon' as never }), /theme/);
    expectInvalid(() => settings.updateUserSettings({ baseUrl: 'checks dot org' }), /baseUrl/);
    expectInvalid(() => settings.updateUserSettings({ author: 'x'.repeat(201) }), /author/);
    expectInvalid(() => settings.updateUserSettings({ verdictScale: [DEFAULT_VERDICT_SCALE[0]!] }), /verdictScale/);
    expectInvalid(
      () => settings.updateUserSettings({ verdictScale: [DEFAULT_VERDICT_SCALE[0]!, { ...DEFAULT_VERDICT_SCALE[1]!, id: 'accurate' }] }),
      /two steps share the id "accurate"/,
    );
    expectInvalid(() => settings.updateUserSettings({ fontSize: 14 } as never), /fontSize/);
    expect(readFileSync(settings.path, 'utf8')).toBe(before);
    expect(settings.userSettings().author).toBe('kept');
  });
});

describe('settings files', () => {
  it('migrates a file from before user settings: recent folders and bounds kept, user settings added', () => {
    const dir = tempDir();
    copyFileSync(join(fixtures, 'settings-v1.json'), join(dir, 'settings.json'));
    const settings = openConfSettings(dir);
    expect(settings.recoveredFrom).toBeNull();
    expect(settings.recentFolders()).toEqual(['/home/reporter/cambodia-prisons', '/home/reporter/corpus-b']);
    expect(settings.windowBounds()).toEqual({ x: 40, y: 30, width: 1280, height: 800 });
    expect(settings.userSettings()).toEqual(DEFAULT_USER_SETTINGS);
    const onDisk = JSON.parse(readFileSync(settings.path, 'utf8')) as Record<string, unknown>;
    expect(onDisk.user).toEqual(DEFAULT_USER_SETTINGS);
    expect(onDisk.__internal__).toEqual({ migrations: { version: SETTINGS_VERSION } });
    expect(readFileSync(join(dir, 'settings.before-2.0.0.json'), 'utf8')).toBe(readFileSync(join(fixtures, 'settings-v1.json'), 'utf8'));
  });

  it('the migration keeps user settings already present and fills in the rest', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ recentFolders: [], user: { theme: 'light', author: 'A. Reporter' } }));
    expect(openConfSettings(dir).userSettings()).toEqual({ ...DEFAULT_USER_SETTINGS, theme: 'light', author: 'A. Reporter' });
  });

  it('loads the last good settings when the file is damaged after use', () => {
    const dir = tempDir();
    const settings = openConfSettings(dir);
    settings.rememberFolder('/corpus');
    settings.updateUserSettings({ author: 'Sok Chea' });
    writeFileSync(settings.path, '{"recentFolders": ');
    const recovered = openConfSettings(dir);
    expect(recovered.recoveredFrom).toMatch(/settings\.corrupt-\d+\.json$/);
    expect(recovered.recentFolders()).toEqual(['/corpus']);
    expect(recovered.userSettings().author).toBe('Sok Chea');
  });

  it('uses settings.json with an engine that names files as electron-store does, adopting its old config.json', () => {
    const dir = tempDir();
    // electron-store takes the file name from `name` (default "config") and ignores `configName`.
    const electronStoreLike: SettingsStoreFactory = (options) => {
      const { name, ...rest } = options;
      return new Conf<SettingsData>({ ...rest, configName: name ?? 'config' });
    };
    // What the app wrote before the stores passed `name`.
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ recentFolders: ['/from-before'] }));
    const settings = openSettingsStore(electronStoreLike, dir);
    expect(settings.path).toBe(join(dir, 'settings.json'));
    expect(settings.recentFolders()).toEqual(['/from-before']);
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
    settings.updateUserSettings({ theme: 'dark' });
    expect(openConfSettings(dir).userSettings().theme).toBe('dark');
  });

  it('leaves a config.json that is not Reckon settings alone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), '{"something": "else"}');
    openConfSettings(dir).rememberFolder('/x');
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe('{"something": "else"}');
  });
});

