/**
 * Word lists the number pipeline reads against, built once into Maps/Sets so that every
 * lookup is O(1). Keys are lower case.
 */

/** one … nineteen, and the tens. Hundred/thousand/… are scale words, below. */
export const UNIT_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13],
  ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);
export const TENS_WORDS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);
/** Scale words that multiply what precedes them ("6.6 billion", "two hundred", "5 lakh"). */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['lakh', 1e5], ['lakhs', 1e5], ['crore', 1e7], ['crores', 1e7], ['bn', 1e9], ['mn', 1e6], ['tn', 1e12],
]);
/** Suffixes written straight after the digits: "$6.6bn", "US$12m", "5k". Only read in money context except bn/tn. */
export const ATTACHED_SCALE: ReadonlyMap<string, number> = new Map([
  ['bn', 1e9], ['b', 1e9], ['m', 1e6], ['mn', 1e6], ['k', 1e3], ['tn', 1e12],
]);
/** "tens of thousands" and friends: vague magnitudes, read as approximate. value is the conventional reading. */
export const VAGUE_PLURALS: ReadonlyMap<string, { value: number; low: number; high: number }> = new Map([
  ['dozens', { value: 24, low: 24, high: 143 }],
  ['scores', { value: 40, low: 40, high: 199 }],
  ['hundreds', { value: 200, low: 200, high: 999 }],
  ['thousands', { value: 2000, low: 2000, high: 9999 }],
  ['millions', { value: 2e6, low: 2e6, high: 999_999_999 }],
  ['billions', { value: 2e9, low: 2e9, high: 999_999_999_999 }],
]);

/** Fractions written as words, as shares of a whole (percent). */
export const FRACTION_WORDS: ReadonlyMap<string, number> = new Map([
  ['half', 1 / 2], ['halves', 1 / 2], ['third', 1 / 3], ['thirds', 1 / 3], ['quarter', 1 / 4], ['quarters', 1 / 4],
  ['fourth', 1 / 4], ['fourths', 1 / 4], ['fifth', 1 / 5], ['fifths', 1 / 5], ['tenth', 1 / 10], ['tenths', 1 / 10],
]);

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8],
  ['september', 9], ['sep', 9], ['sept', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11],
  ['december', 12], ['dec', 12],
]);

/** Words after which a number is part of a name, a reference or a section, not a quantity. */
export const NAME_HEADS: ReadonlySet<string> = new Set([
  'article', 'articles', 'section', 'sections', 'chapter', 'chapters', 'clause', 'paragraph', 'annex', 'appendix',
  'schedule', 'table', 'figure', 'fig', 'page', 'pages', 'item', 'rule', 'resolution', 'act', 'no', 'nos', 'number',
  'vol', 'volume', 'part', 'room', 'route', 'highway', 'road', 'street', 'st', 'avenue', 'building', 'block', 'gate',
  'terminal', 'phase', 'level', 'grade', 'class', 'stage', 'zone', 'ward', 'unit', 'camp', 'flight', 'line',
  'platform', 'channel', 'center', 'centers', 'centre', 'centres', 'prison', 'prisons', 'hall', 'tower', 'plant',
  'reactor', 'team', 'group', 'lot', 'district', 'division', 'sector', 'version', 'model', 'type', 'category', 'tier',
  'round', 'season', 'episode', 'series', 'term', 'covid', 'sars', 'mh', 'ww', 'windows', 'iphone', 'apollo', 'boeing',
  'airbus', 'psalm', 'psalms', 'hotline', 'code', 'pin', 'id', 'case', 'file', 'docket', 'bill', 'law', 'decree',
  'sub-decree', 'prakas', 'directive', 'order', 'lane', 'kilometre', 'km', 'interstate', 'motorway', 'step', 'steps',
]);

/** Words that, before a number, make it a rank: "top 25", "No. 1", "ranked 34". */
export const RANK_HEADS: ReadonlySet<string> = new Set(['top', 'ranked', 'rank', 'ranking', 'placed', 'number']);

/**
 * Qualifiers before a figure, longest first within each first word; matched against the words
 * immediately to the left of the number. The names are the gold file's.
 */
export type Qualifier = 'exact' | 'approx' | 'gt' | 'gte' | 'lt' | 'lte';
export const QUALIFIER_PHRASES: ReadonlyArray<readonly [string, Qualifier]> = [
  ['more than', 'gt'], ['over', 'gt'], ['above', 'gt'], ['exceeding', 'gt'], ['in excess of', 'gt'], ['upwards of', 'gt'],
  ['greater than', 'gt'], ['higher than', 'gt'], ['well over', 'gt'], ['just over', 'gt'], ['more than just', 'gt'],
  ['at least', 'gte'], ['no fewer than', 'gte'], ['no less than', 'gte'], ['not less than', 'gte'], ['a minimum of', 'gte'],
  ['less than', 'lt'], ['fewer than', 'lt'], ['under', 'lt'], ['below', 'lt'], ['just under', 'lt'], ['lower than', 'lt'],
  ['up to', 'lte'], ['as many as', 'lte'], ['as much as', 'lte'], ['at most', 'lte'], ['no more than', 'lte'],
  ['not more than', 'lte'], ['a maximum of', 'lte'], ['as high as', 'lte'],
  ['nearly', 'approx'], ['almost', 'approx'], ['about', 'approx'], ['around', 'approx'], ['some', 'approx'],
  ['roughly', 'approx'], ['approximately', 'approx'], ['an estimated', 'approx'], ['estimated', 'approx'],
  ['close to', 'approx'], ['circa', 'approx'], ['approx.', 'approx'], ['an approximate', 'approx'], ['or so', 'approx'],
  ['just', 'exact'], ['only', 'exact'], ['exactly', 'exact'], ['precisely', 'exact'], ['a total of', 'exact'],
  ['a mere', 'exact'], ['merely', 'exact'],
];

/** Qualifier phrases that make a figure an upper bound approached from below ("nearly", "almost"). */
export const FROM_BELOW: ReadonlySet<string> = new Set(['nearly', 'almost', 'close to', 'just under']);
