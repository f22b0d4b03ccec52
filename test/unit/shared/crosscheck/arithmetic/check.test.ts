import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../../shared/claims';
import { judge, makeCheck } from '../../../../../shared/crosscheck/arithmetic/check';
import { buildView } from '../../../../../shared/crosscheck/arithmetic/context';
import { ArithmeticCheck } from '../../../../../shared/domain/crosscheck';

describe('judge', () => {
  const allowed = { low: 18.5, high: 19.5, lowInclusive: true, highInclusive: false };
  it('is consistent when the inputs\' range meets what the wording allows', () => {
    expect(judge({ lo: 19.38, hi: 19.38 }, allowed)).toBe('consistent');
    expect(judge({ lo: 17, hi: 18.5 }, allowed)).toBe('consistent');
    expect(judge({ lo: 19.5, hi: 21 }, allowed)).toBe('inconsistent');
  });
});

describe('makeCheck', () => {
  const text = 'Burglaries rose 8 percent from 1,200 to 1,296 last year.';
  const view = buildView('article-7', text, extractClaims(text));
  const [p, old, next] = view.sentences[0]!.claims;

  it('builds a valid check with a stable id from the spans', () => {
    const check = makeCheck(view, {
      kind: 'percent-change', subject: p!, inputs: [next!, old!], formula: 'f', computed: 8, unit: 'percent',
      allowed: { low: 7.5, high: 8.5, lowInclusive: true, highInclusive: false }, verdict: 'consistent', sentence: 's.',
    });
    expect(ArithmeticCheck.parse(check)).toEqual(check);
    expect(check.id).toBe(`percent-change:${p!.start}-${p!.end}<${next!.start}-${next!.end}+${old!.start}-${old!.end}`);
    expect(check.subject).toEqual({ articleId: 'article-7', start: p!.start, end: p!.end });
    expect(check.inputs.map((r) => text.slice(r.start, r.end))).toEqual(['1,296', '1,200']);
  });

  it('gives a derived value no allowed interval', () => {
    const check = makeCheck(view, {
      kind: 'implied', subject: p!, inputs: [old!], formula: 'f', computed: 1296, unit: 'count',
      allowed: { low: 0, high: 1, lowInclusive: true, highInclusive: true }, verdict: 'derived', sentence: 's.',
    });
    expect(check.allowed).toBeNull();
  });
});
