/** What a format reader found besides the text: structural hints for the metadata step. */
export interface FormatHints {
  /** The document's first heading (markdown #, HTML h1–h3) or declared title. */
  title?: string;
  /** Declared publisher (HTML og:site_name, …). */
  publisher?: string;
  /** Declared author (HTML meta author, PDF Author, front matter). */
  byline?: string;
  /** Declared publication date, as written (HTML article:published_time, front matter). */
  date?: string;
}

export interface Extracted {
  /** Text before normalisation (normaliseText runs after every reader). */
  text: string;
  hints: FormatHints;
}
