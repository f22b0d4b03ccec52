/**
 * Markdown to readable plain text: the words stay, the syntax goes (heading #'s,
 * emphasis markers, link and image syntax, code fences, rules, reference
 * definitions, inline HTML tags). Block structure is kept as paragraphs.
 * Written by hand because a full CommonMark renderer would give us HTML to strip
 * again, and the rules that matter for reading are few.
 */
import { decodeText } from '../sniff';
import type { Extracted, FormatHints } from './types';

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]+\S+/;
const BULLET = /^([ \t]*)[*+-][ \t]+/;

/** Inline syntax of one block (may span lines). */
export function stripInlineMarkdown(text: string): string {
  return (
    text
      // images and links: keep the visible words
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      // autolinks <https://…>
      .replace(/<((?:https?|ftp|mailto):[^>\s]+)>/gi, '$1')
      // inline HTML: <br> is a line break, other tags vanish and keep their text (<sup>1</sup> → 1)
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, '')
      // code spans
      .replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_m, _ticks, code: string) => code.trim())
      // strong / emphasis / strike; underscores only at word edges (snake_case stays)
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(^|[^\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])/g, '$1$2')
      .replace(/(^|[^\w])_(?=[^\s_])([^_\n]*?[^\s_])_(?!\w)/g, '$1$2')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
      // backslash escapes
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
  );
}

/** Front matter (--- yaml ---) keys that name the title, author and date. */
function readFrontMatter(lines: string[], hints: FormatHints): number {
  if (lines[0]?.trim() !== '---') return 0;
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) return 0;
  for (const line of lines.slice(1, end)) {
    const m = /^(title|author|date|publisher)\s*:\s*["']?(.*?)["']?\s*$/i.exec(line);
    if (!m || !m[2]) continue;
    const key = m[1]!.toLowerCase();
    if (key === 'title') hints.title ??= m[2];
    else if (key === 'author') hints.byline ??= m[2];
    else if (key === 'publisher') hints.publisher ??= m[2];
    else hints.date ??= m[2];
  }
  return end + 1;
}

export function markdownToText(source: string): Extracted {
  const hints: FormatHints = {};
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: string[] = [];
  let prose: string[] = [];
  const flush = (): void => {
    if (prose.length) blocks.push(stripInlineMarkdown(prose.join('\n')));
    prose = [];
  };
  const heading = (raw: string): void => {
    flush();
    const text = stripInlineMarkdown(raw.trim());
    if (text) {
      hints.title ??= text;
      blocks.push(text);
    }
  };

  let fence: string | null = null;
  let code: string[] = [];
  for (let i = readFrontMatter(lines, hints); i < lines.length; i++) {
    const line = lines[i]!;
    if (fence) {
      if (line.trim().startsWith(fence)) {
        blocks.push(code.join('\n'));
        fence = null;
        code = [];
      } else code.push(line);
      continue;
    }
    const fenceOpen = FENCE.exec(line);
    if (fenceOpen) {
      flush();
      fence = fenceOpen[1]!.slice(0, 3);
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx) {
      heading(atx[2] ?? '');
      continue;
    }
    // "Title\n=====" (setext heading): the underline follows a line of prose.
    // (CommonMark: the whole paragraph above it becomes the heading.)
    if (prose.length && SETEXT_UNDERLINE.test(line)) {
      const title = prose.join(' ');
      prose = [];
      heading(title);
      continue;
    }
    if (RULE.test(line) || REFERENCE_DEFINITION.test(line)) {
      flush();
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    prose.push(line.replace(/^ {0,3}>[ \t]?/, '').replace(/^ {0,3}>[ \t]?/, '').replace(BULLET, '$1- '));
  }
  if (fence) blocks.push(code.join('\n'));
  flush();
  return { text: blocks.filter((b) => b.trim()).join('\n\n'), hints };
}

export function extractMarkdown(bytes: Uint8Array): Extracted {
  return markdownToText(decodeText(bytes));
}
