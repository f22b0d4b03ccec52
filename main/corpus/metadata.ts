/**
 * Title, publisher, byline and publication date of an article, from its normalised
 * text (plus what the format declared: a markdown/HTML heading, HTML meta tags, PDF
 * info). Heuristics, deliberately conservative: a null publisher is better than a
 * wrong one. The header zone (the paragraphs before the first paragraph of prose) is
 * where titles, bylines and datelines live.
 */
import { findDates, parseDeclaredDate, type StatedDate } from './dates';
import type { FormatHints } from './formats';
import { paragraphs } from './normalise';

export interface ExtractedMetadata {
  title: string;
  publisher: string | null;
  byline: string | null;
  /** The date the text states, if any (resolved against the file's mtime later). */
  statedDate: StatedDate | null;
}

const TITLE_MAX = 120;
const HEADER_PARAGRAPHS = 8;

/** Document-type labels that sit above a headline ("JOINT STATEMENT", "PRESS RELEASE"). */
const LABEL = /^(?:joint |public |press |media |news |official )?(?:statement|release|press release|news release|media release|advisory|communiqu[eé]|announcement)$|^for immediate release$|^(?:breaking(?: news)?|exclusive|opinion|editorial|analysis|commentary|advertisement|sponsored(?: content)?|update[d]?|news|live)$/i;
/** Social-button and navigation words that cling to bylines on saved web pages. */
const SOCIAL_JUNK = /(?:\s+(?:Share|Tweet|Print|Email|E-mail|Facebook|Twitter|WhatsApp|Telegram|Comments?|Save)\b:?)+\s*$/i;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const words = (s: string): string[] => s.match(WORD) ?? [];

/** Markdown-ish decoration a .txt file may carry (**bold**, # heading, > quote). */
function undecorate(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, '')
    .replace(/^>\s*/, '')
    .replace(/\*\*|__/g, '')
    .replace(/^\*(.+)\*$/, '$1')
    .trim();
}

/** An advert or navigation line: the same word over and over ("cellcard cellcard cellcard"). */
export function isRepeatedWordLine(line: string): boolean {
  const w = words(line).map((x) => x.toLowerCase());
  return w.length >= 2 && new Set(w).size <= Math.max(1, Math.floor(w.length / 2));
}

/** A line that is only a date, optionally labelled ("23 July 2020", "Date: 2017-02-21"). */
function dateOnly(line: string): StatedDate | null {
  const stripped = line
    .replace(/^(?:date[d]?|published(?: on)?|posted(?: on)?|updated(?: on)?)\s*:?\s*/i, '')
    .replace(/^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+/i, '')
    .replace(/[\s.|·,-]+$/, '');
  const found = findDates(stripped)[0];
  if (!found || found.index !== 0 || found.surface.length < stripped.length - 12) return null;
  // Anything left after the date must be a time ("10:32 am", "ICT").
  const rest = stripped.slice(found.surface.length);
  if (rest && !/^[\s,|·-]*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?$/i.test(rest)) return null;
  const { index: _index, ...date } = found;
  return date;
}

const NAME_WORD = "(?:[A-Z][\\p{L}'’-]+|[A-Z]\\.|(?:de|da|van|von|bin|binti|al|el|la|le|du|dos)(?=\\s))";
const NAME = `${NAME_WORD}(?:\\s+${NAME_WORD}){0,3}`;
const PUB = `(?:The\\s+)?[A-Z][\\p{L}\\p{N}&'’.-]*(?:\\s+(?:of\\s+|and\\s+|&\\s+)?[A-Z][\\p{L}\\p{N}&'’.-]*){0,5}`;
const NAME_RE = new RegExp(`^${NAME}$`, 'u');
const PUB_RE = new RegExp(`^${PUB}$`, 'u');
const SLASH_LINE = new RegExp(`^(${NAME})\\s*[/|]\\s*(${PUB})$`, 'u');

