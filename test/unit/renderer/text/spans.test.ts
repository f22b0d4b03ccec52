import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphRanges, segmentText, type TextSpan } from '../../../../renderer/src/text/spans';

const hit = (start: number, end: number, index = 0, kind = 'hit'): TextSpan => ({ start, end, kind, index });

/** Reassemble what each run covers, with its span indexes, to compare against expectations. */
const describeRuns = (text: string, spans: TextSpan[]) =>
  segmentText(text, spans).map((p) => p.runs.map((r) => [r.text, r.spans.map((s) => `${s.kind}${s.index}`).join('+')]));

describe('paragraphRanges', () => {
  it('splits on blank lines and keeps exact offsets', () => {
    const text = 'First para.\n\nSecond para\nwith a line break.\n\n\n\nThird.';
    const ranges = paragraphRanges(text);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['First para.', 'Second para\nwith a line break.', 'Third.']);
    expect(ranges[1]!.start).toBe(text.indexOf('Second'));
  });

  it('ignores leading and trailing blank lines and whitespace-only paragraphs', () => {
    const text = '\n\n\n  \nTitle\n\n \n\nBody\n\n';
    expect(paragraphRanges(text).map((r) => text.slice(r.start, r.end))).toEqual(['Title', 'Body']);
  });

  it('returns nothing for empty text', () => {
    expect(paragraphRanges('')).toEqual([]);
    expect(segmentText('', [hit(0, 3)])).toEqual([]);
  });
});

describe('segmentText', () => {
  it('marks exactly the characters of each span', () => {
    const text = 'The capacity is 26,593 people.';
    const start = text.indexOf('26,593');
    const [paragraph] = segmentText(text, [hit(start, start + 6)]);
    expect(paragraph!.runs.map((r) => r.text)).toEqual(['The capacity is ', '26,593', ' people.']);
    const marked = paragraph!.runs[1]!;
    expect([marked.start, marked.end]).toEqual([start, start + 6]);
    expect(text.slice(marked.start, marked.end)).toBe('26,593');
  });

  it('covers the whole paragraph with contiguous runs', () => {
    const text = 'abcdefghij';
    const runs = segmentText(text, [hit(2, 5), hit(4, 8, 1)])[0]!.runs;
    expect(runs.map((r) => r.text).join('')).toBe(text);
    runs.forEach((run, i) => {
      if (i > 0) expect(run.start).toBe(runs[i - 1]!.end);
    });
  });

  it('splits overlapping spans into runs covered by both', () => {
    expect(describeRuns('abcdefghij', [hit(2, 6, 0), hit(4, 8, 1)])).toEqual([
      [
        ['ab', ''],
        ['cd', 'hit0'],
        ['ef', 'hit0+hit1'],
        ['gh', 'hit1'],
        ['ij', ''],
      ],
    ]);
  });

  it('keeps adjacent spans separate', () => {
    expect(describeRuns('abcdef', [hit(0, 3, 0), hit(3, 6, 1)])).toEqual([
      [
        ['abc', 'hit0'],
        ['def', 'hit1'],
      ],
    ]);
  });

  it('nests a span inside another, keeping the given order (outermost first)', () => {
    expect(describeRuns('abcdefgh', [hit(0, 8, 0, 'claim'), hit(3, 5, 0)])).toEqual([
      [
        ['abc', 'claim0'],
        ['de', 'claim0+hit0'],
        ['fgh', 'claim0'],
      ],
    ]);
  });

  it('clips a span that crosses a paragraph break and never marks the break', () => {
    const text = 'one two\n\nthree four';
    const spans = [hit(4, 14)]; // "two\n\nthree"
    const paragraphs = segmentText(text, spans);
    expect(paragraphs.map((p) => p.runs.map((r) => [r.text, r.spans.length]))).toEqual([
      [
        ['one ', 0],
        ['two', 1],
      ],
      [
        ['three', 1],
        [' four', 0],
      ],
    ]);
    expect(paragraphs[1]!.start).toBe(9);
  });

  it('drops empty, reversed and out-of-range spans without throwing', () => {
    const text = 'short';
    expect(describeRuns(text, [hit(2, 2), hit(4, 1), hit(10, 20), hit(3, 99, 1)])).toEqual([
      [
        ['sho', ''],
        ['rt', 'hit1'],
      ],
    ]);
  });

  it('uses UTF-16 offsets (surrogate pairs count twice)', () => {
    const text = '😀 rose 19%';
    const start = text.indexOf('19%');
    expect(start).toBe(8);
    const runs = segmentText(text, [hit(start, start + 3)])[0]!.runs;
    expect(runs[1]!.text).toBe('19%');
  });

  it('nests the reader’s three layers (annotation, claim, hit) and splits where they cross', () => {
    // "more than 38,990": an annotation starting before the claim and ending inside it, a hit inside.
    const text = 'held more than 38,990 prisoners';
    const claim = { start: 5, end: 21, kind: 'claim', index: 0 };
    const note = { start: 0, end: 14, kind: 'note', index: 0 };
    const hitSpan = { start: 15, end: 17, kind: 'hit', index: 0 };
    expect(describeRuns(text, [note, claim, hitSpan])).toEqual([
      [
        ['held ', 'note0'],
        ['more than', 'note0+claim0'],
        [' ', 'claim0'],
        ['38', 'claim0+hit0'],
        [',990', 'claim0'],
        [' prisoners', ''],
      ],
    ]);
    // Whatever the layers, the runs cover the paragraph exactly once and in order.
    const runs = segmentText(text, [note, claim, hitSpan])[0]!.runs;
    expect(runs.map((r) => r.text).join('')).toBe(text);
  });

  it('keeps two annotations on the same claim apart, outer (longer) one first when given first', () => {
    const text = 'about 40,000 people';
    const wide = { start: 0, end: 19, kind: 'note', index: 0 };
    const narrow = { start: 6, end: 12, kind: 'note', index: 1 };
    const claim = { start: 0, end: 12, kind: 'claim', index: 0 };
    expect(describeRuns(text, [wide, narrow, claim])).toEqual([
      [
        ['about ', 'note0+claim0'],
        ['40,000', 'note0+note1+claim0'],
        [' people', 'note0'],
      ],
    ]);
  });
});

