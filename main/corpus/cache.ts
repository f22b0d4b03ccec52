/**
 * The on-disk cache of one corpus root, in options.cacheDir/corpora/<hash of the root>/:
 *   manifest.json         id → size, mtime, content hash, format (to skip hashing unchanged files)
 *   texts/<sha256>.<format>.json  what extraction gave for those bytes (text + metadata, or the error)
 *   index/<key>.json      the serialised lunr index, keyed by the set of (id, hash) pairs
 * Keyed by content, so a renamed or moved file is not extracted again. Every file
 * carries CACHE_VERSION; anything unreadable, corrupt or from another version is
 * ignored (and rebuilt), never fatal. Writes are atomic.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { access, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ArticleFormat, FileErrorCode } from '../../shared/domain/article';
import { writeFileAtomic } from './atomic';
import type { Extraction } from './read';

/** Bump whenever extraction, normalisation, metadata or the index's tokenising change. */
export const CACHE_VERSION = 4;

const StatedDateSchema = z.object({ surface: z.string(), year: z.number().int().nullable(), month: z.number().int(), day: z.number().int() });
const ExtractionSchema = z.union([
  z.object({
    ok: z.literal(true),
    text: z.string(),
    format: ArticleFormat,
    meta: z.object({ title: z.string(), publisher: z.string().nullable(), byline: z.string().nullable(), statedDate: StatedDateSchema.nullable() }),
  }),
  z.object({ ok: z.literal(false), error: z.object({ code: FileErrorCode, reason: z.string() }) }),
]);
const TextEntrySchema = z.object({ version: z.literal(CACHE_VERSION), extraction: ExtractionSchema });

