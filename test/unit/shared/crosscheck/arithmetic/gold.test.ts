import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../../shared/claims';
import { checkArithmetic } from '../../../../../shared/crosscheck/arithmetic';
import { ArithmeticCheck } from '../../../../../shared/domain/crosscheck';

// The hand-labelled arithmetic of the sample corpus, both read from the repo.
const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const corpusDir = join(root, 'resources/sample-corpus');
const gold = JSON.parse(readFileSync(join(root, 'test/fixtures/gold/seeds-gold.json'), 'utf8')) as {
  arithmetic: Array<{ article: string; claim: string; inputs: string[]; computed: number; expect: string }>;
};

const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
const texts = new Map(files.map((f) => [f, readFileSync(join(corpusDir, f), 'utf8')]));
const checksOf = new Map(files.map((f) => {
  const text = texts.get(f)!;
  return [f, checkArithmetic({ articleId: f, text, claims: extractClaims(text) })];
}));

type Span = { start: number; end: number };
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Every place `needle` is written in `text`. */
function occurrences(text: string, needle: string): Span[] {
  const out: Span[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push({ start: i, end: i + needle.length });
  return out;
}

/** Half a unit of the gold value's last written decimal: 19.38 → 0.005, 2315789474 → 0.5. */
function tolerance(value: number): number {
  const decimals = (String(value).split('.')[1] ?? '').length;
  return 0.5 * 10 ** -decimals + 1e-9;
}

describe('arithmetic on the sample corpus (seeds gold)', () => {
  for (const g of gold.arithmetic) {
    const verdict = /^(consistent|inconsistent|derived)/.exec(g.expect)![1];
    it(`${g.article}: ${g.claim} ← ${g.inputs.join(', ')} = ${g.computed} (${verdict})`, () => {
      const text = texts.get(g.article);
      expect(text, 'article in the sample corpus').toBeDefined();
      const subjects = occurrences(text!, g.claim);
      expect(subjects.length, 'gold surface in the text').toBeGreaterThan(0);
      const found = checksOf.get(g.article)!.filter((c) => subjects.some((s) => overlaps(c.subject, s))
        && g.inputs.every((input) => c.inputs.some((r) => occurrences(text!, input).some((s) => overlaps(r, s))))
        && c.inputs.length === g.inputs.length);
      const seen = checksOf.get(g.article)!.map((c) => `${c.kind} ${text!.slice(c.subject.start, c.subject.end)} ← ${c.inputs.map((r) => text!.slice(r.start, r.end)).join(', ')}`);
      expect(found.length, `checks of the article: ${JSON.stringify(seen)}`).toBe(1);
      const check = found[0]!;
      expect(check.verdict).toBe(verdict);
      expect(Math.abs(check.computed - g.computed), `computed ${check.computed}`).toBeLessThanOrEqual(tolerance(g.computed));
      expect(check.allowed === null).toBe(verdict === 'derived');
    });
  }

  it('finds no inconsistency anywhere in the sample corpus', () => {
    const inconsistent = [...checksOf].flatMap(([f, checks]) => checks.filter((c) => c.verdict === 'inconsistent').map((c) => `${f}: ${c.sentence}`));
    expect(inconsistent).toEqual([]);
  });

  it('returns checks that validate, in subject order, with unique ids and readable formulas', () => {
    for (const [f, checks] of checksOf) {
      for (const c of checks) {
        expect(ArithmeticCheck.safeParse(c).success, c.id).toBe(true);
        expect(c.articleId).toBe(f);
        expect(c.formula).toMatch(/[−÷×+]/);
        expect(c.sentence).toMatch(/^[A-Z$€£].*\.$/);
      }
      expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
      expect(checks.map((c) => c.subject.start)).toEqual([...checks.map((c) => c.subject.start)].sort((a, b) => a - b));
    }
  });

  it('finds the same checks whatever article date the claims were read with', () => {
    // Relative times ("last year") resolve against the date; the checks rely only on stated years.
    for (const documentDate of ['2020-01-09', '2020-07-23', '2022-02-25']) {
      for (const [f, text] of texts) {
        const again = checkArithmetic({ articleId: f, text, claims: extractClaims(text, { documentDate }) });
        expect(again.map((c) => [c.id, c.verdict, c.computed]), `${f} read on ${documentDate}`).toEqual(checksOf.get(f)!.map((c) => [c.id, c.verdict, c.computed]));
      }
    }
  });

  it('writes the figures as the text does', () => {
    const all = [...checksOf.values()].flat();
    const formulas = all.map((c) => c.formula);
    expect(formulas).toContain('(9,572 − 8,018) ÷ 8,018 × 100');
    expect(formulas).toContain('(38,990 − 21,900) ÷ 21,900 × 100');
    expect(formulas).toContain('$6.6 billion ÷ (1 + 185 ÷ 100)');
    expect(all.find((c) => c.formula === '(9,572 − 8,018) ÷ 8,018 × 100')!.sentence).toBe('Up 19.4% from 8,018 to 9,572: rounds to the stated 19 percent.');
    expect(all.find((c) => c.formula.startsWith('$6.6 billion'))!.sentence).toContain('about $2.3 billion in 2010');
    expect(all.find((c) => c.kind === 'implied' && c.unit === 'count')!.sentence).toContain('more than 35,000');
  });
});
