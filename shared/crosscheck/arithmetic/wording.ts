/**
 * The words around figures that say how they relate: a change ("rose by", "a … increase"), the
 * two ends of a change ("from … to …", "compared with"), a list's total ("including"), a share
 * ("of the"), a capacity ("designed to hold"). Every test here reads a glue: the normalised text
 * between two claims of one sentence (lower case, one space, ’ → ', dashes → –).
 */

export type Direction = 'up' | 'down';

const UP_VERB = [
  'rose', 'risen', 'rises', 'rise', 'rising', 'increased', 'increases', 'increase', 'increasing', 'grew', 'grown', 'grows',
  'grow', 'growing', 'jumped', 'jumps', 'jump', 'jumping', 'climbed', 'climbs', 'climb', 'climbing', 'soared', 'soars',
  'soar', 'soaring', 'surged', 'surges', 'surge', 'surging', 'skyrocketed', 'skyrockets', 'skyrocketing', 'rocketed',
  'spiked', 'gained', 'gains', 'swelled', 'expanded', 'expands', 'rebounded', 'advanced', 'raised', 'boosted', 'hiked',
  '(?:went|gone|go|goes|edged|ticked|shot|crept|moved|inched) up',
].join('|');
const DOWN_VERB = [
  'fell', 'fallen', 'falls', 'fall', 'falling', 'dropped', 'drops', 'drop', 'dropping', 'declined', 'declines', 'decline',
  'declining', 'decreased', 'decreases', 'decrease', 'decreasing', 'plunged', 'plunges', 'plunging', 'plummeted',
  'plummets', 'slumped', 'slumps', 'shrank', 'shrunk', 'shrinks', 'shrink', 'shrinking', 'slid', 'slides', 'slipped',
  'tumbled', 'tumbles', 'dipped', 'dips', 'dived', 'sank', 'sunk', 'contracted', 'contracts', 'eased', 'cut', 'slashed',
  'reduced', 'lowered', 'trimmed',
  '(?:went|gone|go|goes|edged|ticked|came|come|moved|inched) down',
].join('|');
const UP_NOUN = 'increase|rise|jump|growth|gain|surge|hike|climb|spike|upturn|boost|leap|upswing';
const DOWN_NOUN = 'drop|fall|decline|decrease|reduction|slump|plunge|dip|contraction|downturn|slide|fall-off';
const NOUN_ADJECTIVE = '(?:(?:year-on-year|year-over-year|annual|annualised|annualized|overall|sharp|steep|dramatic|further|net|massive|modest|slight) )?';

/** Words that may stand between a preposition and the figure: "compared with last year's 8,018". */
export const DET = "(?:(?:the|a|an|its|their|his|her|our|this|that|last|previous|prior|same|year-earlier|year-ago|[a-z0-9-]+'s) ){0,3}";

