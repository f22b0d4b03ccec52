import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding resources/ (sample corpus, report stylesheet). Source files run
 * through tsx sit two levels below it, bundled ones three; walk up rather than guess.
 * The packaged app passes process.resourcesPath instead.
 */
export function findResourcesDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'sample-corpus'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`Reckon's resources folder was not found above ${from}`);
}

/** Where Reckon keeps per-user data outside Electron (browser mode, CLI): XDG-style. */
export function defaultUserDataDir(): string {
  if (process.env.RECKON_USER_DATA) return process.env.RECKON_USER_DATA;
  const home = process.env.HOME ?? process.env.USERPROFILE ?? '.';
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Reckon');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Reckon');
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Reckon');
}