/** "Jane Doe", "Jane Doe and John Roe", "Jane Doe, John Roe and Ann Lee". */
function isNameList(s: string): boolean {
  return s.split(/\s*(?:,|\band\b|&)\s*/).every((part) => NAME_RE.test(part));
}

/** A byline line in the header: "By Jane Doe", "By Jane Doe, Reuters", "Taing Vida / Khmer Times". */
export function parseBylineLine(line: string): { byline: string; publisher: string | null } | null {
  const clean = undecorate(line).replace(SOCIAL_JUNK, '').trim();
  if (clean.length > 100) return null;
  const by = /^By\s+(.+)$/.exec(clean);
  if (by) {
    const rest = by[1]!;
    // "By Jane Doe | The Post", "By Jane Doe for Reuters", "By Jane Doe – VOD"
    const split = /^(.+?)\s*(?:[|/–—]|\s-{1,2}|\bfor\b)\s*(.+)$/.exec(rest);
    if (split && isNameList(split[1]!) && PUB_RE.test(split[2]!)) return { byline: split[1]!, publisher: split[2]! };
    if (isNameList(rest)) {
      // "By Jane Doe, Reuters": a comma without an "and" separates the name from the publisher.
      const comma = /^(.+),\s*([^,]+)$/.exec(rest);
      if (comma && !/\band\b|&/.test(rest) && PUB_RE.test(comma[2]!)) return { byline: comma[1]!, publisher: comma[2]! };
      return { byline: rest, publisher: null };
    }
    return null;
  }
  const slash = SLASH_LINE.exec(clean);
  if (slash && words(slash[1]!).length >= 2) return { byline: slash[1]!.trim(), publisher: slash[2]!.trim() };
  return null;
}

/** Cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function trimAtWord(text: string, max = TITLE_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  const head = (space > max * 0.5 ? cut.slice(0, space) : text.slice(0, max)).replace(/[\s,;:–—-]+$/, '');
  return `${head}…`;
}

// Abbreviations that end with a full stop without ending the sentence.
const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|St|Mt|Jr|Sr|No|Nos|vs|etc|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|e\.g|i\.e)|\b[A-Z])$/;

/** The first sentence of a paragraph. */
export function firstSentence(text: string): string {
  const re = /[.!?]+["”’)]*(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith('.') && m[0].length === 1 && ABBREVIATION.test(text.slice(0, m.index))) continue;
    return text.slice(0, m.index + m[0].length).trim();
  }
  return text.trim();
}

