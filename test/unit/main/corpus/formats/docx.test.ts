import { describe, expect, it } from 'vitest';
import { FileReadError } from '../../../../../main/corpus/errors';
import { extractDocx } from '../../../../../main/corpus/formats/docx';
import { normaliseText } from '../../../../../main/corpus/normalise';
import { minimalDocx } from '../fixtures';

describe('docx', () => {
  it('reads the paragraphs of a real DOCX', async () => {
    const bytes = await minimalDocx(['Prisons at capacity', 'Designed to hold 27,000 inmates.', 'Second paragraph.']);
    const { text } = await extractDocx(bytes);
    expect(normaliseText(text)).toBe('Prisons at capacity\n\nDesigned to hold 27,000 inmates.\n\nSecond paragraph.');
  });
  it('reports a corrupt DOCX (a broken ZIP) as malformed', async () => {
    const err = await extractDocx(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileReadError);
    expect((err as FileReadError).code).toBe('malformed');
  });
  it('reports a file that is not a ZIP at all', async () => {
    const err = (await extractDocx(Buffer.from('plain text renamed .docx')).catch((e: unknown) => e)) as FileReadError;
    expect(err.code).toBe('malformed');
    expect(err.reason).toMatch(/not a Word document/);
  });
});
