/**
 * Sentence spans around a position. Scans outwards from the position only (bounded), so the
 * cost is per claim, not per text. A sentence ends at a blank line or line break, or at . ! ?
 * followed by a space and a capital, digit or quote, unless the word before is an abbreviation.
 */
import type { Span } from '../domain/article';

const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'nos', 'vs', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'inc', 'ltd', 'co', 'corp', 'gen', 'gov', 'sen', 'rep', 'prof', 'approx', 'fig', 'vol', 'jr',
  'sr', 'lt', 'col', 'capt', 'sgt', 'etc', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'a.m', 'p.m', 'mt', 'ave', 'est', 'op',
]);

const MAX_SCAN = 1500;

function isBoundaryAt(text: string, i: number): boolean {
  // i is the index of a . ! or ? ; a boundary needs whitespace then a sentence opener after it.
  const c = text[i];
  if (c !== '.' && c !== '!' && c !== '?') return false;
  let j = i + 1;
  // closing quotes/brackets belong to the sentence
  while (j < text.length && (text[j] === '”' || text[j] === '"' || text[j] === '’' || text[j] === ')' || text[j] === ']')) j++;
  if (j >= text.length) return true;
  if (text[j] !== ' ' && text[j] !== '\n' && text[j] !== '\u00A0') return false;
  while (j < text.length && (text[j] === ' ' || text[j] === '\u00A0')) j++;
  if (j >= text.length || text[j] === '\n') return true;
  const n = text.charCodeAt(j);
  const opener = (n >= 65 && n <= 90) || (n >= 48 && n <= 57) || text[j] === '“' || text[j] === '"' || text[j] === '‘' || text[j] === '(' || text[j] === '$' || text[j] === '€' || text[j] === '£';
  if (!opener) return false;
  if (c !== '.') return true;
  // the word before the full stop
  let k = i - 1;
  while (k >= 0 && /[A-Za-z.]/.test(text[k]!)) k--;
  const word = text.slice(k + 1, i).toLowerCase();
  if (word.length === 1) return false; // initials: "J. Smith"
  return !ABBREVIATIONS.has(word);
}

export function sentenceAt(text: string, pos: number): Span {
  const minStart = Math.max(0, pos - MAX_SCAN);
  let k = pos - 1;
  while (k >= minStart && text[k] !== '\n' && !isBoundaryAt(text, k)) k--;
  let start = k + 1;
  // closing quotes and spaces after the previous sentence's full stop
  while (start < pos && (text[start] === ' ' || text[start] === '\u00A0' || text[start] === '”' || text[start] === '"' || text[start] === '’' || text[start] === ')')) start++;
  let end = pos;
  const maxEnd = Math.min(text.length, pos + MAX_SCAN);
  while (end < maxEnd && text[end] !== '\n' && !isBoundaryAt(text, end)) end++;
  if (end < maxEnd && text[end] !== '\n') {
    end++;
    while (end < text.length && (text[end] === '”' || text[end] === '"' || text[end] === '’' || text[end] === ')')) end++;
  }
  return { start, end: Math.max(end, start) };
}
