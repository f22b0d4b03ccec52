import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../../../shared/api';
import { SAMPLE_ARTICLES, makeAnnotation, spanOf, type FakeOptions } from '../../fakeClient';
import { renderApp } from '../../renderApp';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const [PRISONS, MINISTRY] = SAMPLE_ARTICLES as [(typeof SAMPLE_ARTICLES)[0], (typeof SAMPLE_ARTICLES)[0]];

/** Two annotations: 39,000 judged inaccurate in a.txt, and a note without a verdict in b.txt. */
const ANNOTATED: FakeOptions = {
  annotations: [
    makeAnnotation(PRISONS, spanOf(PRISONS, '39,000', 1), { verdict: 'inaccurate', note: 'Ministry says 38,990' }),
    makeAnnotation(MINISTRY, spanOf(MINISTRY, 'overcrowding'), { note: 'How much?' }),
  ],
};

async function ready(options: FakeOptions = ANNOTATED) {
  const app = renderApp(options);
  await screen.findAllByTestId('source-item');
  await waitFor(() => expect(screen.getByTestId('reader-title').textContent).toBe('Prisons hold 39,000'));
  return app;
}

async function openWithKey() {
  fireEvent.keyDown(document.body, { key: 'x' });
  const dialog = await screen.findByRole('dialog', { name: 'Export a report' });
  // The first preview is asked for at once.
  await waitFor(() => expect(within(dialog).getByTestId('export-preview')).toBeTruthy());
  return dialog;
}

const callsOf = (client: { calls: Array<{ name: string; args: unknown }> }, name: string) => client.calls.filter((call) => call.name === name).map((call) => call.args);
const lastCall = (client: { calls: Array<{ name: string; args: unknown }> }, name: string) => callsOf(client, name).at(-1);

