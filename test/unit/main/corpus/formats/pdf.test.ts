import { describe, expect, it } from 'vitest';
import { FileReadError } from '../../../../../main/corpus/errors';
import { extractPdf } from '../../../../../main/corpus/formats/pdf';
import { normaliseText } from '../../../../../main/corpus/normalise';
import { minimalPdf, PNG_BYTES } from '../fixtures';

async function failure(bytes: Uint8Array): Promise<FileReadError> {
  const err = await extractPdf(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FileReadError);
  return err as FileReadError;
}

describe('pdf', () => {
  it('reads the text of a real PDF into lines and paragraphs', async () => {
    const bytes = minimalPdf(['Prison capacity report', null, 'The prisons hold 26,593 people, the', 'ministry said on Monday.', null, 'A second (short) paragraph.'], 'Prison capacity report');
    const { text, hints } = await extractPdf(bytes);
    expect(normaliseText(text)).toBe('Prison capacity report\n\nThe prisons hold 26,593 people, the ministry said on Monday.\n\nA second (short) paragraph.');
    expect(hints.title).toBe('Prison capacity report');
  });
  it('does not take ownership of the caller’s buffer', async () => {
    const bytes = minimalPdf(['Hello']);
    await extractPdf(bytes);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });
  it('reports a corrupt PDF as malformed', async () => {
    const err = await failure(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog broken'));
    expect(err.code).toBe('malformed');
    expect(err.reason).toMatch(/PDF/);
  });
  it('reports a PDF that is not one', async () => {
    expect((await failure(Buffer.from('just some text'))).code).toBe('malformed');
    const png = await failure(PNG_BYTES);
    expect(png.code).toBe('binary');
    expect(png.reason).toContain('PNG image');
  });
});
