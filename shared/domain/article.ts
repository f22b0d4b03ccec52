import { z } from 'zod';

/** File formats Reckon reads. */
export const ArticleFormat = z.enum(['txt', 'md', 'html', 'pdf', 'docx']);
export type ArticleFormat = z.infer<typeof ArticleFormat>;

/** A publication date and where it came from: stated in the text, or the file's mtime. */
export const ArticleDate = z.object({
  /** ISO 8601 calendar date (YYYY-MM-DD); partial dates use the first day. */
  iso: z.string(),
  source: z.enum(['text', 'mtime']),
  /** The words in the text the date was read from ("23 July 2020"), when source is 'text'. */
  surface: z.string().optional(),
  /** The text gave day and month only ("Nov. 15"): the year is the file's, a guess to show as such. */
  yearInferred: z.boolean().optional(),
});
export type ArticleDate = z.infer<typeof ArticleDate>;

export const ArticleSummary = z.object({
  /** Stable id: the path relative to the corpus root, with '/' separators. */
  id: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  byline: z.string().nullable(),
  date: ArticleDate,
  format: ArticleFormat,
  /** Size of the file on disk, in bytes. */
  bytes: z.number().int().nonnegative(),
  /** Length of the normalised text, in UTF-16 code units. */
  chars: z.number().int().nonnegative(),
  /** sha256 of the file's bytes, hex. Keys the cache and, later, annotation anchors. */
  hash: z.string(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const Article = ArticleSummary.extend({
  /** Normalised plain text (NFC, LF, paragraphs separated by a blank line). Every offset is into this. */
  text: z.string(),
});
export type Article = z.infer<typeof Article>;

/** Why a file was skipped. */
export const FileErrorCode = z.enum(['empty', 'binary', 'too-large', 'encoding', 'malformed', 'unreadable', 'unsupported']);
export type FileErrorCode = z.infer<typeof FileErrorCode>;

export const FileError = z.object({
  /** Path relative to the corpus root, '/' separators. */
  path: z.string(),
  code: FileErrorCode,
  /** A sentence a user can act on: "binary file (PNG image), not text". */
  reason: z.string(),
});
export type FileError = z.infer<typeof FileError>;

/** A half-open span [start, end) of UTF-16 offsets into a text. */
export const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Span = z.infer<typeof Span>;
