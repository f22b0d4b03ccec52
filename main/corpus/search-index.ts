/**
 * The lunr index: title (boosted) and body. Term positions are not stored in the
 * index (they made it several times larger, slower to build and to load); a hit's
 * character offsets are recovered at search time by re-tokenising just the articles
 * returned, with the same tokenizer and pipeline, and keeping the tokens whose
 * stems matched.
 *
 * Tokenising, beyond lunr's defaults:
 * - Words are also split at slashes and dashes of every kind ("prisons—27", "KT/Chor").
 * - Tokens are trimmed of punctuation at both ends with Unicode classes (lunr's own
 *   trimmer uses \W, which eats accented letters), folded to no diacritics, and lose
 *   a possessive 's / ’s, so "Cambodia" finds "Cambodia’s".
 * - Numbers: thousands separators are dropped ("26,593" → "26593"), in the index and
 *   in queries, so "26,593" and "26593" both find "26,593"; a number glued to a unit
 *   ("3,554.13kg") is indexed both whole and as the bare number.
 */
import lunr from 'lunr';
import type { Span } from '../../shared/domain/article';
import type { SearchHit } from '../../shared/domain/corpus';
import { makeSnippets } from './snippets';

// One place sets the separator for both indexing and query parsing (lunr reads both at call time).
const SEPARATOR = /[\s\-\u2010-\u2015/]+/;
lunr.tokenizer.separator = SEPARATOR;
(lunr as unknown as { QueryLexer: { termSeparator: RegExp } }).QueryLexer.termSeparator = SEPARATOR;

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu;
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?/;
const NUMBER_WITH_UNIT = /^(\d+(?:\.\d+)?)([\p{L}%]+)$/u;

const PLAIN = /^[a-z0-9]+$/;

export function normaliseTerm(term: string): string[] {
  // Fast path: most tokens are plain lower-case ASCII words or digits.
  if (PLAIN.test(term)) return [term];
  let s = term
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(EDGE_PUNCTUATION, '')
    .replace(/'s$/, '')
    .replace(/'$/, '');
  if (GROUPED_NUMBER.test(s)) s = s.replace(/,(?=\d{3})/g, '');
  if (!s) return [];
  const withUnit = NUMBER_WITH_UNIT.exec(s);
  return withUnit ? [s, withUnit[1]!] : [s];
}

// Stems are memoised: a corpus has a few tens of thousands of distinct words but
// millions of tokens, and the Porter stemmer is the costliest step of indexing.
const STEM_CACHE_LIMIT = 200_000;
const stems = new Map<string, string>();
function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = lunr.stemmer(new lunr.Token(word, {})).toString();
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stems.set(word, stemmed);
  }
  return stemmed;
}
const isStopWord = (word: string): boolean => lunr.stopWordFilter(new lunr.Token(word, {})) === undefined;

/** One pipeline step for indexing: normalise, drop stop words, stem (memoised). */
const reckonTerm: lunr.PipelineFunction = (token) => {
  const forms = normaliseTerm(token.toString()).filter((form) => !isStopWord(form));
  if (forms.length === 0) return undefined as unknown as lunr.Token;
  if (forms.length === 1) return token.update(() => stem(forms[0]!));
  return forms.map((form) => token.clone(() => stem(form))) as unknown as lunr.Token;
};
lunr.Pipeline.registerFunction(reckonTerm, 'reckonTerm');

/** The same for queries, without the stop-word filter (lunr's own search pipeline has none either). */
const reckonQueryTerm: lunr.PipelineFunction = (token) => {
  const forms = normaliseTerm(token.toString());
  if (forms.length === 0) return undefined as unknown as lunr.Token;
  if (forms.length === 1) return token.update(() => stem(forms[0]!));
  return forms.map((form) => token.clone(() => stem(form))) as unknown as lunr.Token;
};
lunr.Pipeline.registerFunction(reckonQueryTerm, 'reckonQueryTerm');

export const TITLE_BOOST = 10;
const BUILD_BATCH = 100;

export interface IndexedDoc {
  id: string;
  title: string;
  text: string;
}

/** Yield to the event loop so searches (on the previous index) and I/O keep being served. */
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A lunr index whose refs are ordinals into `ids`: article ids repeat in every posting
 * of the serialised index, and short refs make it a third smaller and twice as fast to load.
 */
export class DocIndex {
  constructor(
    readonly lunr: lunr.Index,
    readonly ids: readonly string[],
  ) {}
  toJSON(): object {
    return { lunr: this.lunr.toJSON(), ids: this.ids };
  }
}

