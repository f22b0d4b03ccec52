import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bestAccepted, isPerfect, scoreCandidate, THRESHOLDS, WEIGHTS, type Sought } from '../../../../shared/anchoring/score';
import { containedSimilarity } from '../../../../shared/anchoring/similarity';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const corpusDir = join(root, 'resources/sample-corpus');
const articles = readdirSync(corpusDir).map((f) => readFileSync(join(corpusDir, f), 'utf8'));
const ARTICLE = articles[0] as string;

/** What describeTarget stores for text[start,end). */
function soughtAt(text: string, start: number, end: number, hint: number | undefined = start): Sought {
  return { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), hint };
}

describe('scoreCandidate', () => {
  const start = ARTICLE.indexOf('40,000');
  const sought = soughtAt(ARTICLE, start, start + 6);

  it('the quote with its whole context at its place scores 1 and is perfect', () => {
    const c = scoreCandidate(ARTICLE, start, start + 6, sought);
    expect(c).toMatchObject({ text: '40,000', score: 1, context: 1, quoteSimilarity: 1, figuresChanged: false, accepted: true });
    expect(isPerfect(c)).toBe(true);
  });

  it('weights quote 50, prefix 20, suffix 20, position 2', () => {
    expect(WEIGHTS).toEqual({ quote: 50, prefix: 20, suffix: 20, position: 2 });
    // Half a text away from the stored position costs half the position weight.
    const far = scoreCandidate(ARTICLE, start, start + 6, { ...sought, hint: start - ARTICLE.length / 2 });
    expect(far.score).toBeCloseTo(1 - 1 / 92, 6);
    // Without a prefix (the quote opened the text), the prefix weight leaves the sum rather than counting as agreement.
    const noPrefix = scoreCandidate(ARTICLE, start, start + 6, { ...sought, prefix: '', hint: start - ARTICLE.length / 2 });
    expect(noPrefix.score).toBeCloseTo(1 - 1 / 72, 6);
  });

  it('a changed figure is scored on the wording around it, and flagged', () => {
    const text = ARTICLE.replace('40,000', '38,990');
    const c = scoreCandidate(text, start, start + 6, sought);
    expect(c).toMatchObject({ text: '38,990', figuresChanged: true, quoteSimilarity: 1, context: 1, accepted: true });
  });

  it('a quote with no figure in it is never "changed", even when the span now holds one', () => {
    const s = ARTICLE.indexOf('prisoners in detention');
    const text = ARTICLE.replace('prisoners in detention', '3 prisoners in detention');
    const c = scoreCandidate(text, s, s + 24, soughtAt(ARTICLE, s, s + 22));
    expect(c.figuresChanged).toBe(false);
  });

  it('rejects a short exact quote whose context is unrelated, accepts a long one', () => {
    const other = articles[3] as string;
    const decoy = other.indexOf('38,990');
    const text = `${other.slice(0, decoy)}40,000${other.slice(decoy + 6)}`;
    const short = scoreCandidate(text, decoy, decoy + 6, sought);
    expect(short.quoteSimilarity).toBe(1);
    expect(short.context).toBeLessThan(THRESHOLDS.context);
    expect(short.accepted).toBe(false);

    // The same sentence moved to unrelated surroundings: the quote is evidence enough.
    const sentence = 'there are 40,000 prisoners in detention in the country';
    const s = ARTICLE.indexOf(sentence);
    const moved = `${other.slice(0, 200)} ${sentence}. ${other.slice(200)}`;
    const long = scoreCandidate(moved, 201, 201 + sentence.length, soughtAt(ARTICLE, s, s + sentence.length));
    expect(long.context).toBeLessThan(THRESHOLDS.context);
    expect(long.accepted).toBe(true);
  });

  it('accepts a short quote with one side of its context intact and the other replaced', () => {
    const p = ARTICLE.indexOf('General Department of Prisons spokesman');
    const sought2 = soughtAt(ARTICLE, p, p + 7); // "General" opens its paragraph: the prefix is the end of the one before
    // A paragraph of contact details inserted right before it shares nothing with the old prefix.
    const text = `${ARTICLE.slice(0, p)}Hotline: 012 345 678 / 097 555 1234.\n\n${ARTICLE.slice(p)}`;
    const at = text.indexOf('General Department of Prisons spokesman');
    const c = scoreCandidate(text, at, at + 7, sought2);
    expect(c.context).toBeLessThan(THRESHOLDS.context);
    expect(c.accepted).toBe(true);
    // The same with the intact side cut short (the quote near the end of the text) is not enough.
    const clipped = scoreCandidate(text.slice(0, at + 7 + 10), at, at + 7, { ...sought2, suffix: sought2.suffix.slice(0, 10) });
    expect(clipped.accepted).toBe(false);
  });

  it('needs strong context to call a different figure the same claim', () => {
    // Only the suffix survives: a different figure there is not the annotated one.
    const text = ARTICLE.replace('told The Post last week that there are 40,000', 'said on Monday that the prisons now hold 41,000');
    const at = text.indexOf('41,000');
    const c = scoreCandidate(text, at, at + 6, sought);
    expect(c.figuresChanged).toBe(true);
    expect(c.context).toBeLessThan(THRESHOLDS.changedContext);
    expect(c.accepted).toBe(false);
  });
});

