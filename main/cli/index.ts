/**
 * `reckon`: the command line over the same main/corpus code the app uses.
 *   reckon index <dir>                       read and index a folder; files, per-file errors, time
 *   reckon search <dir> "<query>" [--json]   search a folder
 *   reckon claims <file|dir> [--json]        every numeric claim, with unit, qualifier, interval, quantity, time
 *   reckon check <dir> [--json]              cross-check: linked figures, series over time, arithmetic checks
 *   reckon report <dir> [--format F] [--out FILE]   the annotated report (html, pdf, md, csv, json, w3c, claimreview)
 *   reckon import <dir> <file>               import W3C Web Annotation JSON-LD (Reckon's or Hypothesis's export)
 *   reckon serve [--port N] [<dir>]          browser mode on 127.0.0.1
 * Options may come before or after the positional arguments.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseArgs as parseCallArgs } from '../../shared/api';
import type { Claim } from '../../shared/domain/claim';
import type { ArticleDate, ArticleSummary } from '../../shared/domain/article';
import type { VerdictOption } from '../../shared/domain/annotation';
import { claimKey, type CorpusCheck } from '../../shared/domain/crosscheck';
import { NO_VERDICT, ReportFormat, type ImportResult, type ReportFilter } from '../../shared/domain/report';
import { formatValue } from '../../shared/crosscheck';
import { createBackend, type Backend } from '../backend';
import { claimsOf, crossCheckCorpus } from '../crosscheck';
import { openCorpus, readDocument } from '../corpus';
import type { Corpus } from '../corpus/types';
import { defaultUserDataDir, findResourcesDir } from '../paths';
import { chromiumPdfRenderer, CHROMIUM_MISSING_MESSAGE, findChromium, type PdfRenderer } from '../report/pdf';
import { openConfAnnotations } from '../store/annotations';
import { writeFailureInWords, writeFileAtomic } from '../store/durable';
import { openConfSettings, type SettingsStore } from '../store/settings';
import { VERSION } from '../version';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `Reckon ${VERSION} — check the numbers in news articles, offline.

Usage:
  reckon index <dir> [--json] [--no-cache]
  reckon search <dir> "<query>" [--json] [--limit N] [--no-cache]
  reckon claims <file|dir> [--json] [--no-cache]
  reckon check <dir> [--json] [--no-cache]
  reckon report <dir> [--format F] [--out FILE] [--articles ID,…] [--verdicts ID,…] [--chromium PATH]
  reckon import <dir> <file>
  reckon serve [<dir>] [--port N] [--chromium PATH]

Options:
  --json           machine-readable output
  --limit N        at most N search results (default 20)
  --no-cache       do not use or write the cache in the user-data folder
  --format F       report format: ${ReportFormat.options.join(', ')} (default html)
  --out FILE       write the report to FILE instead of standard output (a PDF without
                   --out is written to the current folder under its suggested name)
  --articles IDS   report on these articles only (file ids as \`reckon index\` lists them)
  --verdicts IDS   keep only annotations with these verdicts (ids of the verdict scale,
                   or ${NO_VERDICT} for annotations without one)
  --chromium PATH  the Chromium or Chrome that prints PDFs (default: found on PATH)
  --port N         browser mode port on 127.0.0.1 (default: a free port)
  -h, --help       this help

report and import use the annotations and settings the app keeps for the folder
(user-data folder: $RECKON_USER_DATA, else the platform's config folder).
`;

class UsageError extends Error {}

/** Run the CLI; returns the process exit code. */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        limit: { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        port: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        articles: { type: 'string' },
        verdicts: { type: 'string' },
        chromium: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (err) {
    io.err(`reckon: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) return io.out(`${VERSION}\n`), 0;
  if (values.help || !command) return io.out(USAGE), command || values.help ? 0 : 2;

  try {
    switch (command) {
      case 'index':
        return await indexCommand(rest, values, io);
      case 'search':
        return await searchCommand(rest, values, io);
      case 'claims':
        return await claimsCommand(rest, values, io);
      case 'check':
        return await checkCommand(rest, values, io);
      case 'report':
        return await reportCommand(rest, values, io);
      case 'import':
        return await importCommand(rest, values, io);
      case 'serve':
        return await serveCommand(rest, values, io);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`reckon: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`reckon: ${(err as Error).message}\n`);
    return 1;
  }
}

type Flags = {
  json?: boolean;
  limit?: string;
  'no-cache'?: boolean;
  port?: string;
  format?: string;
  out?: string;
  articles?: string;
  verdicts?: string;
  chromium?: string;
};

