/**
 * main/corpus: reading a folder of article files (txt, md, html, pdf, docx),
 * normalising their text, extracting metadata, indexing with lunr, caching, watching.
 */
export { openCorpus } from './corpus';
export { readDocument, type ReadResult } from './read';
export type { Corpus, CorpusOptions } from './types';
