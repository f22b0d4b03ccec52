/**
 * The one normal form of an article's text. Every offset Reckon stores (search hits,
 * claims, annotations) is into the string this returns, so it must be deterministic
 * and must not change the words: Unicode NFC, LF line ends, no BOMs or stray control
 * characters, runs of spaces collapsed, lines trimmed, and paragraphs separated by
 * exactly one blank line (single line breaks inside a paragraph are kept).
 */

/** Horizontal white space, including no-break and typographic spaces. */
const HSPACE = '[ \\t\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]';
const SPACE_RUN = new RegExp(`${HSPACE}{2,}`, 'g');
// Control characters other than TAB and LF (FF, VT, CR are turned into line breaks first).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

export function normaliseText(raw: string): string {
  const text = raw
    .replace(/\uFEFF/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\f\u2029]/g, '\n\n')
    .replace(/[\v\u2028\u0085]/g, '\n')
    .replace(CONTROL, '')
    .normalize('NFC');

  const out: string[] = [];
  let pendingBlank = false;
  for (const rawLine of text.split('\n')) {
    // A lone no-break or thin space is kept (it can be a thousands separator: "26 593");
    // a tab or any run of two or more spaces becomes one space.
    const line = rawLine.replace(SPACE_RUN, ' ').replace(/\t/g, ' ').trim();
    if (line === '') {
      pendingBlank = out.length > 0;
      continue;
    }
    if (pendingBlank) out.push('');
    pendingBlank = false;
    out.push(line);
  }
  return out.join('\n');
}

/** Paragraphs of normalised text, each with its offset. */
export function paragraphs(text: string): Array<{ text: string; start: number }> {
  const result: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (const part of text.split('\n\n')) {
    if (part) result.push({ text: part, start });
    start += part.length + 2;
  }
  return result;
}
