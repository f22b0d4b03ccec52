/**
 * What a figure counts or measures: the noun phrase after it ("40,000 prisoners in detention"
 * → "prisoners"; "3,554.13kg of drugs" → "drugs"; "five of the Friday Women"), or, when none
 * follows, the noun it is "of" ("capacity of just 26,593") or the subject of a change verb
 * ("the nationwide prison population has skyrocketed by 78%"). The key is normalised for
 * matching: lower case, singular, determiners and possessives dropped.
 */
import type { QuantityRef } from '../domain/claim';

/** Words that end a noun phrase after a figure. */
const STOP: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'to', 'into', 'of', 'and', 'or', 'but', 'nor', 'that',
  'which', 'who', 'whom', 'whose', 'were', 'was', 'are', 'is', 'be', 'been', 'being', 'have', 'has', 'had', 'as',
  'than', 'since', 'during', 'including', 'involving', 'across', 'per', 'each', 'after', 'before', 'over', 'under',
  'between', 'among', 'amid', 'while', 'when', 'where', 'this', 'these', 'those', 'it', 'its', 'their', 'his', 'her',
  'would', 'will', 'could', 'should', 'can', 'may', 'might', 'must', 'did', 'do', 'does', 'not', 'so', 'also',
  'already', 'still', 'yet', 'last', 'next', 'ago', 'later', 'earlier', 'now', 'then', 'more', 'less', 'compared',
  'according', 'said', 'says', 'say', 'rose', 'fell', 'increase', 'decrease', 'rise', 'drop', 'up', 'down', 'out',
  'against', 'like', 'about', 'around', 'through', 'until', 'if', 'because', 'though', 'although', 'both', 'all',
  'every', 'only', 'just', 'there', 'here', 'got', 'get', 'received', 'remain', 'remained', 'took', 'across', 'without',
  'within', 'via', 'behind', 'toward', 'towards', 'onto', 'upon', 'off', 'whether',
  // common verbs that follow a counted noun ("400 students sat", "the budget goes")
  'goes', 'go', 'went', 'sat', 'lost', 'lack', 'lacks', 'need', 'needs', 'face', 'faces', 'live', 'lives', 'died',
  'fled', 'won', 'made', 'took', 'came', 'left', 'gave', 'qualify', 'qualifies', 'remains', 'attended', 'marched',
]);
const IRREGULAR_PLURALS: ReadonlySet<string> = new Set(['people', 'children', 'women', 'men']);

/** A plural noun ends the phrase: "families lost their homes" stops after "families". */
function looksPlural(w: string): boolean {
  const lw = w.toLowerCase();
  if (IRREGULAR_PLURALS.has(lw)) return true;
  return lw.length > 3 && lw.endsWith('s') && !lw.endsWith('ss') && !lw.endsWith('us') && !lw.endsWith('is') && !lw.endsWith('’s') && !lw.endsWith("'s");
}
/** Modifiers left out of the key ("known CNRP activists" → "activist"). */
const LOOSE_MODIFIERS: ReadonlySet<string> = new Set([
  'known', 'new', 'other', 'former', 'more', 'such', 'same', 'different', 'environmental', 'social',
  'local', 'international', 'foreign', 'national', 'small', 'large', 'major', 'minor', 'young', 'old', 'total',
  'current', 'additional', 'further', 'several', 'many', 'few', 'main', 'illegal', 'illicit', 'dried', 'detained',
  'released', 'accused', 'registered', 'recorded', 'confirmed', 'reported', 'suspected', 'alleged', 'wrongfully',
  'nationwide', 'overall', 'estimated', 'individual', 'separate', 'single', 'entire', 'whole', 'full', 'remaining',
]);
const IRREGULAR: Readonly<Record<string, string>> = {
  people: 'person', men: 'man', women: 'woman', children: 'child', police: 'police', mice: 'mouse', feet: 'foot',
  teeth: 'tooth', geese: 'goose', data: 'data', media: 'media', series: 'series', species: 'species', news: 'news',
  staff: 'staff', personnel: 'personnel', crises: 'crisis', analyses: 'analysis', cattle: 'cattle', sheep: 'sheep',
};
const CHANGE_VERB_RE = /\b(?:rose|risen|rise|rises|fell|fallen|falls|increased|increases|decreased|decreases|grew|grown|grows|dropped|declined|jumped|climbed|surged|skyrocketed|soared|plunged|plummeted|slumped|reached|reaches|stood|stands|totalled|totaled|totals|hit|doubled|tripled|topped|exceeded|was|were|is|are)\b/gi;

