import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../shared/api';
import { createBackend, type Backend } from '../backend';
import { defaultUserDataDir, findResourcesDir } from '../paths';
import { chromiumPdfRenderer, findChromium } from '../report/pdf';
import { openConfAnnotations } from '../store/annotations';
import { openConfSettings } from '../store/settings';
import { VERSION } from '../version';
import { rendererDirFor, startServer, type RunningServer } from './server';

export interface BrowserModeOptions {
  port?: number;
  /** User-data folder (settings, cache); defaults to the platform's config dir or $RECKON_USER_DATA. */
  userDataDir?: string;
  /** Open this folder at start instead of leaving the choice to the UI. */
  openDir?: string;
  token?: string;
  version?: string;
  /** The Chromium that prints PDF reports; by default one found on PATH (without one, PDF export says how to get it). */
  chromium?: string;
}

export interface BrowserMode {
  server: RunningServer;
  backend: Backend;
  close(): Promise<void>;
}

/** Start browser mode: the back end plus the HTTP server for the built renderer. */
export async function startBrowserMode(options: BrowserModeOptions = {}): Promise<BrowserMode> {
  const resourcesDir = findResourcesDir();
  const rendererDir = rendererDirFor(resourcesDir);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The UI is not built (${rendererDir} is missing): run \`npm run build\` first, or use \`npm run serve\`.`);
  }
  const userDataDir = options.userDataDir ?? defaultUserDataDir();
  const chromium = findChromium(options.chromium);
  // Events raised while the server starts are dropped: no page is connected yet.
  let emitToPages = <K extends EventName>(_name: K, _payload: EventPayload<K>): void => {};
  const backend = createBackend({
    version: options.version ?? VERSION,
    cacheDir: join(userDataDir, 'cache'),
    sampleCorpusDir: join(resourcesDir, 'sample-corpus'),
    settings: openConfSettings(userDataDir),
    openAnnotations: (corpusRoot) => openConfAnnotations(userDataDir, corpusRoot),
    emit: (name, payload) => emitToPages(name, payload),
    // No saveFile: the browser downloads exports itself.
    renderPdf: chromium ? chromiumPdfRenderer(chromium) : undefined,
  });
  const server = await startServer({ api: backend, rendererDir, port: options.port, token: options.token });
  emitToPages = server.emit;
  if (options.openDir) await backend.openCorpus({ dir: options.openDir });
  return {
    server,
    backend,
    async close() {
      await server.close();
      await backend.close();
    },
  };
}
