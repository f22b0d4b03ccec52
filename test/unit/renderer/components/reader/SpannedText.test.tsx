import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SpannedText } from '../../../../../renderer/src/components/reader/SpannedText';
import { offsetOfPoint } from '../../../../../renderer/src/text/selection';
import type { TextSpan } from '../../../../../renderer/src/text/spans';

afterEach(cleanup);

const renderMark = (span: TextSpan) => ({ 'data-kind': span.kind, 'data-index': String(span.index) });

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
    // A mark's place in the text is its paragraph's offset plus the text before it.
    expect(marks.map((m) => offsetOfPoint(container, m.firstChild!, 0))).toEqual([0, 21]);
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

describe('SpannedText on a long text', () => {
  const paragraph = (i: number) => `Paragraph ${i} says 1,${String(i).padStart(3, '0')} prisoners were held, more than the year before.`;
  const text = Array.from({ length: 400 }, (_, i) => paragraph(i)).join('\n\n');
  const claimSpans: TextSpan[] = Array.from({ length: 400 }, (_, i) => {
    const start = text.indexOf(`1,${String(i).padStart(3, '0')} prisoners`);
    return { start, end: start + 5, kind: 'claim', index: i };
  });

  it('groups the paragraphs, in order and each once, into sections the browser can skip while out of view', () => {
    const { container } = render(<SpannedText text={text} spans={claimSpans} renderSpan={renderMark} />);
    const sections = [...container.querySelectorAll('.reader-section')];
    expect(sections.length).toBeGreaterThan(5);
    expect(sections.every((s) => s.querySelectorAll('p').length > 1)).toBe(true);
    expect([...container.querySelectorAll('p')].map((p) => p.textContent).join('\n\n')).toBe(text);
    expect(container.querySelectorAll('mark')).toHaveLength(400);
  });

  it('on an update, replaces only the paragraphs whose marks changed', () => {
    const selected = (index: number) => (span: TextSpan) => ({ 'data-index': String(span.index), 'aria-current': span.index === index ? 'true' : undefined });
    const { container, rerender } = render(<SpannedText text={text} spans={claimSpans} renderSpan={selected(10)} />);
    const before = [...container.querySelectorAll('p')];
    rerender(<SpannedText text={text} spans={claimSpans} renderSpan={selected(250)} />);
    const after = [...container.querySelectorAll('p')];
    expect(after.filter((p, i) => p !== before[i]).map((p) => p.textContent)).toEqual([paragraph(10), paragraph(250)]);
    expect(container.querySelector('mark[aria-current="true"]')!.getAttribute('data-index')).toBe('250');

    // A new text (the file was edited) is laid out afresh.
    const edited = text.replace('Paragraph 0 says', 'Paragraph 0 now says');
    rerender(<SpannedText text={edited} spans={[]} renderSpan={selected(250)} />);
    expect(container.querySelectorAll('mark')).toHaveLength(0);
    expect([...container.querySelectorAll('p')].map((p) => p.textContent).join('\n\n')).toBe(edited);
  });
});