describe('thresholds, calibrated on the sample corpus', () => {
  it('unrelated context never reaches the acceptance bars', () => {
    // Pairs of places in two different articles, sampled: the context each side of one compared
    // with the context each side of the other, as a decoy's would be. Places whose windows share a
    // 16-character phrase word for word ("Minister of Interior Sar Kheng") are not unrelated: the
    // intact-side rule accepts those on purpose, and only next to the exact quote.
    const shareAPhrase = (a: string, b: string): boolean => {
      for (let k = 0; k + 16 <= a.length; k++) if (b.includes(a.slice(k, k + 16))) return true;
      return false;
    };
    let maxMean = 0;
    let maxSide = 0;
    let sharing = 0;
    const means: number[] = [];
    articles.forEach((a, ia) => {
      articles.forEach((b, ib) => {
        if (ia >= ib) return;
        for (let i = 32; i + 32 <= a.length; i += 373) {
          for (let j = 32; j + 32 <= b.length; j += 379) {
            const [pa, sa, pb, sb] = [a.slice(i - 32, i), a.slice(i, i + 32), b.slice(j - 32, j), b.slice(j, j + 32)];
            if (shareAPhrase(pa, pb) || shareAPhrase(sa, sb)) {
              sharing += 1;
              continue;
            }
            const p = containedSimilarity(pb, pa);
            const s = containedSimilarity(sb, sa);
            maxSide = Math.max(maxSide, p, s);
            maxMean = Math.max(maxMean, (p + s) / 2);
            means.push((p + s) / 2);
          }
        }
      });
    });
    means.sort((x, y) => x - y);
    const median = means[Math.floor(means.length / 2)] as number;
    console.log(
      `unrelated context over ${means.length} pairs (${sharing} sharing a phrase left out): median ${median.toFixed(2)}, max mean ${maxMean.toFixed(2)}, max side ${maxSide.toFixed(2)}`,
    );
    expect(means.length).toBeGreaterThan(1000);
    expect(sharing).toBeLessThan(10);
    expect(median).toBeLessThan(0.4);
    expect(maxMean).toBeLessThan(THRESHOLDS.context);
    expect(maxSide).toBeLessThan(THRESHOLDS.intactSideSimilarity);
  });

  it('ordinary edits to the context keep it above the bars', () => {
    const i = ARTICLE.indexOf('40,000');
    const prefix = ARTICLE.slice(i - 32, i);
    expect(containedSimilarity(prefix.replace('Post', 'Pist'), prefix)).toBeGreaterThanOrEqual(THRESHOLDS.intactSideSimilarity); // a typo
    expect(containedSimilarity(prefix.replace(/ /g, '\n'), prefix)).toBeGreaterThanOrEqual(0.75); // every space reflowed
    const reworded = ARTICLE.slice(i - 40, i).replace('last week', 'on Friday').slice(-32);
    expect(containedSimilarity(reworded, prefix)).toBeGreaterThanOrEqual(THRESHOLDS.context); // two words replaced
  });
});

describe('bestAccepted', () => {
  it('takes the highest score, then the nearest to the stored position, never a rejected one', () => {
    const base = { text: 'x', figuresChanged: false, quoteSimilarity: 1, context: 1 };
    const cands = [
      { ...base, start: 10, end: 11, score: 0.9, accepted: true },
      { ...base, start: 50, end: 51, score: 0.9, accepted: true },
      { ...base, start: 90, end: 91, score: 0.99, accepted: false },
    ];
    expect(bestAccepted(cands, 45)?.start).toBe(50);
    expect(bestAccepted(cands, 12)?.start).toBe(10);
    expect(bestAccepted([{ ...base, start: 0, end: 1, score: 0.95, accepted: false }], 0)).toBeUndefined();
  });
});
