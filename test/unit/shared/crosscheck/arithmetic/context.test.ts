import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../../shared/claims';
import {
  buildView, isRange, normalise, ownQuantityHead, quantitiesAgree, quantitiesConflict, refOf, sameQuantity,
} from '../../../../../shared/crosscheck/arithmetic/context';
import type { QuantityRef } from '../../../../../shared/domain/claim';

const q = (phrase: string): QuantityRef => ({ phrase, key: phrase, head: phrase, start: 0, end: phrase.length });

describe('buildView', () => {
  it('groups usable claims by sentence, with the normalised words between them', () => {
    const text = 'Burglaries rose 8 percent from 1,200 to 1,296.\n\nThe 40 victims were 25 men, 10 women and 5 children.';
    const view = buildView('a', text, extractClaims(text));
    expect(view.sentences.map((s) => s.claims.map((c) => c.text))).toEqual([['8 percent', '1,200', '1,296'], ['40', '25', '10', '5']]);
    expect(view.sentences[0]!.glue).toEqual(['burglaries rose ', ' from ', ' to ', '.']);
    expect(view.sentences.map((s) => s.order)).toEqual([0, 1]);
    const second = view.sentences[1]!;
    expect(view.place.get(second.claims[2]!)).toEqual({ sentence: second, index: 2 });
    expect(refOf(view, second.claims[0]!)).toEqual({ articleId: 'a', start: second.claims[0]!.start, end: second.claims[0]!.end });
  });

  it('drops claims it cannot rely on: outside the text, broken numbers, durations, overlaps', () => {
    const text = 'Crime rose 19 percent over three years, to 9,572.';
    const claims = extractClaims(text);
    const years = claims.find((c) => c.kind === 'duration');
    expect(years).toBeDefined();
    const outside = { ...claims[0]!, start: 500, end: 510 };
    const broken = { ...claims[0]!, value: Number.NaN };
    const overlapping = { ...claims[0]!, start: claims[0]!.start + 1, text: claims[0]!.text.slice(1) };
    const view = buildView('a', text, [...claims, outside, broken, overlapping]);
    expect(view.sentences.flatMap((s) => s.claims.map((c) => c.text))).toEqual(['19 percent', '9,572']);
  });
});

describe('normalise', () => {
  it('lowers case, unifies quotes and dashes, collapses spaces', () => {
    expect(normalise('Last Year’s\u00A0 TOTAL — up')).toBe("last year's total – up");
  });

  it('keeps only the two ends of a long stretch', () => {
    const long = `${'a '.repeat(500)}rose by `;
    const out = normalise(long);
    expect(out.length).toBeLessThanOrEqual(250);
    expect(out.endsWith('rose by ')).toBe(true);
    expect(out).toContain(' … ');
  });
});

describe('quantities', () => {
  it('conflict when the head nouns differ, or one head has different modifiers', () => {
    expect(quantitiesConflict(q('Car sales'), q('Truck sales'))).toBe(true);
    expect(quantitiesConflict(q('drug-related crimes'), q('arrests'))).toBe(true);
    expect(quantitiesConflict(q('nationwide prison population'), q('Cambodia’s prison population'))).toBe(false);
    expect(quantitiesConflict(q('drug seizures'), q('seizures'))).toBe(false);
  });

  it('never conflict on a generic counter or a missing quantity', () => {
    expect(quantitiesConflict(q('drug-related crimes'), q('cases'))).toBe(false);
    expect(quantitiesConflict(q('the number of people'), q('prisoners'))).toBe(false);
    expect(quantitiesConflict(null, q('prisoners'))).toBe(false);
  });

  it('agree on one head noun with no conflicting modifier, and only then', () => {
    expect(quantitiesAgree(q('nationwide prison population'), q('Cambodia’s prison population'))).toBe(true);
    expect(quantitiesAgree(q('burglaries in the capital'), q('burglaries'))).toBe(true);
    expect(quantitiesAgree(q('cases'), q('cases'))).toBe(false);
    expect(quantitiesAgree(q('Car sales'), q('Truck sales'))).toBe(false);
    expect(quantitiesAgree(null, null)).toBe(false);
  });

  it('knows a figure\'s own noun from a borrowed one', () => {
    const text = 'It said 9,572 cases were recorded, compared with 8,018 in 2018.';
    const [cases, earlier] = extractClaims(text);
    expect(ownQuantityHead(cases!)).toBe('case');
    expect(ownQuantityHead(earlier!)).toBeNull();
    expect(sameQuantity(cases!, earlier!)).toBe(true);
    const mixed = extractClaims('Arrivals rose to 1,200 visitors from 12 countries.');
    expect(sameQuantity(mixed[0]!, mixed[1]!)).toBe(false);
  });

  it('marks range claims', () => {
    expect(isRange(extractClaims('Between 200 and 300 people came.')[0]!)).toBe(true);
    expect(isRange(extractClaims('About 300 people came.')[0]!)).toBe(false);
  });
});
