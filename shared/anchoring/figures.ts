/**
 * Figures inside quotes: which numbers a span holds, and where a number begins and ends,
 * so that a re-anchored span never cuts a figure in two ("40,000" must not anchor inside "140,000").
 */

/** Separators that may sit between digit groups of one figure: "40,000", "3.5", "1 234" with NBSP / thin spaces. */
const GROUP_SEPARATORS = new Set(['.', ',', '\u00A0', '\u2009', '\u202F']);
const FIGURE = /\d+(?:[.,\u00A0\u2009\u202F]\d+)*/g;

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** The figures written in `s`, as written ("40,000", "3.5"). */
export function figuresIn(s: string): string[] {
  return s.match(FIGURE) ?? [];
}

/**
 * True when the two strings do not write the same figures in the same order. Compared as written:
 * "40,000" → "40000" counts as a change, since flagging a harmless one beats missing "4.0" → "40".
 */
export function figuresDiffer(a: string, b: string): boolean {
  const fa = figuresIn(a);
  const fb = figuresIn(b);
  return fa.length !== fb.length || fa.some((f, i) => f !== fb[i]);
}

/** `s` with every figure replaced by "#": the wording around the figures ("# prisoners"). */
export function figureShape(s: string): string {
  return s.replace(FIGURE, '#');
}

/** True when the character at `i` is a digit that continues a figure begun before `i`. */
export function continuesFigureLeft(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length || !isDigit(text[i])) return false;
  const before = text[i - 1] as string;
  return isDigit(before) || (GROUP_SEPARATORS.has(before) && isDigit(text[i - 2]));
}

/** True when the character before `i` is a digit and the figure goes on at `i`. */
export function continuesFigureRight(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length || !isDigit(text[i - 1])) return false;
  const at = text[i] as string;
  return isDigit(at) || (GROUP_SEPARATORS.has(at) && isDigit(text[i + 1]));
}

/**
 * Moves `start` left and `end` right until neither falls inside a figure. A side is left alone
 * when `keep` says so (the user chose to quote part of a figure there).
 */
export function widenToWholeFigures(
  text: string,
  start: number,
  end: number,
  keep: { start?: boolean; end?: boolean } = {},
): { start: number; end: number } {
  let s = start;
  let e = end;
  if (!keep.start) while (continuesFigureLeft(text, s)) s -= isDigit(text[s - 1]) ? 1 : 2;
  if (!keep.end) while (continuesFigureRight(text, e)) e += isDigit(text[e]) ? 1 : 2;
  return { start: s, end: e };
}