export function singular(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w]!;
  if (w.length <= 3 || w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (/(?:ches|shes|xes|sses|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

const WORD_RE = /[A-Za-z][A-Za-z’'-]*/y;

function makeRef(text: string, words: Array<{ w: string; start: number; end: number }>, extra = ''): QuantityRef | null {
  // drop leading determiners/adverbs and trailing possessive marks
  while (words.length && STOP.has(words[0]!.w.toLowerCase())) words.shift();
  if (!words.length) return null;
  const clean = words.map((x) => x.w.replace(/['’]s$/, '').replace(/['’]$/, ''));
  const head = singular(clean[clean.length - 1]!);
  const keyWords = [head];
  const prev = clean[clean.length - 2];
  // A lower-case noun modifier stays in the key ("drug crime"); adjectives and names do not.
  if (prev && prev === prev.toLowerCase() && !LOOSE_MODIFIERS.has(prev) && !prev.endsWith('ly') && !(prev.endsWith('ed') && !prev.includes('-'))) keyWords.unshift(prev.toLowerCase());
  const start = words[0]!.start;
  const end = words[words.length - 1]!.end;
  const phrase = text.slice(start, end) + extra;
  return { phrase, key: keyWords.join(' '), head, start, end };
}

/** The noun phrase right after `from` (the end of the claim). */
export function quantityAfter(text: string, from: number, sentenceEnd: number, allowOf: boolean): QuantityRef | null {
  let i = from;
  const words: Array<{ w: string; start: number; end: number }> = [];
  let sawComma = false;
  // "of (the|its|Cambodia’s) X": measures, money, shares and "five of the Friday Women"
  const ofMatch = /^[ \u00A0](?:of[ \u00A0](?:(?:the|its|their|his|her|those|these)[ \u00A0])?|(?:the|its|their)[ \u00A0])/i.exec(text.slice(i, i + 16));
  if (ofMatch && allowOf) i += ofMatch[0].length;
  else if (text[i] === ' ' || text[i] === '\u00A0' || text[i] === '-') i++;
  else return null;
  for (let guard = 0; guard < 10 && i < sentenceEnd; guard++) {
    WORD_RE.lastIndex = i;
    const m = WORD_RE.exec(text);
    if (!m) break;
    const w = m[0];
    const lw = w.toLowerCase();
    if (sawComma && lw === 'and') { i = m.index + 4; continue; }
    if (STOP.has(lw) && !(words.length === 0 && (lw === 'those' || lw === 'these'))) break;
    // a participle after the noun ends the phrase: "people accused of", "refugees living in"
    if (words.length > 0 && /[a-z](?:ed|ing)$/.test(w)) break;
    // "26 wrongfully detained political prisoners": skip the adverb
    if (words.length === 0 && lw.endsWith('ly') && lw.length > 4) { i = m.index + w.length + 1; continue; }
    words.push({ w, start: m.index, end: m.index + w.length });
    if (words.length >= 6 || (looksPlural(w) && !sawComma)) break;
    const j = m.index + w.length;
    const c = text[j];
    if (c === ' ' || c === '\u00A0') {
      // skip a parenthetical acronym: "Party (CNRP) activists"
      if (text[j + 1] === '(') {
        const close = text.indexOf(')', j + 2);
        if (close > 0 && close - j < 20 && (text[close + 1] === ' ')) { i = close + 2; continue; }
        break;
      }
      i = j + 1;
      continue;
    }
    // "27 political, environmental and social activists": a list of adjectives before the noun
    if (c === ',' && !sawComma && words.length === 1 && /(?:al|ic|ous|ive|ful|ary|an)$/.test(lw)) {
      sawComma = true;
      i = j + 2;
      WORD_RE.lastIndex = i;
      const nx = WORD_RE.exec(text);
      if (!nx) break;
      continue;
    }
    break;
  }
  if (sawComma) {
    // absorb "and <adjective>" inside the list
    const filtered = words.filter((x) => x.w.toLowerCase() !== 'and');
    words.length = 0;
    words.push(...filtered);
  }
  if (!words.length) return null;
  // a lone participle is no noun: "8,018 recorded in 2018"
  if (words.length === 1 && /[a-z]ed$/.test(words[0]!.w)) return null;
  // "20,000 suspects were arrested": keep the participle in the phrase
  const tail = /^[ \u00A0](?:were|was|had been|have been|has been|are|is|being)[ \u00A0](?:already[ \u00A0]|also[ \u00A0])?([a-z]+(?:ed|en))\b/.exec(text.slice(words[words.length - 1]!.end, words[words.length - 1]!.end + 40));
  return makeRef(text, words, tail ? ` ${tail[1]}` : '');
}

/** With nothing after the figure: "capacity of just 26,593", or the subject of "rose by 19 percent". */
export function quantityBefore(text: string, sentenceStart: number, claimStart: number): QuantityRef | null {
  const prefix = text.slice(sentenceStart, claimStart);
  const of = /([A-Za-z][A-Za-z-]*)[ \u00A0]of[ \u00A0]$/.exec(prefix);
  if (of && !STOP.has(of[1]!.toLowerCase())) {
    const start = sentenceStart + of.index;
    return makeRef(text, [{ w: of[1]!, start, end: start + of[1]!.length }]);
  }
  CHANGE_VERB_RE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = CHANGE_VERB_RE.exec(prefix)) !== null) last = m;
  if (!last) return null;
  // up to four words before the verb, skipping auxiliaries and "in 2019"
  let end = last.index;
  const before = prefix.slice(0, end).replace(/(?:[ \u00A0]+(?:has|have|had|been|also|already|in[ \u00A0]+\d{4}|of[ \u00A0]+\d{4}))+[ \u00A0]*$/i, '');
  end = before.length;
  const words: Array<{ w: string; start: number; end: number }> = [];
  const re = /([A-Za-z][A-Za-z’'-]*)[ \u00A0]*$/;
  let rest = before.trimEnd();
  while (words.length < 4) {
    const w = re.exec(rest);
    if (!w) break;
    const lw = w[1]!.toLowerCase();
    if (STOP.has(lw) && lw !== 'of') break;
    words.unshift({ w: w[1]!, start: sentenceStart + w.index, end: sentenceStart + w.index + w[1]!.length });
    rest = rest.slice(0, w.index).trimEnd();
  }
  // "the number of drug-related crimes" → "drug-related crimes"
  const ofAt = words.findIndex((x) => x.w.toLowerCase() === 'of');
  const kept = ofAt >= 0 && /^(?:number|total|share|proportion|percentage|amount|value|rate)$/i.test(words[ofAt - 1]?.w ?? '') ? words.slice(ofAt + 1) : ofAt >= 0 ? words.slice(ofAt + 1) : words;
  return kept.length ? makeRef(text, kept) : null;
}
