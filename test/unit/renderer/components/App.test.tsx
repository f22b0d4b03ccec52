import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api';
import { makeArticle, SAMPLE_DIR } from '../fakeClient';
import { renderApp } from '../renderApp';

afterEach(cleanup);

const readerTitle = () => screen.getByTestId('reader-title').textContent;
const searchInput = () => screen.getByTestId('search-input') as HTMLInputElement;

async function search(query: string) {
  fireEvent.change(searchInput(), { target: { value: query } });
  fireEvent.keyDown(searchInput(), { key: 'Enter' });
}

describe('first run', () => {
  it('opens the sample corpus, lists its articles and opens the first one', async () => {
    const { client } = renderApp();
    const items = await screen.findAllByTestId('source-item');
    expect(items.map((item) => within(item).getByTestId('source-title').textContent)).toEqual([
      'Prisons hold 39,000',
      'Ministry plans centres',
      'Activists freed',
    ]);
    await waitFor(() => expect(readerTitle()).toBe('Prisons hold 39,000'));
    expect(client.calls.filter((c) => c.name === 'openSampleCorpus')).toHaveLength(1);
    expect(items[0]!.getAttribute('aria-current')).toBe('true');
    // Publisher and the mtime marker on a date that did not come from the text.
    expect(items[0]!.textContent).toContain('The Test Post');
    expect(within(items[1]!).getByText(/file date/)).toBeTruthy();
    expect(within(items[1]!).getByText('Unknown publisher')).toBeTruthy();
  });

  it('reopens the most recent folder', async () => {
    const news = [makeArticle('n.txt', 'News one', 'Body.')];
    const { client } = renderApp({ recentFolders: ['/home/me/news'], folders: { '/home/me/news': news } });
    await waitFor(() => expect(screen.getAllByTestId('source-item')).toHaveLength(1));
    expect(client.calls.some((c) => c.name === 'openSampleCorpus')).toBe(false);
    expect(screen.getByText('/home/me/news', { selector: '.folder-path bdi' })).toBeTruthy();
  });

  it('falls back to the sample corpus when the recent folder is gone, and says so', async () => {
    renderApp({ recentFolders: ['/home/me/gone'] });
    await waitFor(() => expect(screen.getAllByTestId('source-item')).toHaveLength(3));
    const note = screen.getByTestId('banner-notice');
    expect(note.textContent).toMatch(/Could not reopen \/home\/me\/gone.*sample corpus/);
  });

  it('shows the corpus the back end already has open without reopening it', async () => {
    const { client } = renderApp({ openCorpusAtStart: true });
    await waitFor(() => expect(screen.getAllByTestId('source-item')).toHaveLength(3));
    expect(client.calls.some((c) => c.name === 'openSampleCorpus' || c.name === 'openCorpus')).toBe(false);
  });
});

