/**
 * electron-builder.yml is checked by electron-builder's own code: its loader (the one
 * `electron-builder` runs, which finds the file by name) and its schema validation.
 * Real packaging needs the Electron zip and cannot run offline; this is the part that can.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// app-builder-lib (electron-builder's engine) has no package "exports", so its modules are public paths.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration, TargetConfiguration } from 'app-builder-lib';

const projectDir = fileURLToPath(new URL('../../../', import.meta.url));
// validateConfiguration only asks its logger whether debug output is on.
const quietLogger = { isEnabled: false, add: () => {} } as unknown as Parameters<typeof validateConfiguration>[1];

type Targets = string | Array<string | TargetConfiguration> | TargetConfiguration | null | undefined;
function targetNames(targets: Targets): string[] {
  const list = Array.isArray(targets) ? targets : targets == null ? [] : [targets];
  return list.map((t) => (typeof t === 'string' ? t : t.target));
}

// As loaded from disk. validateConfiguration normalises the object it checks (e.g. `files`),
// so it always gets its own copy.
const config: Configuration = await getConfig(projectDir, null, null);
const copy = (): Configuration => structuredClone(config);

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration validation', async () => {
    await expect(validateConfiguration(copy(), quietLogger)).resolves.toBeUndefined();
  });

  it('is really validated: the same validator rejects misplaced or misspelt options', async () => {
    const misspelt = { ...copy(), appld: 'org.reckon.app' } as Configuration;
    await expect(validateConfiguration(misspelt, quietLogger)).rejects.toThrow(/appld/);
    const misplaced = copy();
    (misplaced.linux as Record<string, unknown>).targett = 'AppImage';
    await expect(validateConfiguration(misplaced, quietLogger)).rejects.toThrow(/configuration\.linux/);
  });

  it('targets AppImage and deb, dmg, and nsis', () => {
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
  });

  it('packages the build output into app.asar and ships the sample corpus beside it', () => {
    expect(config.appId).toBe('org.reckon.app');
    expect(config.productName).toBe('Reckon');
    expect(config.asar).toBe(true);
    // electron-builder's loader normalises `files` into file sets.
    const sets = [config.files ?? []].flat() as Array<string | { filter?: string | string[] }>;
    const patterns = sets.flatMap((set) => (typeof set === 'string' ? [set] : [set.filter ?? []].flat()));
    expect(patterns).toEqual(['out/**', 'package.json', '!**/*.map']);
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'resources/sample-corpus', to: 'resources/sample-corpus' }));
    expect(existsSync(fileURLToPath(new URL('resources/sample-corpus', `file://${projectDir}`)))).toBe(true);
    expect(config.directories).toMatchObject({ output: 'dist', buildResources: 'resources/build' });
    expect(existsSync(`${projectDir}resources/build/icon.png`)).toBe(true);
  });

  it('gives the .deb its required homepage and maintainer, and the categories', () => {
    expect(config.extraMetadata?.homepage).toMatch(/^https:\/\//);
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
    expect(config.linux?.category).toBe('Office');
    expect(config.mac?.category).toBe('public.app-category.news');
  });

  it('flips the Electron fuses that a packaged offline app does not need', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
