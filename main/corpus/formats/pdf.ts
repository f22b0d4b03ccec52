/**
 * PDF text with pdfjs-dist (legacy build, which runs in Node; without a worker
 * configured pdfjs runs its "fake worker" in this thread, which is what we want in a
 * CLI and in Electron's main process).
 *
 * Text items are joined into lines (an item with hasEOL ends a line, and so does a
 * change of baseline), lines into paragraphs: a vertical gap clearly larger than the
 * page's usual line spacing, or a new page, starts a new paragraph. Lines inside a
 * paragraph are joined with a space, because a PDF's line breaks are layout, not
 * structure (and a figure split across two lines would not be found otherwise).
 */
import { FileReadError } from '../errors';
import { detectMagic } from '../sniff';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { Extracted, FormatHints } from './types';

type TextItemLike = Pick<TextItem, 'str' | 'hasEOL' | 'transform' | 'width' | 'height'>;

interface Line {
  text: string;
  y: number;
  height: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;
const loadPdfJs = (): Promise<PdfJs> => (pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

function itemsToLines(items: TextItemLike[]): Line[] {
  const lines: Line[] = [];
  let text = '';
  let y = NaN;
  let height = 0;
  let lastEndX = NaN;
  const endLine = (): void => {
    if (text.trim()) lines.push({ text: text.replace(/\s+/g, ' ').trim(), y, height });
    text = '';
    y = NaN;
    height = 0;
    lastEndX = NaN;
  };
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    const itemY = item.transform[5] ?? 0;
    const size = Math.abs(item.height) || Math.abs(item.transform[3] ?? 0) || 10;
    if (item.str) {
      // A new baseline without an explicit EOL (some generators never set it).
      if (text && !Number.isNaN(y) && Math.abs(itemY - y) > size * 0.5) endLine();
      if (text && !/\s$/.test(text) && !/^\s/.test(item.str) && x - lastEndX > size * 0.15) text += ' ';
      if (Number.isNaN(y)) y = itemY;
      height = Math.max(height, size);
      text += item.str;
      lastEndX = x + item.width;
    }
    if (item.hasEOL) endLine();
  }
  endLine();
  return lines;
}

function linesToParagraphs(lines: Line[]): string[] {
  if (lines.length === 0) return [];
  // The usual line spacing on this page: the lower quartile of the gaps between
  // baselines (paragraph gaps are the larger ones; tiny gaps are sub/superscripts).
  const gaps = lines
    .slice(1)
    .map((l, i) => lines[i]!.y - l.y)
    .filter((g, i) => g >= Math.max(lines[i]!.height, lines[i + 1]!.height) * 0.5)
    .sort((a, b) => a - b);
  // Too few lines to tell: assume ordinary single spacing (1.2 × the font size).
  const usual = gaps.length >= 3 ? gaps[Math.floor((gaps.length - 1) / 4)]! : Math.max(...lines.map((l) => l.height)) * 1.2;
  const paragraphs: string[] = [];
  let current: string[] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous) {
      const gap = previous.y - line.y;
      const limit = Math.max(usual * 1.4, Math.max(previous.height, line.height) * 1.6);
      if (gap > limit || gap < -line.height) {
        paragraphs.push(current.join(' '));
        current = [];
      }
    }
    current.push(line.text);
  });
  if (current.length) paragraphs.push(current.join(' '));
  return paragraphs;
}

/** A PDF Title/Author that is a real one, not "Microsoft Word - draft3.docx" or "untitled". */
function plausibleInfo(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.replace(/\s+/g, ' ').trim();
  if (v.length < 3 || v.length > 300) return undefined;
  if (/\.(docx?|pdf|txt|rtf|indd|odt|pages)$/i.test(v) || /^(untitled|microsoft word|document\d*)\b/i.test(v)) return undefined;
  return v;
}

export async function extractPdf(bytes: Uint8Array): Promise<Extracted> {
  const head = bytes.subarray(0, 1024);
  if (Buffer.from(head).indexOf('%PDF-') < 0) {
    const magic = detectMagic(bytes);
    if (magic) throw new FileReadError('binary', `binary file (${magic}), not a PDF`);
    throw new FileReadError('malformed', 'not a PDF: the file has no %PDF- header');
  }
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (and may detach) the buffer it gets: give it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise> | null = null;
  try {
    try {
      doc = await task.promise;
    } catch (err) {
      const name = err instanceof Error ? err.name : '';
      const message = err instanceof Error ? err.message : String(err);
      if (name === 'PasswordException') throw new FileReadError('malformed', 'password-protected PDF: cannot read its text');
      throw new FileReadError('malformed', `corrupt or unsupported PDF (${message})`);
    }
    const paragraphs: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is TextItem => 'str' in i);
      paragraphs.push(...linesToParagraphs(itemsToLines(items)));
      page.cleanup();
    }
    const hints: FormatHints = {};
    try {
      const { info } = await doc.getMetadata();
      const record = (info ?? {}) as Record<string, unknown>;
      const title = plausibleInfo(record.Title);
      const author = plausibleInfo(record.Author);
      if (title) hints.title = title;
      if (author) hints.byline = author;
    } catch {
      // Metadata is optional.
    }
    return { text: paragraphs.join('\n\n'), hints };
  } catch (err) {
    if (err instanceof FileReadError) throw err;
    throw new FileReadError('malformed', `corrupt PDF (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    await (doc ? doc.destroy() : task.destroy()).catch(() => undefined);
  }
}
