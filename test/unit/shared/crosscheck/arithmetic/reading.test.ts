import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../../shared/claims';
import { buildView } from '../../../../../shared/crosscheck/arithmetic/context';
import { freePair, readSentence } from '../../../../../shared/crosscheck/arithmetic/reading';

/** How the first sentence of `text` reads, in surfaces. */
function read(text: string) {
  const view = buildView('a', text, extractClaims(text));
  const reading = readSentence(view.sentences[0]!);
  const s = reading.sentence;
  return {
    reading,
    clauses: reading.clauses.map((c) => ({
      percent: c.percent ? `${c.percent.claim.text} ${c.percent.direction}` : null,
      absolute: c.absolute ? `${c.absolute.claim.text} ${c.absolute.direction}` : null,
      old: c.old?.text ?? null,
      new: c.new?.text ?? null,
      ambiguous: c.ambiguous,
    })),
    roles: s.claims.map((c, i) => `${c.text}:${reading.changes.has(i) ? 'change' : reading.roles[i] ?? '-'}`),
  };
}

describe('readSentence', () => {
  it.each([
    ['Burglaries rose 8 percent from 1,200 to 1,296 last year.', { percent: '8 percent up', absolute: null, old: '1,200', new: '1,296', ambiguous: false }],
    ["Sales were $4.2 million, down 5% on last year's $4.4 million.", { percent: '5% down', absolute: null, old: '$4.4 million', new: '$4.2 million', ambiguous: false }],
    ['Revenue increased 12% year on year to $8.4 billion, compared with $7.5 billion in 2021.', { percent: '12% up', absolute: null, old: '$7.5 billion', new: '$8.4 billion', ambiguous: false }],
    ['Cases declined from 9,000 in 2019 to 7,500 in 2020, a drop of 16.7%.', { percent: '16.7% down', absolute: null, old: '9,000', new: '7,500', ambiguous: false }],
    ['Exports rose to $6.6 billion in 2020, a 185 percent increase since 2010.', { percent: '185 percent up', absolute: null, old: null, new: '$6.6 billion', ambiguous: false }],
    ['Enrolment increased by 1,554, or 19%, to 9,572 students.', { percent: '19% up', absolute: '1,554 up', old: null, new: '9,572', ambiguous: false }],
    ['Inflation rose 0.6 percentage points to 3.2% in March from 2.6% in February.', { percent: null, absolute: '0.6 percentage points up', old: '2.6%', new: '3.2%', ambiguous: false }],
  ])('%s', (text, clause) => {
    expect(read(text).clauses).toEqual([clause]);
  });

  it('reads a bare comparison as two values with no change', () => {
    const { clauses, reading } = read('It said more than 20,000 suspects were arrested in 9,572 cases last year compared with 8,018 recorded in 2018.');
    expect(clauses).toEqual([{ percent: null, absolute: null, old: '8,018', new: '9,572', ambiguous: false }]);
    expect(freePair(reading.clauses[0]!)).toMatchObject({ bare: true });
    const moved = read('Truck sales rose from 1,000 in 2021 to 1,300 in 2022.');
    expect(freePair(moved.reading.clauses[0]!)).toMatchObject({ bare: false });
  });

  it('splits clauses where a new subject starts', () => {
    const { clauses } = read('Thefts rose 4% while burglaries fell from 1,200 to 1,150.');
    expect(clauses).toEqual([
      { percent: '4% up', absolute: null, old: null, new: null, ambiguous: false },
      { percent: null, absolute: null, old: '1,200', new: '1,150', ambiguous: false },
    ]);
    expect(read('Revenue rose 10% to $5.5 billion, and net profit rose 25% to $1.2 billion from $960 million.').clauses).toHaveLength(2);
  });

  it('leaves a clause with two changes, or two candidates for an end, unread', () => {
    expect(read('Exports rose 12% and imports 8% to $3.1 billion from $2.5 billion.').clauses[0]!.ambiguous).toBe(true);
    expect(read('Visitors rose 20% in 2019, to 6.6 million, then fell 80% in 2020 to 1.3 million.').clauses[0]!.ambiguous).toBe(true);
  });

  it('takes a rate compared with a rate as a level, not a change', () => {
    expect(read('Prices rose 5.2% in the year to March, up from 4.8% in February.').roles).toEqual(['5.2%:new', '4.8%:old']);
  });

  it('reads "P% higher than A" as a change on A, though the engine takes "higher than" as A\'s qualifier', () => {
    expect(read('Police recorded 9,572 cases, 19% lower than 8,018 in 2018.').clauses).toEqual([
      { percent: '19% down', absolute: null, old: 'lower than 8,018', new: '9,572', ambiguous: false },
    ]);
  });

  it('marks the quantities of two values that cannot be one change as ambiguous', () => {
    expect(read('Tourist arrivals rose 5% to 1.2 million visitors from 12 countries.').clauses[0]!.ambiguous).toBe(true);
  });
});
