/**
 * Importing W3C Web Annotation JSON-LD (Reckon's export, Hypothesis's, any other) into a
 * corpus: each item is matched to an article, re-anchored in its current text, and all are
 * written with one store call. Re-importing a file replaces what the last import wrote, but
 * never an annotation edited here since the file's copy of it was made.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { ApiError } from '../../shared/api';
import { anchorTarget, describeTarget } from '../../shared/anchoring';
import { Annotation, type Anchor, type AnnotationTarget, type TextPositionSelector } from '../../shared/domain/annotation';
import type { Article } from '../../shared/domain/article';
import type { ImportResult } from '../../shared/domain/report';
import { parseWebAnnotations, type ImportItem } from '../../shared/report/w3c';
import type { AnnotationStore } from '../store/annotations';

/** Namespace of the uuids derived for imported items that have no uuid of their own (RFC 9562 v5). */
const IMPORT_NAMESPACE = '5b0f7c1e-3a51-4c59-9e0e-8d7a2f6b4c13';

/**
 * How an item's article was found. Only a content hash or Reckon's own file name says the item's
 * offsets are into that file's text (perhaps since edited); a `file:` address was read by a browser.
 */
type FoundBy = 'hash' | 'fileName' | 'fileUri' | 'title' | 'quote';
const offsetsApply = (by: FoundBy): boolean => by === 'hash' || by === 'fileName';

type Placed = { article: Article; by: FoundBy; anchor: Anchor };

export function importAnnotationFile(
  content: string,
  fileName: string,
  articles: readonly Article[],
  store: Pick<AnnotationStore, 'addMany' | 'list'>,
  now: Date = new Date(),
): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ApiError('invalid-args', `${fileName}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = parseWebAnnotations(json);
  if (parsed.unrecognised) throw new ApiError('invalid-args', `${fileName}: not an annotation file: ${parsed.unrecognised}`);

  const find = articleFinder(articles);
  const result: ImportResult = { dialect: parsed.dialect, imported: 0, anchored: 0, moved: 0, changed: 0, orphaned: 0, skipped: [...parsed.skipped] };
  const annotations: Annotation[] = [];
  const firstWithId = new Map<string, ImportItem>();
  const stored = new Map(store.list().map((a) => [a.id, a]));
  for (const item of parsed.items) {
    const placed = find(item);
    if (typeof placed === 'string') {
      result.skipped.push({ index: item.index, reason: `${item.label}: ${placed}` });
      continue;
    }
    const id = idOf(item, parsed.dialect);
    const earlier = firstWithId.get(id);
    if (earlier) {
      result.skipped.push({ index: item.index, reason: `${item.label}: the same annotation as ${earlier.label}` });
      continue;
    }
    const kept = keptLocal(item, stored.get(id));
    if (kept) {
      result.skipped.push({ index: item.index, reason: `${item.label}: ${kept}` });
      continue;
    }
    const created = item.created ?? now.toISOString();
    const annotation = Annotation.safeParse({ id, target: targetOf(item, placed), ...item.body, created, modified: item.modified ?? created });
    if (!annotation.success) {
      const issue = annotation.error.issues[0];
      result.skipped.push({ index: item.index, reason: `${item.label}: not a valid annotation (${issue?.path.join('.')}: ${issue?.message})` });
      continue;
    }
    firstWithId.set(id, item);
    annotations.push(annotation.data);
    countState(result, placed, item);
  }
  store.addMany(annotations);
  result.imported = annotations.length;
  result.skipped.sort((a, b) => a.index - b.index);
  return result;
}

/**
 * Why the annotation already in the store wins over the file's copy, or null when the file's copy
 * may replace it: it was modified no earlier (a re-import of the same file replaces it with itself).
 */
function keptLocal(item: ImportItem, local: Annotation | undefined): string | null {
  if (!local) return null;
  const fileTime = item.modified ?? item.created;
  if (fileTime === null) return `this folder already has this annotation (modified ${local.modified}), and the file's copy has no date to show it is newer`;
  if (Date.parse(local.modified) > Date.parse(fileTime)) return `this folder's copy was edited after the file's (modified ${local.modified}, the file's ${fileTime}), so it is kept`;
  return null;
}

function countState(result: ImportResult, { anchor, by }: Placed, item: ImportItem): void {
  // Without offsets into this file there is no place to have moved from: the quote found unchanged is anchored.
  const placedByQuote = !offsetsApply(by) || item.position === null;
  const state = anchor.state === 'moved' && placedByQuote && anchor.currentQuote === undefined ? 'anchored' : anchor.state;
  if (state === 'orphan') result.orphaned += 1;
  else result[state] += 1;
}

/**
 * Finds an item's article and its place there: by the content hash, then the file name, then the
 * title; else (Hypothesis: a web address names no local file) the one article where its quote
 * anchors. Never guesses: a quote that anchors in several articles, or none, is skipped with the reason.
 */
