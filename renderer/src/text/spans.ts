/**
 * Splitting an article's text into paragraphs and runs by span offsets.
 *
 * Every highlight in Reckon (search hits now; claims and annotations later) is a
 * half-open span [start, end) of UTF-16 offsets into the article's normalised text.
 * This module turns the text plus any number of possibly overlapping spans into
 * paragraphs of "runs": maximal pieces of text covered by the same set of spans.
 * The renderer then wraps each run in the marks of its spans. Pure: no React, no DOM.
 */

/** A span to overlay on the text. `kind` says which layer it belongs to ('hit', later 'claim', 'note'). */
export interface TextSpan<Kind extends string = string> {
  start: number;
  end: number;
  kind: Kind;
  /** Position of the span within its layer (e.g. hit number), used for navigation and keys. */
  index: number;
}

/** A piece of a paragraph covered by exactly the same spans. Offsets are into the full text. */
export interface TextRun<S extends TextSpan = TextSpan> {
  start: number;
  end: number;
  text: string;
  /** The spans covering this run, in the order they were given (outermost first when rendered). */
  spans: S[];
}

export interface TextParagraph<S extends TextSpan = TextSpan> {
  start: number;
  end: number;
  runs: TextRun<S>[];
}

/** Paragraphs are separated by one or more blank lines ("\n\n" after normalisation). */
const PARAGRAPH_BREAK = /\n[ \t]*\n\s*/g;

/** The [start, end) ranges of the non-blank paragraphs of a text. */
export function paragraphRanges(text: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  let start = 0;
  const push = (s: number, e: number) => {
    // Trim leading/trailing blank lines so a paragraph never starts or ends with a newline;
    // offsets stay exact because we only move the boundaries.
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) ranges.push({ start: s, end: e });
  };
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    push(start, match.index);
    start = match.index + match[0].length;
  }
  push(start, text.length);
  return ranges;
}

/**
 * Split `text` into paragraphs of runs by `spans`. Spans may overlap, nest, touch, be
 * empty, run across paragraph breaks or lie partly outside the text: they are clipped
 * to each paragraph, empty ones dropped, and text between paragraphs is never marked.
 */
export function segmentText<S extends TextSpan>(text: string, spans: readonly S[]): TextParagraph<S>[] {
  const valid = spans.filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start);
  return paragraphRanges(text).map(({ start, end }) => ({ start, end, runs: splitRuns(text, start, end, valid) }));
}

function splitRuns<S extends TextSpan>(text: string, start: number, end: number, spans: readonly S[]): TextRun<S>[] {
  const inside = spans.filter((s) => s.start < end && s.end > start);
  // Every span edge inside the paragraph is a cut point.
  const cuts = new Set<number>([start, end]);
  for (const s of inside) {
    cuts.add(Math.max(s.start, start));
    cuts.add(Math.min(s.end, end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: TextRun<S>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const covering = inside.filter((s) => s.start <= a && s.end >= b);
    const previous = runs[runs.length - 1];
    // Merge with the previous run when both are covered by the same spans (e.g. unmarked text).
    if (previous && sameSpans(previous.spans, covering)) {
      previous.end = b;
      previous.text = text.slice(previous.start, b);
    } else {
      runs.push({ start: a, end: b, text: text.slice(a, b), spans: covering });
    }
  }
  return runs;
}

function sameSpans<S>(a: readonly S[], b: readonly S[]): boolean {
  return a.length === b.length && a.every((span, i) => span === b[i]);
}
