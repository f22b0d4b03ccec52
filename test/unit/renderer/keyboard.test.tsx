import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { isTypingTarget } from '../../../renderer/src/keyboard';
import { renderApp } from './renderApp';

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

  it('n and N step through the hits of the open article', async () => {
    await ready();
    const input = screen.getByTestId('search-input');
    fireEvent.change(input, { target: { value: 'capacity' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await screen.findByText('hit 1 of 2');
    (input as HTMLInputElement).blur();
    press('n');
    expect(screen.getByText('hit 2 of 2')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'N', shiftKey: true });
    expect(screen.getByText('hit 1 of 2')).toBeTruthy();
  });

  it('ignores shortcuts with modifier keys', async () => {
    await ready();
    fireEvent.keyDown(document.body, { key: 'j', ctrlKey: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readerTitle()).toBe('Prisons hold 39,000');
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