const ManifestEntrySchema = z.object({
  size: z.number(),
  mtimeMs: z.number(),
  /** null when the file was judged by its size alone (empty, too large) or could not be read. */
  hash: z.string().nullable(),
  format: ArticleFormat,
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;
const ManifestSchema = z.object({
  version: z.literal(CACHE_VERSION),
  root: z.string(),
  files: z.record(z.string(), ManifestEntrySchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/**
 * All of a corpus's extractions in one file, so that reopening reads one file instead
 * of one per article (a thousand small reads cost more than the parse). Checked only
 * at the top level: a bad entry is treated as a miss by isExtraction, never trusted.
 */
const PackSchema = z.object({ version: z.literal(CACHE_VERSION), root: z.string(), texts: z.record(z.string(), z.unknown()) });

function isExtraction(value: unknown): value is Extraction {
  if (!value || typeof value !== 'object') return false;
  const entry = value as { ok?: unknown; text?: unknown; meta?: unknown; error?: unknown };
  return entry.ok === true ? typeof entry.text === 'string' && typeof entry.meta === 'object' && entry.meta !== null : entry.ok === false && typeof entry.error === 'object';
}

const IndexEntrySchema = z.object({ version: z.literal(CACHE_VERSION), key: z.string(), index: z.record(z.string(), z.unknown()) });

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

/** The index key: which documents, with which content, by which version of Reckon. */
export function indexKey(docs: Iterable<{ id: string; hash: string }>): string {
  const pairs = [...docs].map((d) => `${d.id}\u0000${d.hash}`).sort();
  return sha(`v${CACHE_VERSION}\n${pairs.join('\n')}`).slice(0, 32);
}

/** A cache file's content checked against its schema; anything unreadable or corrupt is a miss. */
function parseEntry<T>(text: string | null, schema: z.ZodType<T>): T | null {
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function readJson<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
  return parseEntry(await readFile(path, 'utf8').catch(() => null), schema);
}

/** The lunr data of a cached index entry, if it is the one for this key. */
function indexFrom(text: string | null, key: string): object | null {
  const entry = parseEntry(text, IndexEntrySchema);
  return entry && entry.key === key ? entry.index : null;
}

export class CorpusCache {
  readonly dir: string;

  constructor(
    cacheDir: string,
    readonly root: string,
  ) {
    this.dir = join(cacheDir, 'corpora', sha(root).slice(0, 24));
  }

  private textPath(hash: string, format: ArticleFormat): string {
    return join(this.dir, 'texts', `${hash}.${format}.json`);
  }
  private indexPath(key: string): string {
    return join(this.dir, 'index', `${key}.json`);
  }

  async readManifest(): Promise<Manifest | null> {
    const manifest = await readJson(join(this.dir, 'manifest.json'), ManifestSchema);
    return manifest && manifest.root === this.root ? manifest : null;
  }

  writeManifest(files: Record<string, ManifestEntry>): Promise<void> {
    const manifest: Manifest = { version: CACHE_VERSION, root: this.root, files };
    return writeFileAtomic(join(this.dir, 'manifest.json'), JSON.stringify(manifest));
  }

  /** Every extraction of the last open, by text key; empty when missing, corrupt or stale. */
  async readPack(): Promise<Map<string, Extraction>> {
    const pack = await readJson(join(this.dir, 'pack.json'), PackSchema);
    const texts = new Map<string, Extraction>();
    if (!pack || pack.root !== this.root) return texts;
    for (const [key, value] of Object.entries(pack.texts)) if (isExtraction(value)) texts.set(key, value);
    return texts;
  }

  writePack(texts: ReadonlyMap<string, Extraction>): Promise<void> {
    return writeFileAtomic(join(this.dir, 'pack.json'), JSON.stringify({ version: CACHE_VERSION, root: this.root, texts: Object.fromEntries(texts) }));
  }

  async readExtraction(hash: string, format: ArticleFormat): Promise<Extraction | null> {
    const entry = await readJson(this.textPath(hash, format), TextEntrySchema);
    return entry ? (entry.extraction as Extraction) : null;
  }

  writeExtraction(hash: string, format: ArticleFormat, extraction: Extraction): Promise<void> {
    return writeFileAtomic(this.textPath(hash, format), JSON.stringify({ version: CACHE_VERSION, extraction }));
  }

  /** The cached index; `stillWanted` is asked between reading and parsing, the costly part. */
  async readIndex(key: string, stillWanted: () => boolean = () => true): Promise<object | null> {
    const text = await readFile(this.indexPath(key), 'utf8').catch(() => null);
    return stillWanted() ? indexFrom(text, key) : null;
  }

  /** Whether an index for this key is on disk (not whether it is sound: see readIndexSync). */
  hasIndex(key: string): Promise<boolean> {
    return access(this.indexPath(key)).then(
      () => true,
      () => false,
    );
  }

  /** The cached index, read synchronously (a search needs it now); null when missing or unsound. */
  readIndexSync(key: string): object | null {
    let text: string | null = null;
    try {
      text = readFileSync(this.indexPath(key), 'utf8');
    } catch {
      // missing: a miss
    }
    return indexFrom(text, key);
  }

  writeIndex(key: string, index: object): Promise<void> {
    return writeFileAtomic(this.indexPath(key), JSON.stringify({ version: CACHE_VERSION, key, index }));
  }

  /** Delete texts and indexes nothing refers to any more. */
  async prune(keepTexts: Set<string>, keepIndex: string): Promise<void> {
    const sweep = async (folder: string, keep: (name: string) => boolean): Promise<void> => {
      const names = await readdir(join(this.dir, folder)).catch(() => [] as string[]);
      await Promise.all(names.filter((n) => !keep(n)).map((n) => rm(join(this.dir, folder, n), { force: true }).catch(() => undefined)));
    };
    await sweep('texts', (name) => keepTexts.has(name.replace(/\.json$/, '')));
    await sweep('index', (name) => name === `${keepIndex}.json`);
  }

  static textKey(hash: string, format: ArticleFormat): string {
    return `${hash}.${format}`;
  }
}