async function withCorpus<T>(dir: string | undefined, flags: Flags, use: (corpus: Corpus) => Promise<T> | T): Promise<T> {
  if (!dir) throw new UsageError('a folder is required');
  const tempCache = flags['no-cache'] ? mkdtempSync(join(tmpdir(), 'reckon-cache-')) : null;
  const corpus = await openCorpus(resolve(dir), { cacheDir: tempCache ?? join(defaultUserDataDir(), 'cache') });
  try {
    return await use(corpus);
  } finally {
    await corpus.close();
    if (tempCache) rmSync(tempCache, { recursive: true, force: true });
  }
}

async function indexCommand([dir, ...extra]: string[], flags: Flags, io: CliIo): Promise<number> {
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  return withCorpus(dir, flags, (corpus) => {
    const info = corpus.info();
    if (flags.json) {
      io.out(JSON.stringify(info, null, 2) + '\n');
      return 0;
    }
    const { stats } = info;
    io.out(`${info.root}\n`);
    io.out(`${stats.files} files: ${stats.indexed} indexed (${stats.fromCache} from cache), ${stats.errors} skipped, in ${stats.ms.toFixed(0)} ms\n`);
    for (const article of info.articles) {
      io.out(`  ${article.id}  ${article.title}${article.publisher ? ` — ${article.publisher}` : ''}  (${describeDate(article.date)})\n`);
    }
    for (const error of info.errors) io.out(`  skipped ${error.path}: ${error.reason}\n`);
    return 0;
  });
}

async function searchCommand([dir, query, ...extra]: string[], flags: Flags, io: CliIo): Promise<number> {
  if (query === undefined) throw new UsageError('search needs a folder and a query');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}" (quote a query of several words)`);
  const limit = flags.limit === undefined ? 20 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number');
  return withCorpus(dir, flags, (corpus) => {
    const result = corpus.search(query, limit);
    if (flags.json) {
      io.out(JSON.stringify(result, null, 2) + '\n');
      return result.error ? 1 : 0;
    }
    if (result.error) {
      io.err(`reckon: cannot search for "${query}": ${result.error}\n`);
      return 1;
    }
    io.out(`${result.hits.length} result${result.hits.length === 1 ? '' : 's'} for "${query}" (${result.ms.toFixed(1)} ms)\n`);
    for (const hit of result.hits) {
      io.out(`\n${hit.title}\n  ${hit.id} · ${hit.matches.length} match${hit.matches.length === 1 ? '' : 'es'}\n`);
      for (const snippet of hit.snippets) io.out(`  … ${markSnippet(snippet.text, snippet.highlights)} …\n`);
    }
    return 0;
  });
}

/** A date as the text gives it: a guessed year is not shown as stated, a file date is marked. */
function describeDate(date: ArticleDate): string {
  if (date.source === 'mtime') return `${date.iso}, file date`;
  return date.yearInferred ? `${date.surface ?? date.iso.slice(5)}, year not stated` : date.iso;
}

/** A stated publication date anchors relative times ("last year"); a file's mtime, or a year guessed from it, is too weak. */

async function claimsCommand([target, ...extra]: string[], flags: Flags, io: CliIo): Promise<number> {
  if (!target) throw new UsageError('claims needs a file or a folder');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const path = resolve(target);
  const info = (() => {
    try {
      return statSync(path);
    } catch {
      throw new Error(`no such file or folder: ${path}`);
    }
  })();
  const byFile: Record<string, Claim[]> = {};
  let failed = false;
  if (info.isDirectory()) {
    await withCorpus(path, flags, (corpus) => {
      const { articles, errors } = corpus.info();
      for (const article of articles) {
        byFile[article.id] = claimsOf(corpus.getArticle(article.id));
      }
      for (const error of errors) io.err(`reckon: skipped ${error.path}: ${error.reason}\n`);
    });
  } else {
    const read = await readDocument(path);
    if (read.ok) byFile[basename(path)] = claimsOf({ text: read.text, date: read.meta.date });
    else {
      io.err(`reckon: cannot read ${path}: ${read.error.reason}\n`);
      failed = true;
    }
  }
  if (flags.json) io.out(JSON.stringify(byFile, null, 2) + '\n');
  else for (const [file, claims] of Object.entries(byFile)) io.out(formatClaims(file, claims));
  return failed ? 1 : 0;
}

function formatClaims(file: string, claims: Claim[]): string {
  const bound = (n: number | null, infinity: string) => (n === null ? infinity : n.toLocaleString('en-US', { maximumFractionDigits: 4 }));
  const lines = [`\n${file}: ${claims.length} claim${claims.length === 1 ? '' : 's'}`];
  for (const claim of claims) {
    const value = `${claim.value.toLocaleString('en-US', { maximumFractionDigits: 4 })} ${claim.unit}`;
    const interval = claim.low === claim.high ? '' : ` [${bound(claim.low, '−∞')}, ${bound(claim.high, '∞')}]`;
    const about = claim.quantity ? ` · ${claim.quantity.phrase}` : '';
    const when = claim.time ? ` · ${claim.time.text}` : '';
    lines.push(`  ${String(claim.start).padStart(6)}  ${claim.text.padEnd(28)} ${value} (${claim.qualifier})${interval}${about}${when}`);
  }
  return lines.join('\n') + '\n';
}

