/**
 * Deterministic generator of realistic news articles, for benchmarks.
 *
 * Modelled on resources/sample-corpus/: articles of roughly 2–8 KB with a title line,
 * a byline/publisher line and a date line, then paragraphs separated by a blank line;
 * quoted speech with curly quotes; officials, ministries and NGOs; and a similar
 * density of figures (counts with thousands separators, percentages, money with scale
 * words, masses in kg/tonnes, dates, years used as time references, ordinals,
 * identifiers like COVID-19, footnote markers and URLs).
 *
 * Everything comes from a seeded PRNG (mulberry32): the same seed gives the same
 * article on every machine. Generation is string concatenation only, so 1,000 articles
 * take a few tens of milliseconds.
 */

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
const MONTHS_SHORT = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'] as const;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const PUBLISHERS = [
  'The Phnom Penh Post', 'Khmer Times', 'VOD English', 'CamboJA News', 'Amnesty International',
  'The Mekong Observer', 'Radio Free Asia', 'The Straits Ledger', 'Asia Daily Wire', 'The Bangkok Courier',
] as const;
const FIRST = ['Sar', 'Chin', 'Koeut', 'Nuth', 'Taing', 'Soeng', 'Am', 'Him', 'Por', 'Chan', 'Keo', 'Meas', 'Sok', 'Long', 'Ouk', 'Hang', 'Ly', 'Yim', 'Maria', 'David', 'Anna', 'James', 'Naly', 'Brad'] as const;
const LAST = ['Kheng', 'Malin', 'Rith', 'Savna', 'Vida', 'Karuna', 'Sam Ath', 'Yun', 'Pheak', 'Kimseng', 'Sopheak', 'Dara', 'Sothea', 'Vuthy', 'Pilorge', 'Adams', 'Chen', 'Novak', 'Okafor', 'Haddad'] as const;
const ROLES = [
  'Ministry of Justice spokesman', 'Interior Minister', 'General Department of Prisons spokesman',
  'deputy director of rights group Licadho', 'NGO Adhoc spokesman', 'provincial governor',
  'director of the Coalition for Integrity and Social Accountability', 'police chief',
  'Ministry of Health spokeswoman', 'secretary of state at the Ministry of Economy and Finance',
  'Asia director at Human Rights Watch', 'UN Special Rapporteur',
] as const;
const PLACES = [
  'Phnom Penh', 'Kandal province', 'Siem Reap', 'Battambang', 'Kampong Speu', 'Preah Sihanouk',
  'Takeo', 'Kampot', 'Banteay Meanchey', 'Svay Rieng', 'Kratie', 'Prey Veng',
] as const;
const ORGS = [
  'the Ministry of Interior', 'the Ministry of Justice', 'the General Department of Prisons',
  'the National Authority for Combating Drugs', 'Licadho', 'Adhoc', 'the World Bank',
  'the Asian Development Bank', 'the World Health Organization', 'the National Institute of Statistics',
  'the Ministry of Economy and Finance', 'Human Rights Watch', 'the UN Development Programme',
] as const;

/** Plural count nouns with the verbs and contexts that read naturally after them. */
const COUNT_NOUNS = [
  'prisoners', 'inmates', 'detainees', 'drug cases', 'suspects', 'people', 'villagers', 'families',
  'workers', 'students', 'activists', 'factories', 'households', 'patients', 'tourists', 'vehicles',
  'cases', 'prisons', 'schools', 'complaints', 'arrests', 'marijuana plants', 'new infections', 'jobs',
] as const;
const MONEY_TOPICS = [
  'exports to the US', 'the national budget', 'foreign direct investment', 'garment exports',
  'the loan', 'the project', 'rice exports', 'tourism revenue', 'the new prison', 'tax revenue',
  'remittances', 'the aid package',
] as const;
const MASS_TOPICS = [
  'illicit drugs', 'methamphetamine', 'dried marijuana', 'heroin', 'chemical precursors',
  'rice', 'cashew nuts', 'plastic waste', 'timber', 'fish',
] as const;
const PCT_TOPICS = [
  'the prison population', 'drug-related crimes', 'the number of detainees', 'inflation',
  'garment exports', 'tourist arrivals', 'the poverty rate', 'unemployment', 'rice prices',
  'the number of pending cases', 'enrolment', 'electricity prices',
] as const;

const QUAL_MORE = ['more than', 'over', 'at least', 'nearly', 'almost', 'about', 'around', 'some', 'roughly', 'approximately', 'an estimated', 'up to', 'as many as', 'less than', 'under', 'just', 'only', '', '', '', '', ''] as const;

const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'fifteen', 'twenty', 'thirty'] as const;