/** Prose rather than a headline: long, or ends like a sentence. */
function isProse(text: string): boolean {
  const n = words(text).length;
  return n > 25 || text.length > 180 || (/[.;:,]["”’)]*$/.test(text) && n >= 6);
}

interface HeaderScan {
  title: string | null;
  byline: { byline: string; publisher: string | null } | null;
  date: StatedDate | null;
  label: boolean;
  /** Index of the first prose paragraph. */
  bodyStart: number;
}

function scanHeader(paras: Array<{ text: string }>): HeaderScan {
  const scan: HeaderScan = { title: null, byline: null, date: null, label: false, bodyStart: paras.length };
  for (let p = 0; p < Math.min(paras.length, HEADER_PARAGRAPHS); p++) {
    const keep: string[] = [];
    for (const raw of paras[p]!.text.split('\n')) {
      const line = undecorate(raw);
      if (!line || !/[\p{L}\p{N}]/u.test(line)) continue;
      if (LABEL.test(line.replace(/[:.!]+$/, ''))) {
        scan.label = true;
        continue;
      }
      const date = dateOnly(line);
      if (date) {
        scan.date ??= date;
        continue;
      }
      const byline = parseBylineLine(line);
      if (byline) {
        scan.byline ??= byline;
        continue;
      }
      if (isRepeatedWordLine(line) || /^(?:https?:\/\/|www\.)\S+$/i.test(line)) continue;
      keep.push(line);
    }
    if (keep.length === 0) continue;
    const candidate = keep.join(' ').replace(/\s+/g, ' ');
    if (isProse(candidate)) {
      scan.bodyStart = p;
      // A sentence used as a title loses its full stop, like a headline.
      scan.title ??= trimAtWord(firstSentence(candidate).replace(/(?<!\.)\.$/, ''));
      return scan;
    }
    // A headline needs a few words; a two-word fragment is more likely a caption or label.
    if (!scan.title && words(candidate).length >= 3) scan.title = trimAtWord(candidate);
  }
  return scan;
}

/** "…told The Post…" twice: the article naming its own publication. */
function selfReferencedPublisher(text: string): string | null {
  const MEDIA = /\b(?:Post|Times|News|Daily|Herald|Journal|Tribune|Radio|Press|Agency|Wire|Gazette|Observer|Courier|Chronicle|Telegraph|Guardian|Monitor|Reuters|AFP|Bloomberg|BBC|CNN|VOA|RFA|VOD|Xinhua|Kyodo)\b/;
  const re = /\b(?:told|referred|contacted by|speaking to|spoke to|in an interview with|interviewed by)\s+((?:The\s+)?[A-Z][\p{L}&'’-]*(?:\s+[A-Z][\p{L}&'’-]*){0,3})/gu;
  const counts = new Map<string, number>();
  for (const m of text.matchAll(re)) {
    const name = m[1]!.replace(/[’']s$/, '');
    if (!/^The\s/.test(name) && !MEDIA.test(name)) continue;
    if (/^The\s+(?:Minister|Ministry|Government|Court|Police|Prime|President|Governor|Department|Committee)\b/.test(name)) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 2 ? best[0] : null;
}

/** A statement's issuer: the organisation that opens its first paragraph and recurs in the text. */
function statementIssuer(firstProse: string, text: string): string | null {
  const m = /^((?:The\s+)?[A-Z][\p{L}&'’-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\p{L}&'’-]*){1,5})\s+(?:and|calls?|urges?|welcomes?|condemns?|announces?|is|are|has|have|today|said|says|strongly)\b/u.exec(firstProse);
  if (!m) return null;
  const org = m[1]!;
  const occurrences = text.split(org).length - 1;
  return occurrences >= 2 ? org : null;
}

export function extractMetadata(text: string, hints: FormatHints = {}, fallbackTitle = 'Untitled'): ExtractedMetadata {
  const paras = paragraphs(text);
  const header = scanHeader(paras);
  const hintTitle = hints.title ? trimAtWord(hints.title.replace(/\s+/g, ' ').trim()) : '';

  let publisher = hints.publisher?.trim() || header.byline?.publisher || null;
  const byline = hints.byline?.trim() || header.byline?.byline || null;
  if (!publisher && header.label && paras[header.bodyStart]) publisher = statementIssuer(paras[header.bodyStart]!.text, text);
  publisher ??= selfReferencedPublisher(text);

  let statedDate = (hints.date && parseDeclaredDate(hints.date)) || header.date;
  if (!statedDate) {
    // A labelled date near the top ("date 2017-02-21", "Published: …"), then the first
    // day-precise date in the first paragraphs of the body ("on Nov. 15 reiterated").
    const top = text.slice(0, 1500);
    const labelled = /\b(?:date[d]?|published|posted)\b\s*:?\s*/gi;
    for (let m = labelled.exec(top); m && !statedDate; m = labelled.exec(top)) {
      const found = findDates(top.slice(m.index + m[0].length, m.index + m[0].length + 40))[0];
      if (found && found.index === 0) statedDate = { surface: found.surface, year: found.year, month: found.month, day: found.day };
    }
    const lead = paras.slice(header.bodyStart, header.bodyStart + 3).map((p) => p.text).join('\n\n');
    const first = statedDate ? undefined : findDates(lead)[0];
    if (first) statedDate = { surface: first.surface, year: first.year, month: first.month, day: first.day };
  }

  return {
    title: hintTitle || header.title || trimAtWord(paras[0]?.text.split('\n')[0] ?? '') || fallbackTitle,
    publisher,
    byline,
    statedDate: statedDate ?? null,
  };
}