async function checkCommand([dir, ...extra]: string[], flags: Flags, io: CliIo): Promise<number> {
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  return withCorpus(dir, flags, (corpus) => {
    for (const error of corpus.info().errors) io.err(`reckon: skipped ${error.path}: ${error.reason}\n`);
    const report = crossCheckCorpus(corpus).report(corpus.root);
    io.out(flags.json ? JSON.stringify(report, null, 2) + '\n' : formatCheck(report));
    return 0;
  });
}

/** The text report: discrepancies first (what a fact-checker acts on), then series, then the arithmetic. */
function formatCheck(report: CorpusCheck): string {
  const { stats } = report;
  const lines = [
    `${report.root}: ${stats.articles} articles, ${stats.claims} claims, ${stats.links} links, ${stats.discrepancies} discrepancies, ${report.checks.length} arithmetic checks (${Math.round(stats.ms)} ms)`,
  ];
  const seen = new Set<string>();
  const differs = report.links.flatMap((entry) =>
    entry.links.filter((link) => link.relation.kind === 'differs').map((link) => ({ from: entry.ref, link })),
  );
  lines.push('', `Discrepancies (${stats.discrepancies}):`);
  for (const { from, link } of differs) {
    const pair = [claimKey(from), claimKey(link.to.ref)].sort().join(' ');
    if (seen.has(pair)) continue;
    seen.add(pair);
    lines.push(`  ${from.articleId} ↔ ${link.to.ref.articleId}: ${link.relation.sentence}`);
  }
  lines.push('', `Series (${report.series.length}):`);
  for (const series of report.series) {
    lines.push(`  ${series.label} (${series.points.length} figures)`);
    for (const p of series.points) lines.push(`    ${p.time.label.padEnd(28).slice(0, 60)}  ${p.text.padEnd(22)}  ${p.articleTitle}`);
  }
  lines.push('', `Arithmetic (${report.checks.length}):`);
  for (const check of report.checks) {
    lines.push(`  [${check.verdict}] ${check.articleId}: ${check.formula} = ${formatValue(check.computed, check.unit)}`, `      ${check.sentence}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The back end the app runs, over the annotations and settings the app keeps for the folder,
 * so a report from the command line says what the app's Export dialog would.
 */
async function withBackend<T>(
  dir: string,
  flags: Flags,
  renderPdf: PdfRenderer | undefined,
  io: CliIo,
  use: (backend: Backend, settings: SettingsStore) => Promise<T>,
): Promise<T> {
  const userData = defaultUserDataDir();
  const tempCache = flags['no-cache'] ? mkdtempSync(join(tmpdir(), 'reckon-cache-')) : null;
  const stored = openConfSettings(userData);
  // A report made from the command line is not the user opening the folder in the app: the recent list stays as it was.
  const settings: SettingsStore = { ...stored, rememberFolder: () => {} };
  const backend = createBackend({
    version: VERSION,
    cacheDir: tempCache ?? join(userData, 'cache'),
    sampleCorpusDir: join(findResourcesDir(), 'sample-corpus'),
    settings,
    openAnnotations: (root) => {
      const store = openConfAnnotations(userData, root);
      if (store.recoveredFrom) io.err(`reckon: the annotations file was unreadable and was kept aside as ${store.recoveredFrom}\n`);
      return store;
    },
    emit: () => {},
    watch: false,
    renderPdf,
  });
  try {
    await backend.openCorpus({ dir: resolve(dir) });
    return await use(backend, settings);
  } finally {
    await backend.close();
    if (tempCache) rmSync(tempCache, { recursive: true, force: true });
  }
}

/** A comma-separated option as a list, or undefined when absent. */
function listOption(value: string | undefined, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((item) => item.trim()).filter(Boolean);
  if (!items.length) throw new UsageError(`--${name} needs at least one id`);
  return items;
}

function checkIds(given: string[] | undefined, valid: readonly string[], what: string): void {
  const unknown = given?.filter((id) => !valid.includes(id)) ?? [];
  if (!unknown.length) return;
  // A large folder has thousands of articles: name a few, and where to see them all.
  const shown = valid.length > 20 ? `${valid.slice(0, 20).join(', ')}, … (${valid.length} in all; \`reckon index\` lists them)` : valid.join(', ');
  throw new UsageError(`unknown ${what}${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `"${id}"`).join(', ')}; valid: ${shown}`);
}

function reportFilterOf(flags: Flags, articles: readonly ArticleSummary[], scale: readonly VerdictOption[]): ReportFilter {
  const articleIds = listOption(flags.articles, 'articles');
  const verdicts = listOption(flags.verdicts, 'verdicts');
  checkIds(articleIds, articles.map((a) => a.id), 'article');
  checkIds(verdicts, [...scale.map((step) => step.id), NO_VERDICT], 'verdict');
  return { ...(articleIds && { articleIds }), ...(verdicts && { verdicts }) };
}

async function reportCommand([dir, ...extra]: string[], flags: Flags, io: CliIo): Promise<number> {
  if (!dir) throw new UsageError('report needs a folder');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const format = ReportFormat.safeParse(flags.format ?? 'html');
  if (!format.success) throw new UsageError(`unknown format "${flags.format}"; valid: ${ReportFormat.options.join(', ')}`);
  let renderPdf: PdfRenderer | undefined;
  if (format.data === 'pdf') {
    // Before the folder is read: without a browser there is nothing to wait for.
    const chromium = findChromium(flags.chromium);
    if (!chromium) throw new Error(CHROMIUM_MISSING_MESSAGE);
    renderPdf = chromiumPdfRenderer(chromium);
  }
  return withBackend(dir, flags, renderPdf, io, async (backend, settings) => {
    const filter = reportFilterOf(flags, backend.current()!.info().articles, settings.userSettings().verdictScale);
    const file = await backend.exportReport(parseCallArgs('exportReport', { format: format.data, filter }));
    const content = file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content;
    if (flags.out === undefined && file.encoding === 'utf8') {
      io.out(file.content);
      return 0;
    }
    // Binary output never goes to a terminal: it is saved under the name the app would suggest.
    const path = resolve(flags.out ?? file.fileName);
    try {
      writeFileAtomic(path, content);
    } catch (err) {
      throw new Error(`cannot write ${path}: ${writeFailureInWords(err)}`);
    }
    io.out(`${path}\n`);
    return 0;
  });
}

const DIALECTS: Record<ImportResult['dialect'], string> = {
  reckon: "Reckon's W3C export",
  hypothesis: 'a Hypothesis export',
  w3c: 'W3C Web Annotation JSON-LD',
};

/** "Imported 3 of 4 annotations from notes.jsonld (a Hypothesis export): 2 anchored, …", then each skipped item and why. */
export function describeImport(result: ImportResult, fileName: string): string {
  const total = result.imported + result.skipped.length;
  const lines = [
    `Imported ${result.imported} of ${total} annotation${total === 1 ? '' : 's'} from ${fileName} (${DIALECTS[result.dialect]}): ` +
      `${result.anchored} anchored, ${result.moved} moved, ${result.changed} changed, ${result.orphaned} orphaned.`,
  ];
  if (result.skipped.length) {
    lines.push(`Skipped ${result.skipped.length}:`);
    for (const item of result.skipped) lines.push(`  item ${item.index + 1}: ${item.reason}`);
  }
  return lines.join('\n') + '\n';
}

async function importCommand([dir, file, ...extra]: string[], flags: Flags, io: CliIo): Promise<number> {
  if (!dir || !file) throw new UsageError('import needs a folder and a file');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  let content: string;
  try {
    content = readFileSync(resolve(file), 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  return withBackend(dir, flags, undefined, io, async (backend) => {
    const fileName = basename(file);
    const result = await backend.importAnnotations(parseCallArgs('importAnnotations', { fileName, content }));
    io.out(describeImport(result, fileName));
    // Nothing imported from a file that had items is a failure a script should see.
    return result.imported === 0 && result.skipped.length > 0 ? 1 : 0;
  });
}

async function serveCommand([dir, ...extra]: string[], flags: Flags, io: CliIo): Promise<number> {
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0–65535');
  const { startBrowserMode } = await import('../serve');
  const mode = await startBrowserMode({ port, openDir: dir ? resolve(dir) : undefined, chromium: flags.chromium });
  io.out(`Reckon browser mode (127.0.0.1 only). Open:\n  ${mode.server.url}\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await mode.close();
  return 0;
}

/** Bracket the highlighted parts of a snippet for a terminal: «term». */
function markSnippet(text: string, highlights: { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const { start, end } of [...highlights].sort((a, b) => a.start - b.start)) {
    if (start < at) continue;
    out += text.slice(at, start) + '«' + text.slice(start, end) + '»';
    at = end;
  }
  return (out + text.slice(at)).replace(/\s+/g, ' ');
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
