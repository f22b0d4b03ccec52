import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  extractMetadata,
  firstSentence,
  isRepeatedWordLine,
  parseBylineLine,
  trimAtWord,
} from '../../../../main/corpus/metadata';
import { normaliseText } from '../../../../main/corpus/normalise';
import { SAMPLE_CORPUS } from './fixtures';

const sample = (name: string) => extractMetadata(normaliseText(readFileSync(join(SAMPLE_CORPUS, name), 'utf8')));

describe('metadata of the sample corpus', () => {
  it('000: no headline line, so the first sentence is the title; The Post names itself twice', () => {
    const meta = sample('000_083e109e7a8c2a9d.txt');
    expect(meta.title).toBe('Minister of Interior Sar Kheng led a meeting with other ministries on Friday to tackle the issue of overcrowded prisons');
    expect(meta.publisher).toBe('The Post');
    expect(meta.byline).toBeNull();
    expect(meta.statedDate).toBeNull();
  });
  it('001: a long first sentence is cut at a word boundary; "February 23" is the date', () => {
    const meta = sample('001_45ad8d4c2d59c9f0.txt');
    expect(meta.title).toBe('Minister of Interior Sar Kheng has advised that municipal and provincial governors consult with relevant ministries to…');
    expect(meta.title.length).toBeLessThanOrEqual(121);
    expect(meta.publisher).toBeNull();
    expect(meta.statedDate).toEqual({ surface: 'February 23', year: null, month: 2, day: 23 });
  });
  it('002: skips the repeated-word advert line; byline and publisher from "Taing Vida / Khmer Times Share:"', () => {
    const meta = sample('002_131d7aa2d4a58d4a.txt');
    expect(meta.title).toBe('Sar Kheng cautions against freeing suspects in minor drug crimes');
    expect(meta.byline).toBe('Taing Vida');
    expect(meta.publisher).toBe('Khmer Times');
    expect(meta.statedDate).toBeNull();
  });
  it('003: skips the "JOINT STATEMENT" label and the date line; the two-line bold headline is the title', () => {
    const meta = sample('003_78519aec2665b739.txt');
    expect(meta.title).toBe('CAMBODIAN AUTHORITIES MUST KEEP THEIR PROMISE TO RELEASE 10,000 PRISONERS');
    expect(meta.publisher).toBe('Amnesty International');
    expect(meta.statedDate).toEqual({ surface: '23 July 2020', year: 2020, month: 7, day: 23 });
  });
  it('004: the first line is the headline; "Nov. 15" is the date; no publisher is stated', () => {
    const meta = sample('004_deb5ea4405a2ed8d.txt');
    expect(meta.title).toBe('Justice Ministry Denies “Pressure” Led to Release of 27 Activists');
    expect(meta.publisher).toBeNull();
    expect(meta.byline).toBeNull();
    expect(meta.statedDate).toEqual({ surface: 'Nov. 15', year: null, month: 11, day: 15 });
  });
});