/** 40,000 / 38,990 / 1,250 / 94,441: mixes round figures and exact ones. */
function countFigure(rng: Rng): string {
  const r = rng();
  if (r < 0.15) return pick(rng, NUMBER_WORDS);
  let n: number;
  if (r < 0.35) n = int(rng, 2, 99);
  else if (r < 0.55) n = int(rng, 100, 999);
  else if (r < 0.8) n = int(rng, 1000, 99999);
  else n = int(rng, 1, 99) * 1000;
  return n.toLocaleString('en-US');
}

function decimal(rng: Rng, lo: number, hi: number, places: number): string {
  return (lo + rng() * (hi - lo)).toFixed(places);
}

function moneyFigure(rng: Rng): string {
  const r = rng();
  if (r < 0.3) return `$${decimal(rng, 1, 20, 1)} billion`;
  if (r < 0.55) return `$${int(rng, 2, 900)} million`;
  if (r < 0.65) return `US$${int(rng, 1, 99)}.${int(rng, 1, 9)}m`;
  if (r < 0.75) return `${int(rng, 10, 900)} million riel`;
  if (r < 0.85) return `€${int(rng, 1, 99)} million`;
  if (r < 0.92) return `${int(rng, 1, 500)} million U.S. dollars`;
  return `$${int(rng, 100, 99999).toLocaleString('en-US')}`;
}

function massFigure(rng: Rng): string {
  const r = rng();
  if (r < 0.3) return `${int(rng, 1, 9999).toLocaleString('en-US')}.${int(rng, 10, 99)}kg`;
  if (r < 0.55) return `${int(rng, 2, 999)} kilogrammes`;
  if (r < 0.75) return `${decimal(rng, 1, 9, 1)} tonnes`;
  if (r < 0.85) return `${pick(rng, ['one', 'two', 'three'])} tonne${rng() < 0.5 ? '' : 's'}`;
  return `${int(rng, 10, 900)} grammes`;
}

function pctFigure(rng: Rng): string {
  const n = rng() < 0.7 ? String(int(rng, 1, 99)) : decimal(rng, 0, 60, 1);
  return `${n}${pick(rng, ['%', ' percent', ' per cent', ' percent'])}`;
}

function qualified(rng: Rng, figure: string): string {
  const q = pick(rng, QUAL_MORE);
  return q ? `${q} ${figure}` : figure;
}

function year(rng: Rng): number {
  return int(rng, 2010, 2022);
}

