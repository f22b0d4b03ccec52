import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../shared/claims';
import { Claim } from '../../../../shared/domain/claim';

// The hand-labelled truth for the sample corpus, both read from the repo.
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const corpusDir = join(root, 'resources/sample-corpus');
const gold = JSON.parse(readFileSync(join(root, 'test/fixtures/gold/seeds-gold.json'), 'utf8')) as {
  articles: Record<string, {
    claims: Array<{ text: string; value: number; unit: string; qualifier: string; optional?: boolean }>;
    not_claims: string[];
  }>;
};

/** Every occurrence of `needle` in `text`. */
function occurrences(text: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push([i, i + needle.length]);
  return out;
}

const overlaps = (c: { start: number; end: number }, [s, e]: [number, number]): boolean => c.start < e && s < c.end;

describe('seeds gold', () => {
  it('covers every article in the sample corpus', () => {
    expect(Object.keys(gold.articles).sort()).toEqual(readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort());
  });

  for (const [file, truth] of Object.entries(gold.articles)) {
    describe(file, () => {
      const text = readFileSync(join(corpusDir, file), 'utf8');
      const claims = extractClaims(text);

      it('returns claims that validate against the schema, sorted by start', () => {
        for (const c of claims) Claim.parse(c);
        expect(claims.map((c) => c.start)).toEqual([...claims.map((c) => c.start)].sort((a, b) => a - b));
      });

      for (const g of truth.claims.filter((c) => !c.optional)) {
        it(`finds ${JSON.stringify(g.text)} = ${g.value} ${g.unit} (${g.qualifier})`, () => {
          const spans = occurrences(text, g.text);
          expect(spans.length, `gold surface not in text`).toBeGreaterThan(0);
          // At each place the surface appears, the claim overlapping it must carry the gold reading.
          const found = spans.map((s) => claims.find((c) => overlaps(c, s) && c.value === g.value && c.unit === g.unit && c.qualifier === g.qualifier));
          const got = spans.map((s) => claims.filter((c) => overlaps(c, s)).map((c) => `${c.text}=${c.value} ${c.unit} ${c.qualifier}`));
          expect(found.every(Boolean), JSON.stringify(got)).toBe(true);
        });
      }

      for (const g of truth.claims.filter((c) => c.optional)) {
        it(`reads optional ${JSON.stringify(g.text)} right if it reports it`, () => {
          for (const s of occurrences(text, g.text)) {
            for (const c of claims.filter((c) => overlaps(c, s))) {
              expect([c.value, c.unit, c.qualifier]).toEqual([g.value, g.unit, g.qualifier]);
            }
          }
        });
      }

      for (const not of truth.not_claims) {
        it(`does not report ${JSON.stringify(not)}`, () => {
          const spans = occurrences(text, not);
          expect(spans.length, `not_claim surface not in text`).toBeGreaterThan(0);
          const bad = claims.filter((c) => spans.some((s) => overlaps(c, s)));
          expect(bad.map((c) => c.text)).toEqual([]);
        });
      }
    });
  }
});
