/**
 * Search snippets: short excerpts (about 160 characters, cut at word boundaries,
 * never across a paragraph break) around the hits, with the hits' spans relative to
 * each excerpt.
 */
import type { Span } from '../../shared/domain/article';
import type { Snippet } from '../../shared/domain/corpus';

export const SNIPPET_CHARS = 160;

function paragraphBounds(text: string, at: number): { start: number; end: number } {
  const before = text.lastIndexOf('\n\n', at);
  const after = text.indexOf('\n\n', at);
  return { start: before < 0 ? 0 : before + 2, end: after < 0 ? text.length : after };
}

/** [start, end) of an excerpt of about `width` characters around a span, snapped to word boundaries. */
function windowAround(text: string, span: Span, width: number): { start: number; end: number } {
  const para = paragraphBounds(text, span.start);
  const room = Math.max(0, width - (span.end - span.start));
  let start = Math.max(para.start, span.start - Math.floor(room / 3));
  let end = Math.min(para.end, start + width);
  if (end - start < width) start = Math.max(para.start, end - width);
  // Snap inwards to whole words, without losing the hit itself.
  if (start > para.start && !/\s/.test(text[start - 1] ?? ' ')) {
    const space = text.slice(start, span.start).search(/\s/);
    if (space >= 0) start += space + 1;
  }
  if (end < para.end && !/\s/.test(text[end] ?? ' ')) {
    const lastSpace = text.slice(span.end, end).search(/\s\S*$/);
    if (lastSpace >= 0) end = span.end + lastSpace;
  }
  return { start, end: Math.max(end, span.end) };
}

export function makeSnippets(text: string, spans: Span[], max = 3, width = SNIPPET_CHARS): Snippet[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const windows: Array<{ start: number; end: number }> = [];
  for (const span of sorted) {
    if (windows.some((w) => span.start >= w.start && span.end <= w.end)) continue;
    if (windows.length >= max) break;
    windows.push(windowAround(text, span, width));
  }
  if (windows.length === 0) {
    // Title-only match: the opening of the article.
    const lead = windowAround(text, { start: 0, end: 0 }, width);
    windows.push(lead);
  }
  return windows
    .sort((a, b) => a.start - b.start)
    .map(({ start, end }) => ({
      text: text.slice(start, end),
      offset: start,
      highlights: sorted
        .filter((s) => s.start >= start && s.end <= end)
        .map((s) => ({ start: s.start - start, end: s.end - start })),
    }));
}