describe('the Export dialog', () => {
  it('opens with x as a labelled modal, focus on the chosen format, and closes with Esc giving focus back', async () => {
    await ready();
    const opener = screen.getByRole('button', { name: 'Export…' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Export a report' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(within(dialog).getByRole('radio', { name: /^HTML/ }));
    expect((document.activeElement as HTMLInputElement).checked).toBe(true);

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);

    await openWithKey();
    // Keys typed in the dialog are the dialog's: j does not open the next article underneath,
    // not even when the focus has fallen out of the dialog (a click on its text).
    fireEvent.keyDown(document.activeElement!, { key: 'j' });
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: 'j' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByTestId('reader-title').textContent).toBe('Prisons hold 39,000');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the summary figures and the report in a sandboxed frame', async () => {
    const app = await ready();
    const dialog = await openWithKey();
    const frame = within(dialog).getByTestId('export-preview') as HTMLIFrameElement;
    expect(frame.tagName).toBe('IFRAME');
    // Empty sandbox: no scripts, no same-origin, no forms, no top navigation.
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('<li>39,000</li>');
    expect(frame.getAttribute('srcdoc')).toContain('<li>overcrowding</li>');
    expect(frame.getAttribute('title')).toBe('Report preview');

    const summary = within(dialog).getByTestId('export-summary');
    expect(summary.textContent).toMatch(/Claims checked1 of 2 annotations/);
    expect(within(summary).getByRole('list', { name: 'Verdicts' }).textContent).toBe('Inaccurate 1No verdict 1');
    expect(lastCall(app.client, 'reportPreview')).toEqual({ filter: {} });
  });

  it('sends the articles and verdicts left ticked, to the preview and to the export', async () => {
    const app = await ready();
    const dialog = await openWithKey();
    const articles = within(dialog).getByTestId('export-articles');
    fireEvent.click(within(articles).getByRole('checkbox', { name: /Ministry plans centres/ }));
    await waitFor(() => expect(lastCall(app.client, 'reportPreview')).toEqual({ filter: { articleIds: ['a.txt', 'c.txt'] } }));
    const frame = within(dialog).getByTestId('export-preview');
    await waitFor(() => expect(frame.getAttribute('srcdoc')).not.toContain('overcrowding'));
    const allArticles = within(articles).getByRole('checkbox', { name: /All articles/ }) as HTMLInputElement;
    expect(allArticles.checked).toBe(false);
    expect(allArticles.indeterminate).toBe(true);

    const verdicts = within(dialog).getByTestId('export-verdicts');
    fireEvent.click(within(verdicts).getByRole('checkbox', { name: 'No verdict' }));
    fireEvent.click(within(verdicts).getByRole('checkbox', { name: 'Accurate' }));
    const expected = { articleIds: ['a.txt', 'c.txt'], verdicts: ['mostly-accurate', 'needs-context', 'misleading', 'inaccurate', 'unverifiable'] };
    await waitFor(() => expect(lastCall(app.client, 'reportPreview')).toEqual({ filter: expected }));

    stubDownloads();
    fireEvent.click(within(dialog).getByRole('radio', { name: /^CSV/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(lastCall(app.client, 'exportReport')).toEqual({ format: 'csv', filter: expected }));

    // Ticking "All" again means no filter at all.
    fireEvent.click(allArticles);
    await waitFor(() => expect(lastCall(app.client, 'reportPreview')).toEqual({ filter: { verdicts: expected.verdicts } }));
  });

  it('waits for the ticking to stop before asking for a new preview', async () => {
    const app = await ready();
    const dialog = await openWithKey();
    const before = callsOf(app.client, 'reportPreview').length;
    const verdicts = within(dialog).getByTestId('export-verdicts');
    // Three ticks 100 ms apart, each within the delay of the one before.
    for (const name of ['Accurate', 'Mostly accurate', 'Needs context']) {
      fireEvent.click(within(verdicts).getByRole('checkbox', { name }));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await waitFor(() => expect(callsOf(app.client, 'reportPreview').length).toBe(before + 1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(callsOf(app.client, 'reportPreview').length).toBe(before + 1);
  });

  describe('in browser mode', () => {
    it('downloads the chosen format under the suggested name and says so', async () => {
      const app = await ready();
      const dialog = await openWithKey();
      const downloads = stubDownloads();
      fireEvent.click(within(dialog).getByRole('radio', { name: /^Markdown/ }));
      fireEvent.click(within(dialog).getByRole('button', { name: 'Export Markdown' }));
      await waitFor(() => expect(within(dialog).getByTestId('export-result').textContent).toBe('Downloaded reckon-report-sample-corpus-2024-01-02.md'));
      expect(lastCall(app.client, 'exportReport')).toEqual({ format: 'md', filter: {} });
      expect(callsOf(app.client, 'saveReport')).toEqual([]);
      expect(downloads).toHaveLength(1);
      expect(downloads[0]!.name).toBe('reckon-report-sample-corpus-2024-01-02.md');
      expect(await downloads[0]!.blob.text()).toBe('md report of 2 annotations');
    });

    it('decodes a PDF from base64 into bytes', async () => {
      await ready();
      const dialog = await openWithKey();
      const downloads = stubDownloads();
      fireEvent.click(within(dialog).getByRole('radio', { name: /^PDF/ }));
      fireEvent.click(within(dialog).getByRole('button', { name: 'Export PDF' }));
      await waitFor(() => expect(downloads).toHaveLength(1));
      expect(downloads[0]!.blob.type).toBe('application/pdf');
      expect(await downloads[0]!.blob.text()).toBe('%PDF-1.7 pdf report of 2 annotations');
    });

    it('says in the dialog why an export failed', async () => {
      const app = await ready();
      app.client.fail.exportReport = new ApiError('io', 'No Chromium found to print the PDF with. Install it (Debian: sudo apt install chromium).');
      const dialog = await openWithKey();
      fireEvent.click(within(dialog).getByRole('radio', { name: /^PDF/ }));
      fireEvent.click(within(dialog).getByRole('button', { name: 'Export PDF' }));
      await waitFor(() =>
        expect(within(dialog).getByTestId('export-result').textContent).toBe(
          'Could not export the PDF report: No Chromium found to print the PDF with. Install it (Debian: sudo apt install chromium).',
        ),
      );
      expect(screen.getByRole('dialog')).toBe(dialog);
    });
  });

  describe('in the app (a native save dialog)', () => {
    it('saves through the back end and names the path', async () => {
      const app = await ready({ ...ANNOTATED, canPickFolder: true });
      const dialog = await openWithKey();
      fireEvent.click(within(dialog).getByRole('radio', { name: /^JSON/ }));
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save JSON…' }));
      await waitFor(() => expect(within(dialog).getByTestId('export-result').textContent).toBe('Saved to /home/user/reckon-report-sample-corpus-2024-01-02.json'));
      expect(lastCall(app.client, 'saveReport')).toEqual({ format: 'json', filter: {} });
      expect(callsOf(app.client, 'exportReport')).toEqual([]);
    });

    it('keeps the focus on the button while it works (a disabled button would drop it)', async () => {
      await ready({ ...ANNOTATED, canPickFolder: true });
      const dialog = await openWithKey();
      const save = within(dialog).getByRole('button', { name: 'Save HTML…' });
      save.focus();
      fireEvent.click(save);
      expect(save.getAttribute('aria-disabled')).toBe('true');
      expect(document.activeElement).toBe(save);
      await waitFor(() => expect(save.getAttribute('aria-disabled')).toBe('false'));
    });

    it('says nothing when the save dialog is cancelled', async () => {
      const app = await ready({ ...ANNOTATED, canPickFolder: true, saveTo: null });
      const dialog = await openWithKey();
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save HTML…' }));
      await waitFor(() => expect(callsOf(app.client, 'saveReport')).toHaveLength(1));
      await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Save HTML…' }).getAttribute('aria-disabled')).toBe('false'));
      expect(within(dialog).getByTestId('export-result').textContent).toBe('');
    });
  });

  it('imports a W3C file, says what happened in words, and shows the new annotations', async () => {
    const app = await ready();
    const dialog = await openWithKey();
    const file = new File(
      [
        JSON.stringify({
          type: 'AnnotationCollection',
          items: [
            { type: 'Annotation', target: { selector: [{ type: 'TextQuoteSelector', exact: 'capacity of 26,593' }] } },
            { type: 'Annotation', target: { selector: [{ type: 'TextQuoteSelector', exact: 'not in any article' }] } },
          ],
        }),
      ],
      'review.jsonld',
      { type: 'application/ld+json' },
    );
    const listsBefore = callsOf(app.client, 'listAnnotations').length;
    fireEvent.change(within(dialog).getByTestId('import-file'), { target: { files: [file] } });
    await waitFor(() =>
      expect(within(dialog).getByTestId('import-result').textContent).toBe(
        'review.jsonld: Web Annotation file: 1 imported: 1 anchored; 1 skipped.',
      ),
    );
    expect(within(dialog).getByTestId('import-skipped').textContent).toBe('annotation 2 of 2: quote not found in this folder');
    expect(lastCall(app.client, 'importAnnotations')).toEqual({ fileName: 'review.jsonld', content: await file.text() });
    expect(callsOf(app.client, 'listAnnotations').length).toBe(listsBefore + 1);
    // The new annotation is in the workbench's list, so the preview is rebuilt with it.
    await waitFor(() => expect(within(dialog).getByTestId('export-preview').getAttribute('srcdoc')).toContain('<li>capacity of 26,593</li>'));
  });

  it('refuses a file too large to import before reading it', async () => {
    const app = await ready();
    const dialog = await openWithKey();
    const file = new File(['{}'], 'huge.json');
    Object.defineProperty(file, 'size', { value: 60_000_000 });
    fireEvent.change(within(dialog).getByTestId('import-file'), { target: { files: [file] } });
    await waitFor(() => expect(within(dialog).getByTestId('import-result').textContent).toBe('huge.json is 57.2 MB; Reckon imports files of up to 47.7 MB.'));
    expect(callsOf(app.client, 'importAnnotations')).toEqual([]);
  });
});

// --- helpers --------------------------------------------------------------------------

/** jsdom has no object URLs and no downloads: record what the dialog hands to the browser. */
function stubDownloads(): Array<{ name: string; blob: Blob }> {
  const downloads: Array<{ name: string; blob: Blob }> = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => void blobs.delete(url);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return downloads;
}
