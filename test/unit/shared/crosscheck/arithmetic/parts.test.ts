import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../../shared/claims';
import { buildView } from '../../../../../shared/crosscheck/arithmetic/context';
import { partsChecks } from '../../../../../shared/crosscheck/arithmetic/parts';
import { readSentence } from '../../../../../shared/crosscheck/arithmetic/reading';

/** The parts checks of `text`, in surfaces. */
function parts(text: string) {
  const view = buildView('a', text, extractClaims(text));
  return partsChecks(view, view.sentences.map(readSentence)).map((c) => ({
    subject: text.slice(c.subject.start, c.subject.end),
    inputs: c.inputs.map((r) => text.slice(r.start, r.end)),
    verdict: c.verdict,
    computed: c.computed,
    allowed: c.allowed,
    formula: c.formula,
    sentence: c.sentence,
  }));
}

describe('parts of a total', () => {
  it('"including": the parts may add up to less than the total', () => {
    expect(parts('Police arrested 27 people, including seven women, five teenagers and two foreigners.')).toEqual([{
      subject: '27', inputs: ['seven', 'five', 'two'], verdict: 'consistent', computed: 14,
      allowed: { low: null, high: 27, lowInclusive: true, highInclusive: true },
      formula: 'seven + five + two', sentence: 'The parts listed add up to 14 (seven + five + two), within the total of 27.',
    }]);
    expect(parts('Police arrested 12 people, including seven women, five teenagers and two foreigners.')[0]!.sentence)
      .toBe('The parts listed add up to 14 (seven + five + two), more than the total of 12.');
  });

  it('"were", "split between", ":": the parts must add up to the total', () => {
    expect(parts('The 40 victims were 24 men, 10 women and 5 children.')).toMatchObject([{
      subject: '40', verdict: 'inconsistent', computed: 39,
      sentence: 'The parts add up to 39 (24 + 10 + 5), not the stated total of 40 (which allows exactly 40).',
    }]);
    expect(parts('The council has 45 members: 20 from the ruling party, 15 from the opposition and 10 independents.')).toMatchObject([{ subject: '45', verdict: 'consistent', computed: 45 }]);
  });

  it('a total after the list, and a total in the previous sentence', () => {
    expect(parts('Rescuers found 18 men, 11 women and 4 children, a total of 33 survivors.')).toMatchObject([{
      subject: 'a total of 33', verdict: 'consistent', sentence: 'The parts add up to 33 (18 + 11 + 4): matches the stated total of 33.',
    }]);
    const text = 'Between Nov. 5 and Nov. 15, Cambodia released 27 political, environmental and social activists.\n\nThese included seven party officials, five youth activists and six environmentalists.';
    expect(parts(text)).toMatchObject([{ subject: '27', inputs: ['seven', 'five', 'six'], verdict: 'consistent', computed: 18 }]);
  });

  it('reads no total where the words do not give one', () => {
    expect(parts('The ministry hired 300 teachers and 150 nurses in 2022.')).toEqual([]);
    expect(parts('The 40 victims were 25 men, 10 women, 5 children.')).toEqual([]);
    expect(parts('Police arrested 5 people, including 30 women and 2 men.')).toEqual([]);
    expect(parts('The court freed 15 detainees and 4 monks. These included nine students and five journalists.')).toEqual([]);
  });
});
