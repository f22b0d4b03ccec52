/** DOCX text with mammoth (paragraphs come out separated by blank lines). */
import mammoth from 'mammoth';
import { FileReadError } from '../errors';
import { detectMagic } from '../sniff';
import type { Extracted } from './types';

export async function extractDocx(bytes: Uint8Array): Promise<Extracted> {
  const magic = detectMagic(bytes);
  if (magic !== 'ZIP archive (or an Office document)') {
    if (magic) throw new FileReadError('binary', `binary file (${magic}), not a Word document`);
    throw new FileReadError('malformed', 'not a Word document: a .docx file is a ZIP archive and this one is not');
  }
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return { text: result.value, hints: {} };
  } catch (err) {
    throw new FileReadError('malformed', `corrupt Word document (${err instanceof Error ? err.message : String(err)})`);
  }
}
