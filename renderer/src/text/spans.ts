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
 *
 * One sweep over the span edges in text order, so a long article with a thousand claims
 * costs a sort, not paragraphs × spans.
 */
export function segmentText<S extends TextSpan>(text: string, spans: readonly S[]): TextParagraph<S>[] {
  const valid = spans.filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start);
  // Each edge: where it is, and which span (by its place in `valid`, which is also the nesting order) opens or closes.
  const edges: Array<{ at: number; span: number; opens: boolean }> = [];
  valid.forEach((s, span) => edges.push({ at: s.start, span, opens: true }, { at: s.end, span, opens: false }));
  edges.sort((a, b) => a.at - b.at);

  // The spans covering the current point, kept in the given order.
  let open: number[] = [];
  let covering: S[] = [];
  let next = 0;
  const passEdgesUpTo = (at: number) => {
    if (next >= edges.length || edges[next]!.at > at) return;
    for (; next < edges.length && edges[next]!.at <= at; next++) {
      const { span, opens } = edges[next]!;
      open = opens ? insertSorted(open, span) : open.filter((i) => i !== span);
    }
    covering = open.map((i) => valid[i]!);
  };

  return paragraphRanges(text).map(({ start, end }) => {
    passEdgesUpTo(start);
    const runs: TextRun<S>[] = [];
    let at = start;
    // Every edge inside the paragraph ends one run and starts the next; no two runs in a row have the same spans,
    // since an edge position always opens or closes at least one (empty spans were dropped).
    while (next < edges.length && edges[next]!.at < end) {
      const cut = edges[next]!.at;
      runs.push({ start: at, end: cut, text: text.slice(at, cut), spans: covering });
      passEdgesUpTo(cut);
      at = cut;
    }
    runs.push({ start: at, end, text: text.slice(at, end), spans: covering });
    return { start, end, runs };
  });
}

function insertSorted(list: readonly number[], value: number): number[] {
  const at = list.findIndex((x) => x > value);
  return at < 0 ? [...list, value] : [...list.slice(0, at), value, ...list.slice(at)];
}