describe('segmentText against a character-by-character reference', () => {
  /** Runs by definition: each character's covering spans (in the given order), equal neighbours grouped. */
  function referenceRuns(text: string, spans: TextSpan[]) {
    return paragraphRanges(text).map(({ start, end }) => {
      const runs: Array<{ start: number; end: number; spans: TextSpan[] }> = [];
      for (let at = start; at < end; at++) {
        const covering = spans.filter((s) => s.start <= at && at < s.end);
        const last = runs[runs.length - 1];
        if (last && last.spans.length === covering.length && last.spans.every((s, i) => s === covering[i])) last.end = at + 1;
        else runs.push({ start: at, end: at + 1, spans: covering });
      }
      return runs;
    });
  }

  it('gives the same runs for any text and spans', () => {
    const textArb = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\n\n'), { maxLength: 40 }).map((parts) => parts.join(''));
    const spanArb = fc.record({ start: fc.integer({ min: -3, max: 45 }), end: fc.integer({ min: -3, max: 45 }), kind: fc.constantFrom('note', 'claim', 'hit'), index: fc.nat(5) });
    fc.assert(
      fc.property(textArb, fc.array(spanArb, { maxLength: 8 }), (text, spans) => {
        const actual = segmentText(text, spans).map((p) => p.runs.map((r) => ({ start: r.start, end: r.end, spans: r.spans })));
        expect(actual).toEqual(referenceRuns(text, spans));
        for (const paragraph of segmentText(text, spans)) for (const run of paragraph.runs) expect(run.text).toBe(text.slice(run.start, run.end));
      }),
      { numRuns: 500 },
    );
  });
});