function articleFinder(articles: readonly Article[]): (item: ImportItem) => Placed | string {
  const byHash = uniqueIndex(articles, (a) => a.hash);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const byBaseName = uniqueIndex(articles, (a) => basename(a.id));
  const byTitle = uniqueIndex(articles, (a) => comparableTitle(a.title));

  return (item) => {
    const { hash, fileName, uri, title } = item.source;
    const named = (name: string | null) => (name === null ? undefined : (byId.get(name) ?? byBaseName.get(basename(name))));
    const known: [Article | undefined, FoundBy][] = [
      [hash ? byHash.get(hash) : undefined, 'hash'],
      [named(fileName), 'fileName'],
      [named(localFileName(uri)), 'fileUri'],
      [title ? byTitle.get(comparableTitle(title)) : undefined, 'title'],
    ];
    const hit = known.find(([article]) => article !== undefined);
    if (hit) {
      const [article, by] = hit as [Article, FoundBy];
      return { article, by, anchor: anchorIn(item, article, by) };
    }

    // Search the texts. Those holding the quote exactly first: cheap, and usually the answer.
    const exact = articles.filter((a) => a.text.includes(item.quote.exact));
    const placed = (exact.length ? exact : articles)
      .map((article) => ({ article, by: 'quote' as const, anchor: anchorIn(item, article, 'quote') }))
      .filter((p) => p.anchor.state !== 'orphan');
    if (placed.length === 1) return placed[0]!;
    const quote = JSON.stringify(item.quote.exact.length > 60 ? `${item.quote.exact.slice(0, 60)}…` : item.quote.exact);
    const source = uri ?? title ?? fileName ?? (hash ? `urn:sha256:${hash}` : 'its document');
    if (placed.length === 0) return `${source} is not in this folder, and its quote ${quote} is in none of its ${articles.length} articles`;
    const names = placed.slice(0, 5).map((p) => p.article.id).join(', ');
    return `${source} is not in this folder, and its quote ${quote} fits ${placed.length} articles (${names}${placed.length > 5 ? ', …' : ''}); not guessing which`;
  };
}

function anchorIn(item: ImportItem, article: Article, by: FoundBy): Anchor {
  const position = offsetsApply(by) ? item.position : null;
  return anchorTarget(storedTarget(item, article, position), { text: article.text, contentHash: article.hash });
}

/**
 * The target as the item describes it, for anchoring and for orphans. Without known offsets the
 * position is the empty span at 0, which anchoring never takes for the quote.
 */
function storedTarget(item: ImportItem, article: Article, position: TextPositionSelector | null): AnnotationTarget {
  return {
    articleId: article.id,
    contentHash: item.source.hash ?? article.hash,
    position: position ?? { type: 'TextPositionSelector', start: 0, end: 0 },
    quote: item.quote,
  };
}

/**
 * Where the annotation now sits. A passage found is described afresh in today's text, except a
 * `changed` one, which keeps the imported quote so the old and the new figure can be shown.
 */
function targetOf(item: ImportItem, { article, by, anchor }: Placed): AnnotationTarget {
  if (anchor.start === undefined || anchor.end === undefined) {
    return storedTarget(item, article, offsetsApply(by) ? item.position : null);
  }
  if (anchor.state === 'changed') {
    return { ...storedTarget(item, article, null), contentHash: article.hash, position: { type: 'TextPositionSelector', start: anchor.start, end: anchor.end } };
  }
  return describeTarget({ articleId: article.id, contentHash: article.hash, text: article.text, start: anchor.start, end: anchor.end });
}

/**
 * Reckon's uuid when the item has one; else a uuid derived from the item's own id, or from its
 * content when it has none, so importing the same file again replaces rather than duplicates.
 */
function idOf(item: ImportItem, dialect: string): string {
  if (item.id) return item.id;
  const name = item.externalId !== null ? `${dialect} id ${item.externalId}` : `${dialect} content ${JSON.stringify([item.source, item.quote, item.body])}`;
  return uuidV5(name, IMPORT_NAMESPACE);
}

function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A `file:` address's file name (a page saved to disk and annotated there), else null. */
function localFileName(uri: string | null): string | null {
  if (!uri || !/^file:/i.test(uri)) return null;
  const last = uri.replace(/[?#].*$/, '').split('/').pop() ?? '';
  try {
    return decodeURIComponent(last) || null;
  } catch {
    return last || null;
  }
}

const comparableTitle = (title: string): string => title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').replace(/…$/, '').trim();

/** key → article, for keys that name exactly one article. */
function uniqueIndex(articles: readonly Article[], key: (a: Article) => string): Map<string, Article> {
  const index = new Map<string, Article | null>();
  for (const article of articles) {
    const k = key(article);
    if (k) index.set(k, index.has(k) ? null : article);
  }
  return new Map([...index].filter((entry): entry is [string, Article] => entry[1] !== null));
}
