/**
 * HTML to plain text with htmlparser2: scripts, styles and other non-content
 * elements dropped, the <head> dropped except its <title>, block elements turned
 * into paragraphs, inline elements (including <sup> footnote markers) kept as
 * their text, entities decoded, source white space collapsed (except in <pre>).
 */
import { Parser } from 'htmlparser2';
import { decodeText } from '../sniff';
import type { Extracted, FormatHints } from './types';

/** Elements whose content is never article text (<title> is read as a hint, not as text). */
const DROPPED = new Set(['title', 'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'select', 'button', 'nav']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);
const HEADING = /^h[1-3]$/;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Charset declared in the first bytes (<meta charset> or http-equiv Content-Type). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return m?.[1];
}

export function htmlToText(html: string): Extracted {
  const hints: FormatHints = {};
  const out: string[] = [];
  // Open elements. A dropped element, <pre> and a heading are remembered by their
  // depth, so that closing them (explicitly or implied by htmlparser2) ends their effect.
  const stack: string[] = [];
  let dropAt = -1;
  let preAt = -1;
  let headingAt = -1;
  let headingText = '';
  let firstHeading = '';
  let titleAt = -1;
  let titleText = '';

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'meta') readMeta(attrs, hints);
        if (VOID.has(name)) {
          if (dropAt < 0 && name === 'br') out.push('\n');
          else if (dropAt < 0 && name === 'hr') out.push('\n\n');
          return;
        }
        stack.push(name);
        const depth = stack.length - 1;
        if (name === 'title' && titleAt < 0) titleAt = depth;
        if (dropAt >= 0) return;
        if (DROPPED.has(name) || name === 'head') {
          dropAt = depth;
          return;
        }
        if (BLOCK.has(name)) out.push('\n\n');
        else if (name === 'td' || name === 'th') out.push(' ');
        if (name === 'li') out.push('- ');
        if (name === 'pre' && preAt < 0) preAt = depth;
        if (HEADING.test(name) && headingAt < 0 && !firstHeading) {
          headingAt = depth;
          headingText = '';
        }
      },
      ontext(data) {
        if (titleAt >= 0) titleText += data;
        if (dropAt >= 0) return;
        const text = preAt >= 0 ? data : data.replace(/[ \t\n\r\f]+/g, ' ');
        out.push(text);
        if (headingAt >= 0) headingText += text;
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        const at = stack.lastIndexOf(name);
        if (at < 0) return;
        stack.length = at;
        if (titleAt >= at) {
          titleAt = -1;
          const t = titleText.replace(/\s+/g, ' ').trim();
          if (t) hints.title ??= t;
        }
        if (dropAt >= 0) {
          if (dropAt >= at) dropAt = -1;
          return;
        }
        if (preAt >= at) preAt = -1;
        if (headingAt >= at) {
          headingAt = -1;
          firstHeading = headingText.replace(/\s+/g, ' ').trim();
        }
        if (BLOCK.has(name)) out.push('\n\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  // The first heading beats <title>, which often carries the site name too.
  if (firstHeading) hints.title = firstHeading;
  return { text: out.join('').replace(/[ \t]*\n[ \t]*/g, '\n'), hints };
}

function readMeta(attrs: Record<string, string>, hints: FormatHints): void {
  const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
  const content = attrs.content?.trim();
  if (!content) return;
  if (key === 'og:site_name' || key === 'application-name' || key === 'publisher' || key === 'dc.publisher') hints.publisher ??= content;
  else if ((key === 'author' || key === 'article:author' || key === 'dc.creator') && !/^https?:/i.test(content)) hints.byline ??= content;
  else if (['article:published_time', 'datepublished', 'date', 'dc.date', 'pubdate', 'publish-date', 'dc.date.issued'].includes(key)) hints.date ??= content;
}

export function extractHtml(bytes: Uint8Array): Extracted {
  return htmlToText(decodeText(bytes, declaredCharset(bytes)));
}
