import { z } from 'zod';
import { ArticleSummary, FileError, Span } from './article';

export const CorpusInfo = z.object({
  /** Absolute path of the folder. */
  root: z.string(),
  /** Display name (the folder's name). */
  name: z.string(),
  articles: z.array(ArticleSummary),
  errors: z.array(FileError),
  /** What the last (re)index did. */
  stats: z.object({
    files: z.number().int().nonnegative(),
    indexed: z.number().int().nonnegative(),
    fromCache: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
    ms: z.number().nonnegative(),
  }),
});
export type CorpusInfo = z.infer<typeof CorpusInfo>;

export const Snippet = z.object({
  /** Excerpt of the article text around a hit. */
  text: z.string(),
  /** Offset of the excerpt's first character in the article text. */
  offset: z.number().int().nonnegative(),
  /** Hits inside the excerpt, relative to the excerpt. */
  highlights: z.array(Span),
});
export type Snippet = z.infer<typeof Snippet>;

export const SearchHit = z.object({
  id: z.string(),
  title: z.string(),
  score: z.number(),
  /** Every matched term occurrence in the article text (offsets into Article.text). */
  matches: z.array(Span),
  /** Whether the title matched too. */
  titleMatch: z.boolean(),
  snippets: z.array(Snippet),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  query: z.string(),
  hits: z.array(SearchHit),
  /** Set when the query could not be parsed; hits is then empty. */
  error: z.string().optional(),
  ms: z.number().nonnegative(),
});
export type SearchResult = z.infer<typeof SearchResult>;

/** Progress of (re)indexing, reported as an event. */
export const IndexProgress = z.object({
  root: z.string(),
  phase: z.enum(['scanning', 'reading', 'indexing', 'done']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** File being read, relative path. */
  current: z.string().optional(),
});
export type IndexProgress = z.infer<typeof IndexProgress>;

/** The watcher saw files change and the corpus was re-indexed. */
export const CorpusChanged = z.object({
  root: z.string(),
  added: z.array(z.string()),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
});
export type CorpusChanged = z.infer<typeof CorpusChanged>;