describe('search', () => {
  it('lists results with snippets, opens one with its hits marked, and steps through hits', async () => {
    renderApp();
    await screen.findAllByTestId('source-item');
    await search('capacity');
    const results = await screen.findAllByTestId('search-result');
    expect(results).toHaveLength(2);
    expect(screen.getByText(/2 results · 2 ms/)).toBeTruthy();
    expect(results[0]!.querySelector('.snippet mark')?.textContent?.toLowerCase()).toBe('capacity');

    fireEvent.click(results[1]!);
    await waitFor(() => expect(readerTitle()).toBe('Activists freed'));
    let marks = screen.getByTestId('reader').querySelectorAll('mark[data-hit]');
    expect([...marks].map((m) => m.textContent)).toEqual(['Capacity']);
    expect(screen.getByText('hit 1 of 1')).toBeTruthy();

    fireEvent.click(results[0]!);
    await waitFor(() => expect(readerTitle()).toBe('Prisons hold 39,000'));
    marks = screen.getByTestId('reader').querySelectorAll('mark[data-hit]');
    expect(marks).toHaveLength(2);
    expect(screen.getByText('hit 1 of 2')).toBeTruthy();
    expect(marks[0]!.getAttribute('aria-current')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Next hit' }));
    expect(screen.getByText('hit 2 of 2')).toBeTruthy();
    expect(screen.getByTestId('reader').querySelectorAll('mark[data-hit]')[1]!.getAttribute('aria-current')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Next hit' }));
    expect(screen.getByText('hit 1 of 2')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Previous hit' }));
    expect(screen.getByText('hit 2 of 2')).toBeTruthy();
  });

  it('moves through results with the arrow keys from the search box', async () => {
    renderApp();
    await screen.findAllByTestId('source-item');
    await search('capacity');
    const results = await screen.findAllByTestId('search-result');
    fireEvent.keyDown(searchInput(), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(results[0]);
    fireEvent.keyDown(results[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(results[1]);
    fireEvent.keyDown(results[1]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(results[0]);
  });

  it('shows a query error inline', async () => {
    renderApp();
    await screen.findAllByTestId('source-item');
    await search(':bad');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Cannot parse/);
    expect(screen.queryAllByTestId('search-result')).toHaveLength(0);
  });

  it('says when nothing matches', async () => {
    renderApp();
    await screen.findAllByTestId('source-item');
    await search('zebra');
    expect(await screen.findByText(/No article matches “zebra”/)).toBeTruthy();
  });

  it('Escape clears the search and returns to the sources', async () => {
    renderApp();
    await screen.findAllByTestId('source-item');
    await search('capacity');
    await screen.findAllByTestId('search-result');
    fireEvent.keyDown(searchInput(), { key: 'Escape' });
    expect(searchInput().value).toBe('');
    expect(screen.queryAllByTestId('search-result')).toHaveLength(0);
    expect(screen.getAllByTestId('source-item')).toHaveLength(3);
    expect(screen.getByTestId('reader').querySelectorAll('mark[data-hit]')).toHaveLength(0);
  });

  it('searches while typing, after a pause', async () => {
    const { client } = renderApp();
    await screen.findAllByTestId('source-item');
    fireEvent.change(searchInput(), { target: { value: 'activists' } });
    expect(await screen.findAllByTestId('search-result')).toHaveLength(1);
    expect(client.search).toHaveBeenCalledWith({ query: 'activists', limit: 100 });
  });
});

describe('reader', () => {
  it('shows an article that opens with its headline once, as the headline', async () => {
    renderApp();
    await waitFor(() => expect(readerTitle()).toBe('Prisons hold 39,000'));
    const reader = screen.getByTestId('reader');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Prisons hold 39,000');
    expect(reader.textContent!.split('Prisons hold 39,000')).toHaveLength(2);
    expect(reader.querySelector('h1')).toBeNull();
  });

  it('treats a first paragraph that differs from the title only by closing punctuation or Markdown as the headline', async () => {
    const article = makeArticle('x.txt', 'Budget doubles', 'Body.');
    article.text = '# **Budget  doubles.**\n\nThe ministry spent $6.6 billion.';
    renderApp({ articles: [article] });
    await waitFor(() => expect(screen.getByTestId('reader-title').textContent).toBe('# **Budget  doubles.**'));
    expect(screen.getByTestId('reader').querySelector('h1')).toBeNull();
  });

  it('shows the title above a text that does not open with it', async () => {
    const article = makeArticle('x.txt', 'Headline', 'Body.', {});
    article.text = 'STATEMENT\n\nBody text about 27,000 places.';
    renderApp({ articles: [article] });
    await waitFor(() => expect(readerTitle()).toBe('Headline'));
    expect(screen.getByTestId('reader').querySelector('h1')?.textContent).toBe('Headline');
    expect([...screen.getByTestId('reader').querySelectorAll('p.reader-paragraph')].map((p) => p.textContent)).toEqual([
      'STATEMENT',
      'Body text about 27,000 places.',
    ]);
  });
});

describe('empty and error states', () => {
  it('explains a folder with no readable articles and lists each skipped file with its reason', async () => {
    renderApp({
      articles: [],
      errors: [
        { path: 'image.txt', code: 'binary', reason: 'binary file (PNG image), not text' },
        { path: 'empty.txt', code: 'empty', reason: 'the file is empty' },
      ],
    });
    expect(await screen.findByText(/No readable articles in sample-corpus/)).toBeTruthy();
    const errors = screen.getAllByTestId('file-error');
    expect(errors.map((e) => e.textContent)).toEqual(['image.txtbinary file (PNG image), not text', 'empty.txtthe file is empty']);
    expect(screen.getByText('2 files skipped')).toBeTruthy();
    expect(screen.queryByTestId('reader')).toBeNull();
  });

  it('shows a banner, not a blank screen, when the back end cannot be reached', async () => {
    renderApp({}, (client) => {
      client.fail.getAppState = new ApiError('io', 'Cannot reach the Reckon server');
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Cannot reach the Reckon server/);
    expect(screen.getByText('No folder open', { selector: 'h2' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open the sample corpus' })).toBeTruthy();
  });

  it('shows a failed call’s message in a dismissible banner and keeps the panes', async () => {
    renderApp({}, (client) => {
      client.fail.getArticle = new ApiError('io', 'disk on fire');
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Could not open a\.txt: disk on fire/);
    expect(screen.getAllByTestId('source-item')).toHaveLength(3);
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('opening folders', () => {
  it('asks for a path in browser mode and opens it', async () => {
    const news = [makeArticle('n.txt', 'Budget doubles', 'The ministry spent $6.6 billion.')];
    renderApp({ folders: { '/data/news': news } });
    await screen.findAllByTestId('source-item');
    fireEvent.click(screen.getByRole('button', { name: 'Open folder…' }));
    const input = screen.getByTestId('folder-input') as HTMLInputElement;
    expect(input.placeholder).toBe(SAMPLE_DIR);
    fireEvent.change(input, { target: { value: '/data/news' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(screen.getAllByTestId('source-item')).toHaveLength(1));
    await waitFor(() => expect(readerTitle()).toBe('Budget doubles'));
    expect(screen.queryByTestId('folder-input')).toBeNull();
  });

  it('reports a folder that cannot be opened and keeps the current one', async () => {
    renderApp();
    await screen.findAllByTestId('source-item');
    fireEvent.click(screen.getByRole('button', { name: 'Open folder…' }));
    fireEvent.change(screen.getByTestId('folder-input'), { target: { value: '/nowhere' } });
    fireEvent.submit(screen.getByTestId('folder-input').closest('form')!);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Could not open \/nowhere: Folder not found/);
    expect(screen.getAllByTestId('source-item')).toHaveLength(3);
  });

  it('uses the native dialog when there is one', async () => {
    const { client } = renderApp({ canPickFolder: true });
    await screen.findAllByTestId('source-item');
    fireEvent.click(screen.getByRole('button', { name: 'Open folder…' }));
    await waitFor(() => expect(client.calls.some((c) => c.name === 'pickFolder')).toBe(true));
    expect(screen.queryByTestId('folder-input')).toBeNull();
  });

  it('lists recent folders and opens one', async () => {
    const news = [makeArticle('n.txt', 'News one', 'Body.')];
    renderApp({ recentFolders: ['/data/news'], folders: { '/data/news': news } });
    await waitFor(() => expect(screen.getAllByTestId('source-item')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Recent' }));
    let menu = screen.getByRole('menu', { name: 'Recent folders' });
    // Opens with its first item focused; Escape closes it and returns focus to the button.
    expect(document.activeElement?.textContent).toContain('news');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Recent' }));
    fireEvent.click(screen.getByRole('button', { name: 'Recent' }));
    menu = screen.getByRole('menu', { name: 'Recent folders' });
    fireEvent.click(within(menu).getByRole('menuitem', { name: /Sample corpus/ }));
    await waitFor(() => expect(screen.getAllByTestId('source-item')).toHaveLength(3));
  });
});

describe('events', () => {
  it('shows indexing progress as a progress bar', async () => {
    const { client } = renderApp();
    await screen.findAllByTestId('source-item');
    act(() => client.emit('indexProgress', { root: SAMPLE_DIR, phase: 'reading', done: 2, total: 5, current: 'b.txt' }));
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('2');
    expect(bar.getAttribute('aria-valuemax')).toBe('5');
    expect(screen.getByText(/Reading 2 of 5 files/)).toBeTruthy();
    act(() => client.emit('indexProgress', { root: SAMPLE_DIR, phase: 'done', done: 5, total: 5 }));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('refreshes the list when the folder changes', async () => {
    const articles = [makeArticle('a.txt', 'First', 'One.')];
    const { client } = renderApp({ articles });
    await waitFor(() => expect(screen.getAllByTestId('source-item')).toHaveLength(1));
    articles.push(makeArticle('b.txt', 'Second', 'Two.'));
    await act(async () => client.emit('corpusChanged', { root: SAMPLE_DIR, added: ['b.txt'], changed: [], removed: [] }));
    await waitFor(() => expect(screen.getAllByTestId('source-item')).toHaveLength(2));
  });
});
