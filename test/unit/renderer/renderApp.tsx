import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { App } from '../../../renderer/src/components/App';
import { createWorkbench } from '../../../renderer/src/state/workbench';
import { checkFor, createFakeClient, CROSSCHECK_ARTICLES, type FakeClient, type FakeOptions } from './fakeClient';

/** Render the whole UI against a fake back end. */
export function renderApp(options: FakeOptions = {}, prepare?: (client: FakeClient) => void) {
  const client = createFakeClient(options);
  prepare?.(client);
  const workbench = createWorkbench(client);
  const utils = render(<App workbench={workbench} client={client} />);
  return { client, workbench, ...utils };
}

/** The cross-checking articles, with the percent-change check of the "rose by 19 percent" sentence. */
export const CROSSCHECK_OPTIONS: FakeOptions = {
  articles: CROSSCHECK_ARTICLES,
  checks: { 'rfa.txt': [checkFor(CROSSCHECK_ARTICLES[0]!, '19 percent', ['8,018', '9,572'])] },
};

/** Render the cross-checking corpus and wait until the first article's claims are marked. */
export async function renderCrosscheck(options: FakeOptions = {}, prepare?: (client: FakeClient) => void) {
  const result = renderApp({ ...CROSSCHECK_OPTIONS, ...options }, prepare);
  await waitFor(() => expect(claimMarks().length).toBeGreaterThan(0));
  return result;
}

/** The claim highlights in the reader, one per claim (pieces of a split claim joined). */
export function claimMarks(): HTMLElement[] {
  const reader = screen.queryByTestId('reader');
  if (!reader) return [];
  const seen = new Map<string, HTMLElement>();
  for (const mark of reader.querySelectorAll<HTMLElement>('mark[data-claim-index]')) {
    if (!seen.has(mark.dataset.claimIndex!)) seen.set(mark.dataset.claimIndex!, mark);
  }
  return [...seen.values()];
}

/** The text of each claim highlight, in reading order. */
export function claimTexts(): string[] {
  const reader = screen.getByTestId('reader');
  const byIndex = new Map<string, string>();
  for (const mark of reader.querySelectorAll<HTMLElement>('mark[data-claim-index]')) {
    byIndex.set(mark.dataset.claimIndex!, (byIndex.get(mark.dataset.claimIndex!) ?? '') + mark.textContent);
  }
  return [...byIndex.values()];
}

/** Select a piece of the reader's text (the n-th occurrence of `needle`) as a user would, and release the mouse. */
export function selectInReader(needle: string) {
  const root = screen.getByTestId('reader-text');
  const text = root.textContent ?? '';
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`“${needle}” is not in the reader`);
  const range = document.createRange();
  const [startNode, startOffset] = pointAt(root, at);
  const [endNode, endOffset] = pointAt(root, at + needle.length);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  fireEvent.mouseUp(root);
}

/** The DOM point `index` characters into root's text. */
function pointAt(root: Element, index: number): [Node, number] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let remaining = index;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (remaining <= node.data.length) return [node, remaining];
    remaining -= node.data.length;
  }
  throw new Error('index past the end of the text');
}
