/**
 * Words around a figure, reduced to comparable terms: lower case, lunr's English stop-word
 * filter and Porter stemmer (the same pipeline the search index uses), then news concepts
 * that reporters write in several ways ("inmates", "detainees" and "the prison population"
 * are one population; "capacity" and "designed to hold" one measure).
 */
import lunr from 'lunr';

/** Multi-word phrases first: a phrase maps to one concept and its words are consumed. */
const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\bprison population\b|\bpeople (?:in|behind) (?:detention|bars|prison)\b|\bthose in detention\b|\bincarcerated people\b/g, '@prisoner'],
  [/\bpolitical prisoners?\b|\bprisoners? of conscience\b/g, '@activist'],
  [/\b(?:designed|built|meant|intended) (?:to (?:hold|house|accommodate)|for)\b|\broom for\b|\boccupancy capacity\b/g, '@capacity'],
  [/\b(?:stand|stood|standing|face|faced) trial\b|\bday in court\b|\bpre-?trial\b|\bnot (?:yet )?(?:been )?tried\b/g, '@trial'],
  [/\bcut loose\b|\bset free\b/g, '@release'],
];

/** Single words (already lower case, before stemming) → concept. */
const WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    '@prisoner': ['prisoner', 'prisoners', 'inmate', 'inmates', 'detainee', 'detainees', 'convict', 'convicts', 'detention', 'incarcerated', 'incarceration'],
    '@activist': ['activist', 'activists', 'dissident', 'dissidents'],
    '@capacity': ['capacity', 'capacities'],
    '@trial': ['trial', 'trials', 'court', 'courts', 'tried', 'untried', 'sentenced', 'convicted'],
    '@release': ['release', 'released', 'releases', 'releasing', 'freed', 'free', 'pardoned', 'pardon'],
    '@case': ['case', 'cases', 'crime', 'crimes', 'offence', 'offences', 'offense', 'offenses'],
    '@drug': ['drug', 'drugs', 'drug-related', 'narcotic', 'narcotics'],
    // Police work: arrests, investigations and seizures are reported of the same caseload.
    '@enforce': ['arrest', 'arrests', 'arrested', 'investigated', 'investigation', 'investigations', 'seized', 'seize', 'seizure', 'seizures', 'confiscated', 'confiscation', 'intercepted', 'raid', 'raids', 'crackdown'],
    '@clear': ['cleared', 'resolved', 'dismissed', 'closed', 'backlog'],
    '@death': ['death', 'deaths', 'died', 'dead', 'killed', 'fatalities', 'fatality'],
    '@person': ['people', 'person', 'persons', 'individuals', 'individual'],
    '@export': ['export', 'exports', 'exported', 'exporting', 'shipments'],
  }).flatMap(([concept, words]) => words.map((word) => [word, concept] as const)),
);

const WORD_RE = /[a-z][a-z'’-]*|@[a-z]+/g;
const stemCache = new Map<string, string | null>();

/** One word to its term: a concept, a stem, or null for a stop word. */
function termOf(word: string): string | null {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  let term: string | null;
  if (word.startsWith('@')) term = word;
  else {
    const bare = word.replace(/['’]s$/, '').replace(/['’-]+$/, '');
    const concept = WORDS.get(bare);
    if (concept) term = concept;
    else if (bare.length < 2) term = null;
    else {
      const token = new lunr.Token(bare, {});
      term = lunr.stopWordFilter(token) ? lunr.stemmer(token).toString() : null;
    }
  }
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(word, term);
  return term;
}

/** The terms of a piece of text, in order, each with the offset of its word (relative to the piece). */
export function termsOf(text: string): Array<{ term: string; at: number }> {
  let lowered = text.toLowerCase();
  for (const [re, concept] of PHRASES) {
    // Pad to the phrase's length so later offsets stay (nearly) where they were.
    lowered = lowered.replace(re, (m) => concept.padEnd(m.length));
  }
  const out: Array<{ term: string; at: number }> = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(lowered)) !== null) {
    const term = termOf(m[0]);
    if (term) out.push({ term, at: m.index });
  }
  return out;
}

/** The concepts and stems of a quantity key ("prison population" → ["@prisoner"]; "drug crime" → ["@drug", "@case"]). */
/** Concepts naming what happened to the counted things; a figure next to one is a different count from a figure next to none. */
export const EVENT_CONCEPTS: ReadonlySet<string> = new Set(['@release', '@enforce', '@death', '@clear']);

export function keyTerms(key: string): string[] {
  return [...new Set(termsOf(key).map((t) => t.term))];
}
