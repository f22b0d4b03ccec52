import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../../shared/claims';
import type { Claim } from '../../../../../shared/domain/claim';
import { buildView } from '../../../../../shared/crosscheck/arithmetic/context';
import { readSentence } from '../../../../../shared/crosscheck/arithmetic/reading';
import { shareChecks, skeleton } from '../../../../../shared/crosscheck/arithmetic/share';

/** The share checks of `text`, in surfaces; `used` are percentages another check already read. */
function shares(text: string, usedSurfaces: string[] = []) {
  const claims = extractClaims(text);
  const view = buildView('a', text, claims);
  const used = new Set<Claim>(claims.filter((c) => usedSurfaces.includes(c.text)));
  return shareChecks(view, view.sentences.map(readSentence), used).map((c) => ({
    kind: c.kind,
    subject: text.slice(c.subject.start, c.subject.end),
    inputs: c.inputs.map((r) => text.slice(r.start, r.end)),
    verdict: c.verdict,
    computed: Number(c.computed.toFixed(4)),
    sentence: c.sentence,
  }));
}

describe('skeleton', () => {
  it('writes the sentence with «i» for its i-th figure', () => {
    const text = 'Of the 1,200 respondents, 540 (45%) said they approved.';
    expect(skeleton(buildView('a', text, extractClaims(text)).sentences[0]!)).toBe('of the «0» respondents, «1» («2») said they approved.');
  });
});

describe('shares with their part and whole', () => {
  it.each([
    ['Almost 240 of the 250 villages, or 96%, now have electricity.', '96%', ['Almost 240', '250']],
    ['About 60% of the 2,400 workers, roughly 1,450 people, lost their jobs.', 'About 60%', ['roughly 1,450', '2,400']],
    ['Of the 1,200 respondents, 540 (45%) said they approved.', '45%', ['540', '1,200']],
    ['The company cut 2,300 jobs, about 8 percent of its 28,000 workforce.', 'about 8 percent', ['2,300', '28,000']],
  ])('%s', (text, subject, inputs) => {
    expect(shares(text)).toMatchObject([{ kind: 'share', subject, inputs, verdict: 'consistent' }]);
  });

  it('says what the share should have been', () => {
    expect(shares('Of the 1,236 respondents, 412 (41%) said they trusted the police.')).toEqual([{
      kind: 'share', subject: '41%', inputs: ['412', '1,236'], verdict: 'inconsistent', computed: 33.3333,
      sentence: '412 of 1,236 is 33.3%, not “41%” (which allows 40.5% to 41.5%).',
    }]);
    expect(shares('A third of the 1,500 households surveyed, 512, had no running water.')[0]!.sentence).toBe('512 of 1,500 is 34.1%: fits “a third”.');
  });

  it('reads nothing when a part is bigger than its whole, or the percentage is already read', () => {
    expect(shares('Some 3,000 of the 250 villages, or 96%, now have electricity.')).toEqual([]);
    expect(shares('The hospital, built for 400 patients, treated 620, or 155% of its capacity.', ['155%'])).toEqual([]);
  });
});

describe('a whole the text implies', () => {
  it('derives the whole from a part and its share', () => {
    expect(shares('More than 3,500 cases have been cleared – less than 10% of the pending cases.')).toEqual([{
      kind: 'implied', subject: 'less than 10%', inputs: ['More than 3,500'], verdict: 'derived', computed: 35000,
      sentence: 'More than 3,500 being less than 10% of the pending cases puts the pending cases at more than 35,000 (3,500 ÷ 10 × 100).',
    }]);
    expect(shares('Police cleared 2,400 cases, about 15% of the total.')).toMatchObject([{ computed: 16000, verdict: 'derived' }]);
  });

  it('derives nothing when the whole is another quantity or has a figure', () => {
    expect(shares('Police cleared 2,400 cases, about 15% of the backlog of appeals.')).toEqual([]);
    expect(shares('The army said 1,500 soldiers, 40% of the force, had been deployed.')).toEqual([]);
    expect(shares('The school has 1,200 students, 55% of them girls.')).toEqual([]);
  });
});
