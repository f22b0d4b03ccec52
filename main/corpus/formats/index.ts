import type { ArticleFormat } from '../../../shared/domain/article';
import { extractDocx } from './docx';
import { extractHtml } from './html';
import { extractMarkdown } from './markdown';
import { extractPdf } from './pdf';
import { extractTxt } from './txt';
import type { Extracted } from './types';

export type { Extracted, FormatHints } from './types';

const EXTENSIONS: Record<string, ArticleFormat> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

/** The format a file name's extension selects, or null when Reckon does not read it. */
export function formatOf(fileName: string): ArticleFormat | null {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0) return null;
  return EXTENSIONS[fileName.slice(dot).toLowerCase()] ?? null;
}

/** Text and hints of one file's bytes. Throws FileReadError for files it cannot read. */
export async function extract(bytes: Uint8Array, format: ArticleFormat): Promise<Extracted> {
  switch (format) {
    case 'txt':
      return extractTxt(bytes);
    case 'md':
      return extractMarkdown(bytes);
    case 'html':
      return extractHtml(bytes);
    case 'pdf':
      return extractPdf(bytes);
    case 'docx':
      return extractDocx(bytes);
  }
}
