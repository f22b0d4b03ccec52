import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { isTypingTarget } from '../../../renderer/src/keyboard';
import { CROSSCHECK_ARTICLES, makeAnnotation, spanOf } from './fakeClient';
import { claimMarks, renderApp, renderCrosscheck } from './renderApp';

afterEach(cleanup);

const readerTitle = () => screen.getByTestId('reader-title').textContent;
const press = (key: string, target: Element = document.body) => fireEvent.keyDown(target, { key });

async function ready() {
  renderApp();
  await screen.findAllByTestId('source-item');
  await waitFor(() => expect(readerTitle()).toBe('Prisons hold 39,000'));
}

describe('global shortcuts', () => {
  it('j and k open the next and previous article, stopping at the ends', async () => {
    await ready();
    press('j');
    await waitFor(() => expect(readerTitle()).toBe('Ministry plans centres'));
    press('j');
    await waitFor(() => expect(readerTitle()).toBe('Activists freed'));
    press('j');
    await waitFor(() => expect(readerTitle()).toBe('Activists freed'));
    press('k');
    await waitFor(() => expect(readerTitle()).toBe('Ministry plans centres'));
    const selected = screen.getAllByTestId('source-item').filter((item) => item.getAttribute('aria-current') === 'true');
    expect(selected.map((item) => item.dataset.id)).toEqual(['b.txt']);
  });

  it('/ focuses the search box, and j typed there is text, not navigation', async () => {
    await ready();
    const input = screen.getByTestId('search-input');
    press('/');
    expect(document.activeElement).toBe(input);
    press('j', input);
    press('k', input);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readerTitle()).toBe('Prisons hold 39,000');
  });

  it('j and k walk the search results while they are shown', async () => {
    await ready();
    const input = screen.getByTestId('search-input');
    fireEvent.change(input, { target: { value: 'capacity' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await screen.findAllByTestId('search-result');
    (input as HTMLInputElement).blur();
    press('j'); // the open article (a.txt) is the first result; next is c.txt, skipping b.txt
    await waitFor(() => expect(readerTitle()).toBe('Activists freed'));
  });

  it('] and [ step through the hits of the open article', async () => {
    await ready();
    const input = screen.getByTestId('search-input');
    fireEvent.change(input, { target: { value: 'capacity' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await screen.findByText('hit 1 of 2');
    (input as HTMLInputElement).blur();
    press(']');
    expect(screen.getByText('hit 2 of 2')).toBeTruthy();
    press('[');
    expect(screen.getByText('hit 1 of 2')).toBeTruthy();
    press('[');
    expect(screen.getByText('hit 2 of 2')).toBeTruthy();
  });

  it('ignores shortcuts with modifier keys', async () => {
    await ready();
    fireEvent.keyDown(document.body, { key: 'j', ctrlKey: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readerTitle()).toBe('Prisons hold 39,000');
  });
});

const selectedClaim = () => screen.getByTestId('reader').querySelector('mark.claim[aria-current="true"]')?.textContent;
const RFA = CROSSCHECK_ARTICLES[0]!;

describe('claim shortcuts', () => {
  it('n and p select the next and previous claim, wrapping around, and Esc lets go', async () => {
    await renderCrosscheck();
    expect(selectedClaim()).toBeUndefined();
    press('n');
    await waitFor(() => expect(selectedClaim()).toBe('300 percent'));
    press('n');
    expect(selectedClaim()).toBe('more than 38,990');
    press('p');
    press('p');
    expect(selectedClaim()).toBe('9,572');
    expect(await screen.findByTestId('claim-inspector')).toBeTruthy();
    press('Escape');
    expect(selectedClaim()).toBeUndefined();
    expect(screen.queryByTestId('claim-inspector')).toBeNull();
  });

  it('2 gives the selected claim the second verdict of the scale, creating the annotation on its span', async () => {
    const { client } = await renderCrosscheck();
    press('n');
    press('n');
    await waitFor(() => expect(selectedClaim()).toBe('more than 38,990'));
    press('2');
    await waitFor(() => expect(client.calls.filter((c) => c.name === 'createAnnotation')).toHaveLength(1));
    const span = spanOf(RFA, 'more than 38,990');
    expect(client.calls.find((c) => c.name === 'createAnnotation')!.args).toEqual({ ...span, verdict: 'mostly-accurate', note: '', tags: [], evidence: [] });
    await waitFor(() => expect(claimMarks().find((m) => m.textContent === 'more than 38,990')!.dataset.verdict).toBe('Mostly accurate'));
    const group = within(screen.getByTestId('claim-inspector')).getByRole('group', { name: 'Set the verdict' });
    expect(within(group).getByRole('button', { pressed: true }).textContent).toMatch(/Mostly accurate/);
    // Another key changes the same annotation rather than adding one.
    press('5');
    await waitFor(() => expect(client.annotations[0]!.verdict).toBe('inaccurate'));
    expect(client.annotations).toHaveLength(1);
    expect(client.calls.filter((c) => c.name === 'updateAnnotation').map((c) => c.args)).toEqual([{ id: client.annotations[0]!.id, verdict: 'inaccurate' }]);
  });

  it('number keys do nothing without a selected claim, or past the end of the scale', async () => {
    const { client } = await renderCrosscheck();
    press('2');
    press('n');
    await waitFor(() => expect(selectedClaim()).toBe('300 percent'));
    press('7');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(client.calls.some((c) => c.name === 'createAnnotation' || c.name === 'updateAnnotation')).toBe(false);
  });

  it('e edits the selected claim’s note, in its existing annotation', async () => {
    const existing = makeAnnotation(RFA, spanOf(RFA, '8,018'), { verdict: 'accurate', note: 'From the ministry report.' });
    const { client } = await renderCrosscheck({ annotations: [existing] });
    fireEvent.click(claimMarks().find((m) => m.textContent === '8,018')!);
    await screen.findByTestId('claim-inspector');
    press('e');
    const dialog = await screen.findByRole('dialog', { name: 'Edit annotation' });
    const note = within(dialog).getByLabelText('Note') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(note);
    expect(note.value).toBe('From the ministry report.');
    // Shortcuts are off while the editor is open: typing "n" is text.
    press('n', note);
    expect(selectedClaim()).toBe('8,018');
    fireEvent.change(note, { target: { value: 'From the ministry report, table 3.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.annotations[0]!.note).toBe('From the ministry report, table 3.');
    expect(client.annotations[0]!.verdict).toBe('accurate');
  });

  it('e on a claim without an annotation starts one on the claim’s span', async () => {
    const { client } = await renderCrosscheck();
    press('n');
    await waitFor(() => expect(selectedClaim()).toBe('300 percent'));
    press('e');
    const dialog = await screen.findByRole('dialog', { name: 'Annotate' });
    expect(within(dialog).getByText('“300 percent”')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Note'), { target: { value: 'Headline figure, not in the report.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(client.annotations).toHaveLength(1));
    expect(client.annotations[0]!.target.quote.exact).toBe('300 percent');
    expect(client.annotations[0]!.note).toBe('Headline figure, not in the report.');
  });

  it('t toggles the claims table', async () => {
    const { client } = await renderCrosscheck();
    press('t');
    expect(await screen.findByRole('main', { name: 'All claims' })).toBeTruthy();
    expect(client.calls.filter((c) => c.name === 'listClaims')).toHaveLength(1);
    press('t');
    expect(screen.getByRole('main', { name: 'Reader' })).toBeTruthy();
  });

  it('claim keys are off in the table view: they would act on a claim out of sight', async () => {
    const { client } = await renderCrosscheck();
    press('n');
    await waitFor(() => expect(selectedClaim()).toBe('300 percent'));
    press('t');
    await screen.findByRole('main', { name: 'All claims' });
    press('2');
    press('e');
    press('n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(client.calls.some((c) => c.name === 'createAnnotation')).toBe(false);
    press('t');
    expect(selectedClaim()).toBe('300 percent');
  });
});

describe('help', () => {
  it('? opens the shortcuts overlay with the user’s verdict scale; Esc closes it and the shortcuts work again', async () => {
    renderApp({ settings: { verdictScale: [{ id: 'true', label: 'True', rating: 2 }, { id: 'false', label: 'False', rating: 1 }] } });
    await waitFor(() => expect(readerTitle()).toBe('Prisons hold 39,000'));
    press('?');
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('1 True, 2 False');
    expect(dialog.textContent).toContain('Next claim');
    press('j', dialog);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readerTitle()).toBe('Prisons hold 39,000');
    fireEvent.keyDown(document.activeElement ?? dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    press('j');
    await waitFor(() => expect(readerTitle()).toBe('Ministry plans centres'));
  });

  it('the header’s ? button opens it too', async () => {
    renderApp();
    await screen.findAllByTestId('source-item');
    fireEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(await screen.findByRole('dialog')).toBeTruthy();
  });
});

describe('isTypingTarget', () => {
  it('treats text fields as typing targets and buttons as not', () => {
    const text = document.createElement('input');
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    const area = document.createElement('textarea');
    const button = document.createElement('button');
    expect(isTypingTarget(text)).toBe(true);
    expect(isTypingTarget(area)).toBe(true);
    expect(isTypingTarget(checkbox)).toBe(false);
    expect(isTypingTarget(button)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