describe('title heuristics', () => {
  it('prefers a declared heading', () => {
    expect(extractMetadata('Some text here that is long enough.', { title: 'Declared  title' }).title).toBe('Declared title');
  });
  it('skips labels, date lines, bylines, URLs and adverts above the headline', () => {
    const text = 'PRESS RELEASE\n\nhttps://example.org/x\n\nad ad ad ad\n\nMonday, 3 May 2021\n\nBy Jane Doe\n\nFloods close 40 schools in the north\n\nThe floods closed 40 schools, officials said on Tuesday.';
    const meta = extractMetadata(text);
    expect(meta.title).toBe('Floods close 40 schools in the north');
    expect(meta.byline).toBe('Jane Doe');
    expect(meta.statedDate).toMatchObject({ year: 2021, month: 5, day: 3 });
  });
  it('uses the first sentence of prose when there is no headline', () => {
    expect(extractMetadata('Mr. Smith said on Friday that 12 schools had closed. He added more.').title).toBe('Mr. Smith said on Friday that 12 schools had closed');
  });
  it('falls back to the given name when there are no words', () => {
    expect(extractMetadata('— — —', {}, 'report-2020').title).toBe('— — —');
    expect(extractMetadata('', {}, 'report-2020').title).toBe('report-2020');
  });
  it('trims at a word boundary', () => {
    expect(trimAtWord('alpha beta gamma delta', 12)).toBe('alpha beta…');
    expect(trimAtWord('short', 12)).toBe('short');
  });
  it('finds the first sentence, not fooled by abbreviations', () => {
    expect(firstSentence('On Nov. 15 Mr. Malin spoke. Then he left.')).toBe('On Nov. 15 Mr. Malin spoke.');
    expect(firstSentence('The U.S. Embassy said “no.” Others agreed.')).toBe('The U.S. Embassy said “no.”');
  });
  it('recognises repeated-word lines', () => {
    expect(isRepeatedWordLine('cellcard cellcard cellcard')).toBe(true);
    expect(isRepeatedWordLine('Buy now buy now')).toBe(true);
    expect(isRepeatedWordLine('Sar Kheng cautions against freeing suspects')).toBe(false);
  });
});

describe('bylines and publishers', () => {
  it.each([
    ['By Jane Doe', { byline: 'Jane Doe', publisher: null }],
    ['By Jane Doe, Reuters', { byline: 'Jane Doe', publisher: 'Reuters' }],
    ['By Jane Doe and John Roe | The Phnom Penh Post', { byline: 'Jane Doe and John Roe', publisher: 'The Phnom Penh Post' }],
    ['Taing Vida / Khmer Times Share:', { byline: 'Taing Vida', publisher: 'Khmer Times' }],
  ])('reads %j', (line, expected) => {
    expect(parseBylineLine(line)).toEqual(expected);
  });
  it.each(['Interior Minister Sar Kheng. KT/Chor Sokunthea', 'By the end of the week, officials said', 'by Friday'])('does not read %j as a byline', (line) => {
    expect(parseBylineLine(line)).toBeNull();
  });
  it('does not take a person named twice after "told" as the publisher', () => {
    const text = 'Title of the story here\n\nHe told Prime Minister Hun Sen about it. Later she told Prime Minister Hun Sen again.';
    expect(extractMetadata(text).publisher).toBeNull();
  });
  it('needs the self-reference twice', () => {
    expect(extractMetadata('Headline about prisons today\n\nA spokesman told The Post on Monday that it was fine.').publisher).toBeNull();
  });
  it('takes a statement’s issuer only under a statement label', () => {
    const body = 'Human Rights Watch urges the government to act. Human Rights Watch said so before.';
    expect(extractMetadata(`PRESS RELEASE\n\nGovernment must act on prisons now\n\n${body}`).publisher).toBe('Human Rights Watch');
    expect(extractMetadata(`Government must act on prisons now\n\n${body}`).publisher).toBeNull();
  });
  it('prefers declared hints', () => {
    const meta = extractMetadata('Headline here for the test\n\nBy Jane Doe', { publisher: 'VOD', byline: 'Someone Else', date: '2022-02-23' });
    expect(meta).toMatchObject({ publisher: 'VOD', byline: 'Someone Else', statedDate: { year: 2022, month: 2, day: 23 } });
  });
});

describe('dates in the text', () => {
  it('reads a labelled date near the top', () => {
    expect(extractMetadata('Headline about the budget\n\nreport date 2017-02-21 by the ministry, which said many things at length here.').statedDate).toMatchObject({
      surface: '2017-02-21',
      year: 2017,
    });
  });
  it('does not take a month and year as a publication date', () => {
    expect(extractMetadata('Headline about the budget\n\nAs recently as June 2021 the ministry said 39,000 people were held.').statedDate).toBeNull();
  });
});