function timePhrase(rng: Rng, docYear: number): string {
  const r = rng();
  if (r < 0.25) return `in ${docYear - int(rng, 0, 3)}`;
  if (r < 0.35) return 'last year';
  if (r < 0.45) return `as of ${pick(rng, MONTHS)} ${docYear}`;
  if (r < 0.55) return `since ${year(rng)}`;
  if (r < 0.62) return `between January ${docYear - 3} and March ${docYear}`;
  if (r < 0.7) return `at the end of ${docYear - int(rng, 1, 5)}`;
  if (r < 0.78) return 'this year';
  if (r < 0.86) return `in the first ${pick(rng, ['three', 'six', 'nine'])} months of ${docYear}`;
  return `in ${pick(rng, MONTHS)}`;
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function person(rng: Rng): string {
  return `${pick(rng, FIRST)} ${pick(rng, LAST)}`;
}

function dateShort(rng: Rng): string {
  return `${pick(rng, MONTHS_SHORT)} ${int(rng, 1, 28)}`;
}

/** Sentence templates: each a function so that every slot is drawn afresh. */
const SENTENCES: ReadonlyArray<(rng: Rng, y: number) => string> = [
  (r, _y) => `${pick(r, ROLES)} ${person(r)} told reporters on ${pick(r, WEEKDAYS)} that there are ${qualified(r, countFigure(r))} ${pick(r, COUNT_NOUNS)} in ${pick(r, PLACES)}.`,
  (r, y) => `According to a report by ${pick(r, ORGS)}, ${pick(r, PCT_TOPICS)} ${pick(r, ['rose', 'fell', 'increased', 'dropped'])} by ${qualified(r, pctFigure(r))} ${timePhrase(r, y)}.`,
  (r, y) => `${pick(r, ORGS).replace(/^t/, 'T')} said ${qualified(r, countFigure(r))} ${pick(r, COUNT_NOUNS)} were ${pick(r, ['arrested', 'released', 'registered', 'recorded', 'detained'])} ${timePhrase(r, y)}, compared with ${countFigure(r)} the previous year.`,
  (r, y) => `Police seized ${qualified(r, massFigure(r))} of ${pick(r, MASS_TOPICS)} and ${countFigure(r)} ${pick(r, COUNT_NOUNS)} during raids ${timePhrase(r, y)}.`,
  (r, y) => `${pick(r, MONEY_TOPICS).replace(/^./, (c) => c.toUpperCase())} reached ${qualified(r, moneyFigure(r))} ${timePhrase(r, y)}, a ${pctFigure(r)} increase since ${year(r)}.`,
  (r, _y) => `“We have ${qualified(r, countFigure(r))} ${pick(r, COUNT_NOUNS)} but only ${countFigure(r)} places,” ${person(r)} said.`,
  (r, y) => `The facility was designed to hold ${qualified(r, countFigure(r))} but held ${qualified(r, countFigure(r))} ${pick(r, COUNT_NOUNS)} as of ${pick(r, MONTHS)} ${y}.`,
  (r, _y) => `Between ${dateShort(r)} and ${dateShort(r)}, authorities released ${countFigure(r)} ${pick(r, COUNT_NOUNS)} from Correctional Centers 1 and 2.`,
  (r, _y) => `During the COVID-19 crisis, ${pick(r, ['some', 'many', 'several'])} countries released prisoners, ${person(r)} said on ${dateShort(r)}.`,
  (r, y) => `${pick(r, ['The', 'A'])} ${pick(r, ['six-month', 'three-year', '10-day', 'two-week'])} campaign ended on ${int(r, 1, 28)} ${pick(r, MONTHS)} ${y}, ${pick(r, ROLES)} ${person(r)} said.`,
  (r, _y) => `Temperatures reached ${int(r, 30, 44)}°C in ${pick(r, PLACES)}, the ${ordinal(int(r, 2, 40))} hottest day on record.`,
  (r, y) => `${qualified(r, pctFigure(r)).replace(/^./, (c) => c.toUpperCase())} of those in detention have yet to stand trial, ${pick(r, ORGS)} found in ${pick(r, MONTHS)} ${y}.`,
  (r, y) => `The number of ${pick(r, COUNT_NOUNS)} has risen from ${countFigure(r)} at the end of ${y - 4} to ${qualified(r, countFigure(r))} in ${pick(r, MONTHS)} ${y}.`,
  (r, _y) => `${pick(r, ['Between', 'From'])} ${int(r, 2, 40) * 10} ${pick(r, ['to', 'and'])} ${int(r, 41, 90) * 10} ${pick(r, COUNT_NOUNS)} were affected, and the road was closed for ${pick(r, ['two or three days', 'a week', '10 days', 'three months'])}.`,
  (r, _y) => `${person(r)}, ${int(r, 19, 80)}, was sentenced to ${pick(r, NUMBER_WORDS)} years in prison and fined ${int(r, 1, 20)} million riel.`,
  (r, _y) => `The ${pick(r, ['road', 'bridge', 'canal', 'pipeline'])} is ${decimal(r, 1, 90, 1)} km long and cost ${moneyFigure(r)}.`,
  (r, y) => `${pick(r, ORGS).replace(/^t/, 'T')} ranked the country ${ordinal(int(r, 2, 190))} out of ${int(r, 150, 195)} countries in its ${y} index.`,
  (r, _y) => `Call the hotline on 012 ${int(r, 100, 999)} ${int(r, 100, 999)} or see report ASA${int(r, 1000000, 9999999)}ENGLISH for details.`,
  (r, _y) => `${pick(r, ['Tens of thousands', 'Hundreds', 'Thousands', 'A dozen'])} of ${pick(r, COUNT_NOUNS)} ${pick(r, ['gathered', 'protested', 'were evacuated', 'were displaced'])} in ${pick(r, PLACES)} last ${pick(r, WEEKDAYS)}.`,
  (r, y) => `${pick(r, NUMBER_WORDS).replace(/^./, (c) => c.toUpperCase())} of the ${int(r, 20, 30)} provinces reported ${qualified(r, countFigure(r))} ${pick(r, COUNT_NOUNS)} ${timePhrase(r, y)}.`,
  (r, _y) => `Speed limits of ${int(r, 3, 12) * 10} km/h apply on the ${int(r, 2, 9)}-lane road, which covers ${int(r, 10, 900).toLocaleString('en-US')} square kilometres.`,
  (_r, _y) => `He said the issue of overcrowded prisons could be solved by accelerating the sentencing process of those in detention.`,
  (r, _y) => `${person(r)} could not be reached for comment on ${pick(r, WEEKDAYS)}.`,
  (r, _y) => `“There should be inspections in prisons to see if the manners and attitudes of prisoners have changed,” ${person(r)} said.`,
  (_r, _y) => `Rights groups point to the government’s lack of concern for overcrowding in prisons and cite international pressure as the likely explanation.`,
  (r, _y) => `Some detainees have not yet received their final verdicts, so it will be difficult to enrol them in the centres, ${pick(r, ROLES)} ${person(r)} added.`,
  (r, _y) => `The meeting was requested by ${pick(r, ROLES)} ${person(r)} to seek support and collaboration with ${pick(r, ORGS)}.`,
  (r, _y) => `Newly-appointed ${pick(r, PLACES)} governor ${person(r)} said he will follow the advice and regularly monitor his subordinates.`,
  (r, _y) => `“The inhumane conditions which prisoners are forced to endure are utterly indefensible,” said ${person(r)}, ${pick(r, ROLES)}.`,
  (r, _y) => `${pick(r, ORGS).replace(/^t/, 'T')} called on the authorities to publicly disclose the number of prisoners who have been released and the legal mechanisms by which they were freed.`,
  (_r, _y) => `Malin said that although the campaign has ended, the ministry is still encouraging the courts to speed up proceedings and reduce congestion among court cases.`,
  (r, _y) => `“If any individual violates the terms of their probation, they will face the law and will return to prison to serve their sentences,” ${person(r)} added.`,
  (r, _y) => `Rampant overuse of pre-trial detention has created a system of mass incarceration, according to ${pick(r, ORGS)}.`,
  (r, _y) => `Officials in ${pick(r, PLACES)} said the new centres would ensure that the rights of detainees are respected and that treatment is effective.`,
  (r, _y) => `The finance ministry has the money, but without an efficient budget the programme will not accomplish anything, ${person(r)} said.`,
  (r, _y) => `Others have suggested the upcoming summit in ${pick(r, PLACES)} could have factored into the government’s decision.`,
  (_r, _y) => `He described overcrowding as one of the biggest challenges to the management of prisons, citing the backlog of court cases and the state of disrepair of prison infrastructure.`,
  (r, _y) => `The ministry will initiate the process, while the courts conduct hearings and convictions, ${pick(r, ROLES)} ${person(r)} told ${pick(r, PUBLISHERS)}.`,
];

/** Sentences with no figures dominate real reporting; the figure-bearing ones are the first 21 templates. */
const FIGURE_TEMPLATES = 21;

const TITLES: ReadonlyArray<(rng: Rng) => string> = [
  (r) => `${person(r)} warns of overcrowding as ${pick(r, COUNT_NOUNS)} top ${countFigure(r)}`,
  (r) => `Authorities must keep their promise to release ${countFigure(r)} ${pick(r, COUNT_NOUNS)}`,
  (r) => `${pick(r, PCT_TOPICS).replace(/^./, (c) => c.toUpperCase())} up ${pctFigure(r)} in ${pick(r, PLACES)}`,
  (r) => `Ministry denies “pressure” led to release of ${int(r, 2, 60)} activists`,
  (r) => `${pick(r, ORGS).replace(/^t/, 'T')} pledges ${moneyFigure(r)} for ${pick(r, PLACES)}`,
  (r) => `${pick(r, PLACES)} police seize ${massFigure(r)} of ${pick(r, MASS_TOPICS)}`,
];

function paragraph(rng: Rng, y: number): string {
  const sentences: string[] = [];
  const n = int(rng, 1, 4);
  for (let i = 0; i < n; i++) {
    // About one sentence in five carries figures, as in the samples (about 4 numbers per KB).
    const template = rng() < 0.2 ? SENTENCES[int(rng, 0, FIGURE_TEMPLATES - 1)] : SENTENCES[int(rng, FIGURE_TEMPLATES, SENTENCES.length - 1)];
    sentences.push(template!(rng, y));
  }
  return sentences.join(' ');
}

export function generateArticle(seed: number): { title: string; publisher: string; date: string; text: string } {
  const rng = mulberry32(seed * 2654435761 + 1013904223);
  const y = int(rng, 2019, 2023);
  const month = int(rng, 0, 11);
  const day = int(rng, 1, 28);
  const date = `${y}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const publisher = pick(rng, PUBLISHERS);
  const title = pick(rng, TITLES)(rng).replace(/^./, (c) => c.toUpperCase());
  const byline = `${person(rng)} / ${publisher}`;
  const dateLine = rng() < 0.5 ? `${day} ${MONTHS[month]} ${y}` : `${MONTHS[month]} ${day}, ${y}`;
  // Sample articles run 2–8 KB: 6 to 22 paragraphs of 1–4 sentences.
  const paragraphs: string[] = [title, byline, dateLine];
  const count = int(rng, 6, 22);
  for (let i = 0; i < count; i++) paragraphs.push(paragraph(rng, y));
  if (rng() < 0.2) {
    paragraphs.push(`<sup>1</sup> <https://www.example-news.org/a/report-${int(rng, 1000000, 9999999)}.html>`);
  }
  return { title, publisher, date, text: paragraphs.join('\n\n') };
}

export function generateCorpus(count: number, seed = 1): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (let i = 0; i < count; i++) {
    const article = generateArticle(seed * 1_000_003 + i);
    out.push({ name: `${String(i).padStart(5, '0')}_${(seed >>> 0).toString(16)}.txt`, text: article.text });
  }
  return out;
}