const VERB_BEFORE_RE = new RegExp(`(?:^|[^a-z'-])(${UP_VERB}|${DOWN_VERB})( by)?(?: (?:a further|an additional|an extra|another))? ?$`);
const UPDOWN_BEFORE_RE = /(?:^|[,(–:]|\b(?:is|are|was|were|been|be|being|ended|closed|finished|now|still|also|year|month|quarter|week))\s*(up|down)( by)? ?$/;
const NOUN_OF_BEFORE_RE = new RegExp(`\\b(${UP_NOUN}|${DOWN_NOUN})s? of ?$`);
const NOUN_AFTER_RE = new RegExp(`^ ?${NOUN_ADJECTIVE}(${UP_NOUN}|${DOWN_NOUN})s?\\b`);
const COMPARATIVE_AFTER_RE = /^ ?(more|higher|up|fewer|less|lower|down)\b/;
const UP_WORD_RE = new RegExp(`^(?:${UP_VERB}|${UP_NOUN}|up|more|higher)$`);

const directionOf = (word: string): Direction => (UP_WORD_RE.test(word) ? 'up' : 'down');

export interface ChangeWording {
  direction: Direction;
  /** "rose by 5%", "up 5%", "an increase of 5%", "a 5% rise": the figure is the size of the change, not a level. */
  explicit: boolean;
}

/** The wording before a figure that makes it a change: "rose by", "fell", ", up", "an increase of". */
export function changeBefore(glue: string): ChangeWording | null {
  const tail = glue.slice(-80);
  const noun = NOUN_OF_BEFORE_RE.exec(tail);
  if (noun) return { direction: directionOf(noun[1]!), explicit: true };
  const updown = UPDOWN_BEFORE_RE.exec(tail);
  if (updown) return { direction: updown[1] === 'up' ? 'up' : 'down', explicit: true };
  const verb = VERB_BEFORE_RE.exec(tail);
  if (verb) return { direction: directionOf(verb[1]!), explicit: verb[2] !== undefined };
  return null;
}

/** The wording after a figure that makes it a change: "a 185 percent increase", "19% more", "12% lower". */
export function changeAfter(glue: string): Direction | null {
  const head = glue.slice(0, 60);
  const noun = NOUN_AFTER_RE.exec(head);
  if (noun) return directionOf(noun[1]!);
  const comparative = COMPARATIVE_AFTER_RE.exec(head);
  if (comparative) return directionOf(comparative[1]!);
  return null;
}

/** Before a figure: the earlier value of a comparison ("from", "compared with", "versus", "than"). */
const OLD_BEFORE_RE = new RegExp(`(?:^|[^a-z'-])(?:from|compared (?:with|to)|versus|vs\\.?|against|as against|than) ${DET}$`);
/** Right after a change figure: "down 5% on last year's $4.4 million", "up 3% over the $2 million". */
const OLD_AFTER_CHANGE_RE = new RegExp(`^ ?(?:on|over) ${DET}$`);

export function oldBefore(glue: string, afterChange: boolean): boolean {
  const tail = glue.slice(-80);
  return OLD_BEFORE_RE.test(tail) || (afterChange && OLD_AFTER_CHANGE_RE.test(tail));
}

/** "… to 9,572": the level a change reached. Not "compared to", "according to", "close to". */
const TO_BEFORE_RE = new RegExp(`(?:^|[^a-z'-])to ${DET}$`);
const AT_BEFORE_RE = /^,? (?:to stand )?at $/;
const NOT_TO_RE = new RegExp(`\\b(?:compared|according|due|close|equal|equivalent|similar|relative|next|thanks|prior|owing|sentenced|linked|related|added) to ${DET}$`);
const CHANGE_WORD_RE = new RegExp(`\\b(?:${UP_VERB}|${DOWN_VERB}|${UP_NOUN}|${DOWN_NOUN}|reached|climbed back|back)\\b`);

/**
 * Whether a figure after "to" is the new level: after a change figure or an earlier value in the
 * same chain ("by 8% to", "from 1,200 to"), or after a change word ("rose to", "has risen steadily to").
 */
export function newAfterTo(glue: string, chained: boolean): boolean {
  const tail = glue.slice(-80);
  // "up 1,554, or 19%, at 9,572": right after a change, "at" names the level too.
  if (chained && AT_BEFORE_RE.test(tail)) return true;
  if (!TO_BEFORE_RE.test(tail) || NOT_TO_RE.test(tail)) return false;
  if (chained) return true;
  return CHANGE_WORD_RE.test(tail);
}

/** Whether words state a movement ("rose", "a drop", "climbed back"). */
export function hasChangeWord(glue: string): boolean {
  return CHANGE_WORD_RE.test(glue);
}

/** After a figure, up to the next one: "9,572 cases last year compared with 8,018", "512 murders, up from 468". */
const COMPARE_AFTER_RE = new RegExp(`^(?: [a-z0-9'.-]+){0,6}?,? (?:compared (?:with|to)|versus|vs\\.?|against|as against|up from|down from|from) ${DET}$`);

export function compareAfter(glue: string): boolean {
  return glue.length <= 90 && COMPARE_AFTER_RE.test(glue);
}

/** A change figure in apposition after a level: "$4.2 million, down 5%", "$6.6 billion in 2020, a 185 percent increase". */
const APPOSITION_RE = new RegExp(`^(?: [a-z0-9'.-]+){0,6}?(?:,| –| —) ?(?:(?:up|down)(?: by)?|an?|or|representing an?|marking an?|which is an?|which was an?|an? ${NOUN_ADJECTIVE}(?:${UP_NOUN}|${DOWN_NOUN})s? of)? ?$`);

export function appositionBeforeChange(glue: string): boolean {
  return glue.length <= 90 && APPOSITION_RE.test(glue);
}

/** An absolute change and its percentage side by side: "by 1,554, or 19%,", "340 cases (4.1%)". */
const TWIN_RE = /^(?: [a-z'-]+){0,2}?(?:,? or|,? \(|, equivalent to|, representing|, that is) ?$/;

export function twinGlue(glue: string): boolean {
  return glue.length <= 60 && TWIN_RE.test(glue);
}

/** A glue that ends one clause and starts another: "; ", " while ", ", but ", ", burglaries rose". */
const HARD_BREAK_RE = /;|\b(?:while|whereas|but|although|though|meanwhile|however|despite)\b/;
const NEW_CLAUSE_RE = new RegExp(`(?:,|\\band\\b|–) ((?:[a-z'-]+ ){1,6}?)(?:has |have |had |was |were |is |are )?(?:${UP_VERB}|${DOWN_VERB})\\b`);
const NOT_A_SUBJECT = new Set(['a', 'an', 'the', 'up', 'down', 'or', 'by', 'from', 'to', 'compared', 'with', 'versus', 'which', 'that', 'it', 'having', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'then', 'and']);

/** A verb left out after a new subject: "Exports rose 12% and imports to $3.1 billion". */
const GAPPED_RE = new RegExp(`\\band ((?:[a-z'-]+ ){1,3})(?:to|from) ${DET}$`);

const hasSubject = (words: string): boolean => words.trim().split(' ').some((w) => !NOT_A_SUBJECT.has(w));

export function clauseBreak(glue: string): boolean {
  if (HARD_BREAK_RE.test(glue)) return true;
  // ", up …", ", which rose …": no new subject, the same clause goes on.
  const m = NEW_CLAUSE_RE.exec(glue);
  if (m && hasSubject(m[1]!)) return true;
  const gapped = GAPPED_RE.exec(glue);
  return !!gapped && hasSubject(gapped[1]!);
}

/** "including", "among them": the figures after are part of the total before. */
export const INCLUDING_RE = /(?:^|[,(–—:]|\b(?:people|them|those|whom|which))? ?\b(?:including|included|includes|among them|among whom|among those|of whom|of which|of these|of them)\b[^,;]*?$/;
/** A next sentence that lists the parts of the previous sentence's total. */
export const PARTS_OPENER_RE = /^ ?(?:these|they|those|this) (?:included|include|includes|comprised|were mostly)\b|^ ?among (?:them|those|these|the [a-z]+)\b|^ ?of (?:these|them|those|the [a-z]+),/;
/** The parts make up the total: "The 40 victims were 25 men, …", "split between", "made up of", ":". */
export const MADE_UP_OF_RE = /(?:\b(?:were|are|comprised|comprise|comprising|consisted of|consist of|consisting of|made up of|broken down into|broke down into|split between|split into|divided into|divided between|divided among|shared between|shared among)|:) ?$/;
/** After a list: its total ("…, a total of 40", "… – 40 in all"). */
export const TOTAL_AFTER_LIST_RE = /(?:,|–|—|:)? ?(?:a total of|for a total of|making|making a total of|totalling|totaling|bringing the total to|in total|in all|altogether|or)? ?$/;

/** After the figure of a multiple: "three times", "10-fold". */
export const TIMES_AFTER_RE = /^ ?(?:times|-fold|fold)\b/;

/** Capacity: "designed to hold", "built for", "capacity of", "room for". */
export const CAPACITY_BEFORE_RE = /\b(?:capacity (?:of|for)|designed (?:to (?:hold|house|accommodate|take)|for)|built (?:to (?:hold|house|accommodate)|for)|meant (?:to hold|for)|intended (?:to hold|for)|room for|space for|able to (?:hold|house|accommodate)|can (?:hold|house|accommodate|take)|capacity to (?:hold|house|accommodate))\b (?:(?:just|only|about|some|around|roughly|a maximum of|up to) )?$/;
/** A percentage of capacity: "155% of its capacity", "occupancy of 147%", "at 147% capacity". */
export const OCCUPANCY_AFTER_RE = /^ ?(?:of (?:its |their |the |official |total |designed |intended )*(?:capacity|occupancy)|(?:occupancy|capacity|full)\b)/;
export const OCCUPANCY_BEFORE_RE = /\b(?:occupancy(?: rate)?(?: of| at| was| is| stood at| reached)?|operating at|running at|filled to|at) ?$/;
