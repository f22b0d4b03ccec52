import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SpannedText } from '../../../../renderer/src/components/reader/SpannedText';
import { offsetOfPoint, selectionToRange } from '../../../../renderer/src/text/selection';
import type { TextSpan } from '../../../../renderer/src/text/spans';

afterEach(() => {
  window.getSelection()?.removeAllRanges();
  cleanup();
});

const TEXT = 'Prisons hold 39,000\n\nIn March 2020 more than 38,990 prisoners were held.\n\nCapacity: 26,593.';

const renderMark = (span: TextSpan) => ({ 'data-kind': span.kind, 'data-badge': '⚑' });

/** The reader's text with a claim, a nested hit and an annotation crossing the claim's edge. */
function renderText() {
  const claim = TEXT.indexOf('more than 38,990');
  const spans: TextSpan[] = [
    { start: claim - 5, end: claim + 9, kind: 'note', index: 0 },
    { start: claim, end: claim + 16, kind: 'claim', index: 0 },
    { start: claim + 10, end: claim + 12, kind: 'hit', index: 0 },
  ];
  const { container } = render(
    <div data-testid="root">
      <SpannedText text={TEXT} spans={spans} renderSpan={renderMark} />
    </div>,
  );
  return container.firstElementChild!;
}

/** Every text node under root with its text offset, computed independently of the module. */
function textNodes(root: Element): Array<{ node: Text; offset: number }> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Array<{ node: Text; offset: number }> = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const paragraph = node.parentElement!.closest('p')!;
    const before = document.createRange();
    before.setStart(paragraph, 0);
    before.setEnd(node, 0);
    nodes.push({ node: node as Text, offset: Number(paragraph.dataset.offset) + before.toString().length });
  }
  return nodes;
}

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Selection {
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

describe('offsetOfPoint', () => {
  it('maps every character position of every text node, marked or not, to its text offset', () => {
    const root = renderText();
    const nodes = textNodes(root);
    expect(nodes.length).toBeGreaterThan(5); // nested marks split the text into several nodes
    for (const { node, offset } of nodes) {
      expect(TEXT.slice(offset, offset + node.data.length)).toBe(node.data);
      for (let i = 0; i <= node.data.length; i++) expect(offsetOfPoint(root, node, i)).toBe(offset + i);
    }
  });

  it('maps a point between paragraphs to the start of the next one, and the end to the last one’s end', () => {
    const root = renderText();
    const paragraphs = root.querySelectorAll('p');
    const between = paragraphs[0]!.parentElement!;
    expect(offsetOfPoint(root, between, 1)).toBe(Number(paragraphs[1]!.dataset.offset));
    expect(offsetOfPoint(root, between, 3)).toBe(TEXT.length);
  });

  it('returns null outside the root', () => {
    const root = renderText();
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    expect(offsetOfPoint(root, outside.firstChild!, 2)).toBeNull();
    outside.remove();
  });
});

describe('selectionToRange', () => {
  it('turns a selection across nested marks into the span of the text it covers', () => {
    const root = renderText();
    const nodes = textNodes(root);
    const from = nodes.find((n) => n.node.data.includes('March'))!;
    const to = nodes.find((n) => n.node.data.includes('prisoners'))!;
    const selection = select(from.node, from.node.data.indexOf('March'), to.node, to.node.data.indexOf('prisoners') + 'prisoners'.length);
    const range = selectionToRange(root, selection, TEXT)!;
    expect(TEXT.slice(range.start, range.end)).toBe('March 2020 more than 38,990 prisoners');
    expect(selection.toString()).toBe('March 2020 more than 38,990 prisoners');
  });

  it('trims white space and spans paragraphs', () => {
    const root = renderText();
    const paragraphs = root.querySelectorAll('p');
    const selection = select(paragraphs[0]!.firstChild!, 13, paragraphs[2]!.firstChild!, 8);
    const range = selectionToRange(root, selection, TEXT)!;
    expect(TEXT.slice(range.start, range.end)).toBe('39,000\n\nIn March 2020 more than 38,990 prisoners were held.\n\nCapacity');
  });

  it('is null for an empty, blank or outside selection', () => {
    const root = renderText();
    const first = root.querySelector('p')!.firstChild!;
    expect(selectionToRange(root, select(first, 3, first, 3), TEXT)).toBeNull();
    expect(selectionToRange(root, select(first, 7, first, 8), TEXT)).toBeNull(); // one space
    expect(selectionToRange(root, null, TEXT)).toBeNull();
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    expect(selectionToRange(root, select(first, 0, outside.firstChild!, 3), TEXT)).toBeNull();
    outside.remove();
  });
});
