import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SpannedText } from '../../../../../renderer/src/components/reader/SpannedText';
import type { TextSpan } from '../../../../../renderer/src/text/spans';

afterEach(cleanup);

const renderMark = (span: TextSpan, children: ReactNode) => (
  <mark data-kind={span.kind} data-index={span.index}>
    {children}
  </mark>
);

describe('SpannedText', () => {
  it('renders one paragraph per block with the exact text and offsets', () => {
    const text = 'Title line\n\nFirst para\nsecond line.\n\nLast.';
    const { container } = render(<SpannedText text={text} spans={[]} renderSpan={renderMark} />);
    const paragraphs = [...container.querySelectorAll('p')];
    expect(paragraphs.map((p) => p.textContent)).toEqual(['Title line', 'First para\nsecond line.', 'Last.']);
    expect(paragraphs.map((p) => Number(p.dataset.offset))).toEqual([0, 12, text.indexOf('Last.')]);
  });

  it('wraps each span in its mark, at the exact characters', () => {
    const text = 'Capacity was 26,593; capacity is now 27,000.';
    const spans: TextSpan[] = [
      { start: 0, end: 8, kind: 'hit', index: 0 },
      { start: 21, end: 29, kind: 'hit', index: 1 },
    ];
    const { container } = render(<SpannedText text={text} spans={spans} renderSpan={renderMark} />);
    const marks = [...container.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['Capacity', 'capacity']);
    expect(marks.map((m) => m.dataset.index)).toEqual(['0', '1']);
    expect(container.querySelector('p')!.textContent).toBe(text);
    // Each marked run records where it starts in the text.
    expect(marks.map((m) => Number(m.closest('[data-offset]')!.getAttribute('data-offset')))).toEqual([0, 21]);
  });

  it('nests overlapping spans, outermost first', () => {
    const text = 'rose by 19 percent';
    const spans: TextSpan[] = [
      { start: 0, end: 18, kind: 'claim', index: 0 },
      { start: 8, end: 10, kind: 'hit', index: 0 },
    ];
    const { container } = render(<SpannedText text={text} spans={spans} renderSpan={renderMark} />);
    const inner = container.querySelector('mark[data-kind="claim"] > mark[data-kind="hit"]');
    expect(inner?.textContent).toBe('19');
    const claimPieces = [...container.querySelectorAll('mark[data-kind="claim"]')].map((m) => m.textContent);
    expect(claimPieces.join('')).toBe(text);
  });
});
