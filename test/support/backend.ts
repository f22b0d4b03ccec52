import { join } from 'node:path';
import { createBackend, type Backend, type BackendOptions } from '../../main/backend';
import { openConfAnnotations } from '../../main/store/annotations';
import { openConfSettings } from '../../main/store/settings';

/**
 * A back end as browser mode builds it (conf stores), on a test's own user-data folder:
 * no watcher, no events unless `options` says otherwise.
 */
export function testBackend(userData: string, sampleCorpusDir: string, options: Partial<BackendOptions> = {}): Backend {
  return createBackend({
    version: '9.9.9',
    cacheDir: join(userData, 'cache'),
    sampleCorpusDir,
    settings: openConfSettings(userData),
    openAnnotations: (root) => openConfAnnotations(userData, root),
    emit: () => {},
    watch: false,
    ...options,
  });
}
