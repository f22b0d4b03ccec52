import { describe, expect, it } from 'vitest';
import { quantityAfter, quantityBefore, singular } from '../../../../shared/claims/quantity';

describe('quantity', () => {
  it('singularises', () => {
    expect(['prisoners', 'people', 'activities', 'cases', 'children', 'crises', 'boxes'].map(singular)).toEqual(['prisoner', 'person', 'activity', 'case', 'child', 'crisis', 'box']);
  });
  it('reads the phrase after a figure', () => {
    const t = '40,000 prisoners in detention';
    expect(quantityAfter(t, 6, t.length, false)).toMatchObject({ phrase: 'prisoners', key: 'prisoner', head: 'prisoner' });
    const u = '5,974 drug crimes involving';
    expect(quantityAfter(u, 5, u.length, false)?.key).toBe('drug crime');
  });
  it('reads "of" phrases for measures and keeps the participle', () => {
    const t = '1.5 tonnes of illicit drugs';
    expect(quantityAfter(t, 10, t.length, true)).toMatchObject({ phrase: 'illicit drugs', key: 'drug' });
    const u = '20,000 suspects were arrested';
    expect(quantityAfter(u, 6, u.length, false)?.phrase).toBe('suspects arrested');
  });
  it('falls back to "capacity of" and to the subject of a change verb', () => {
    const t = 'an estimated capacity of just 26,593';
    expect(quantityBefore(t, 0, t.indexOf('just'))?.key).toBe('capacity');
    const u = 'the number of drug-related crimes in 2019 rose by 19 percent';
    expect(quantityBefore(u, 0, u.indexOf('19 percent'))?.key).toBe('drug-related crime');
  });
});