function newBuilder(): lunr.Builder {
  const builder = new lunr.Builder();
  builder.pipeline.add(reckonTerm);
  builder.searchPipeline.add(reckonQueryTerm);
  builder.ref('id');
  builder.field('title', { boost: TITLE_BOOST });
  builder.field('body');
  return builder;
}

/** Build the index, a batch of documents at a time, yielding in between. */
export async function buildIndex(docs: readonly IndexedDoc[], onProgress?: (done: number, total: number) => void): Promise<DocIndex> {
  const builder = newBuilder();
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    builder.add({ id: String(i), title: doc.title, body: doc.text });
    if ((i + 1) % BUILD_BATCH === 0) {
      onProgress?.(i + 1, docs.length);
      await yieldToLoop();
    }
  }
  onProgress?.(docs.length, docs.length);
  return new DocIndex(builder.build(), docs.map((d) => d.id));
}

/** The same, in one go (for the rare case a cached index turns out unusable at search time). */
export function buildIndexSync(docs: readonly IndexedDoc[]): DocIndex {
  const builder = newBuilder();
  docs.forEach((doc, i) => builder.add({ id: String(i), title: doc.title, body: doc.text }));
  return new DocIndex(builder.build(), docs.map((d) => d.id));
}

/** Load a serialised DocIndex; throws on anything else. */
export function loadIndex(serialised: object): DocIndex {
  const { lunr: data, ids } = serialised as { lunr?: object; ids?: unknown };
  if (!data || !Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw new Error('not a Reckon index');
  return new DocIndex(lunr.Index.load(data), ids);
}

type Position = [number, number];
type MatchMetadata = Record<string, Record<string, unknown>>;

// The complement of SEPARATOR: lunr's tokens, found on the original text so offsets are exact
// (lunr lower-cases the whole string first, which can shift offsets after a few letters).
const TOKEN = /[^\s\-\u2010-\u2015/]+/g;
const tokenStems = new Map<string, string[]>();
function stemsOf(token: string): string[] {
  let found = tokenStems.get(token);
  if (!found) {
    found = normaliseTerm(token.toLowerCase()).map(stem);
    if (tokenStems.size >= STEM_CACHE_LIMIT) tokenStems.clear();
    tokenStems.set(token, found);
  }
  return found;
}

/** Where in a text the tokens stemming to one of `terms` stand. */
function locateTerms(text: string, terms: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(TOKEN)) {
    if (!stemsOf(match[0]).some((form) => terms.has(form))) continue;
    const span = toSpan(text, [match.index, match[0].length]);
    if (span) spans.push(span);
  }
  return spans;
}

/** A token's position trimmed to the word: lunr's raw token may carry quotes or a full stop. */
function toSpan(text: string, [start, length]: Position): Span | null {
  let s = start;
  let e = Math.min(text.length, start + length);
  while (s < e && !/[\p{L}\p{N}]/u.test(text[s]!)) s++;
  while (e > s && !/[\p{L}\p{N}%]/u.test(text[e - 1]!)) e--;
  // A possessive is not part of the word searched for.
  const possessive = /['’]s$/.exec(text.slice(s, e));
  if (possessive) e -= 2;
  return e > s ? { start: s, end: e } : null;
}

export interface SearchOutcome {
  hits: SearchHit[];
  error?: string;
}

export function searchIndex(
  index: DocIndex,
  query: string,
  limit: number,
  lookup: (id: string) => { title: string; text: string } | undefined,
): SearchOutcome {
  if (!query.trim()) return { hits: [] };
  let results: lunr.Index.Result[];
  try {
    results = index.lunr.search(query);
  } catch (err) {
    // lunr.QueryParseError is not an Error subclass, but it has a message.
    const message = (err as { message?: unknown })?.message;
    return { hits: [], error: `Cannot read the query: ${typeof message === 'string' ? message : String(err)}` };
  }
  const hits: SearchHit[] = [];
  for (const result of results) {
    if (hits.length >= limit) break;
    const id = index.ids[Number(result.ref)];
    const doc = id === undefined ? undefined : lookup(id);
    if (id === undefined || !doc) continue;
    const metadata = result.matchData.metadata as MatchMetadata;
    let titleMatch = false;
    const bodyTerms = new Set<string>();
    for (const [term, fields] of Object.entries(metadata)) {
      if (fields.title) titleMatch = true;
      if (fields.body) bodyTerms.add(term);
    }
    const matches = bodyTerms.size ? locateTerms(doc.text, bodyTerms) : [];
    hits.push({
      id,
      title: doc.title,
      score: result.score,
      matches,
      titleMatch,
      snippets: makeSnippets(doc.text, matches),
    });
  }
  return { hits };
}
