/**
 * The lunr index: title (boosted) and body, with term positions so every hit can be
 * shown as character offsets into the article text.
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

function newBuilder(): lunr.Builder {
  const builder = new lunr.Builder();
  builder.pipeline.add(reckonTerm);
  builder.searchPipeline.add(reckonQueryTerm);
  builder.metadataWhitelist = ['position'];
  builder.ref('id');
  builder.field('title', { boost: TITLE_BOOST });
  builder.field('body');
  return builder;
}

/** Build the index, a batch of documents at a time, yielding in between. */
export async function buildIndex(docs: readonly IndexedDoc[], onProgress?: (done: number, total: number) => void): Promise<lunr.Index> {
  const builder = newBuilder();
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    builder.add({ id: doc.id, title: doc.title, body: doc.text });
    if ((i + 1) % BUILD_BATCH === 0) {
      onProgress?.(i + 1, docs.length);
      await yieldToLoop();
    }
  }
  onProgress?.(docs.length, docs.length);
  return builder.build();
}

/** The same, in one go (for the rare case a cached index turns out unusable at search time). */
export function buildIndexSync(docs: readonly IndexedDoc[]): lunr.Index {
  const builder = newBuilder();
  for (const doc of docs) builder.add({ id: doc.id, title: doc.title, body: doc.text });
  return builder.build();
}

export function loadIndex(serialised: object): lunr.Index {
  return lunr.Index.load(serialised);
}

type Position = [number, number];
type MatchMetadata = Record<string, Record<string, { position?: Position[] }>>;

/** A lunr position trimmed to the word: lunr's raw token may carry quotes or a full stop. */
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
  index: lunr.Index,
  query: string,
  limit: number,
  lookup: (id: string) => { title: string; text: string } | undefined,
): SearchOutcome {
  if (!query.trim()) return { hits: [] };
  let results: lunr.Index.Result[];
  try {
    results = index.search(query);
  } catch (err) {
    // lunr.QueryParseError is not an Error subclass, but it has a message.
    const message = (err as { message?: unknown })?.message;
    return { hits: [], error: `Cannot read the query: ${typeof message === 'string' ? message : String(err)}` };
  }
  const hits: SearchHit[] = [];
  for (const result of results) {
    if (hits.length >= limit) break;
    const doc = lookup(result.ref);
    if (!doc) continue;
    const metadata = result.matchData.metadata as MatchMetadata;
    let titleMatch = false;
    const seen = new Set<string>();
    const matches: Span[] = [];
    for (const fields of Object.values(metadata)) {
      if (fields.title) titleMatch = true;
      for (const position of fields.body?.position ?? []) {
        const span = toSpan(doc.text, position);
        if (!span || seen.has(`${span.start}:${span.end}`)) continue;
        seen.add(`${span.start}:${span.end}`);
        matches.push(span);
      }
    }
    matches.sort((a, b) => a.start - b.start);
    hits.push({
      id: result.ref,
      title: doc.title,
      score: result.score,
      matches,
      titleMatch,
      snippets: makeSnippets(doc.text, matches),
    });
  }
  return { hits };
}
