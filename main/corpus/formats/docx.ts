/** DOCX text with mammoth (paragraphs come out separated by blank lines). */
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { FileReadError } from '../errors';
import { detectMagic } from '../sniff';
import type { Extracted } from './types';

/**
 * The most XML a DOCX may expand to. mammoth (through JSZip) inflates each part
 * whole into memory, so a small file of highly compressed XML (a "ZIP bomb") would
 * take gigabytes and can kill the process. 100 MB of WordprocessingML is far more
 * than any article: the text limit for plain files is 20 MB.
 */
export const MAX_DOCX_XML_BYTES = 100 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_EXTRA_ID = 0x0001;
const DEFLATE = 8;

const tooLarge = (limit: number): FileReadError =>
  new FileReadError('too-large', `a Word document whose XML expands to more than ${Math.round(limit / (1024 * 1024))} MB (a ZIP bomb?): not read`);

/**
 * Refuse a DOCX whose XML parts (what mammoth reads for the text) expand past
 * `limit`: first by the sizes the ZIP's central directory declares, then by
 * inflating each part with a capped output, since declared sizes can lie. A ZIP
 * whose directory cannot be found is left to mammoth, which reports it as corrupt.
 */
export function checkDocxExpansion(bytes: Uint8Array, limit = MAX_DOCX_XML_BYTES): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 0xffff); at--) {
    if (buf.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const parts: { method: number; compressed: number; declared: number; local: number }[] = [];
  let declaredTotal = 0;
  for (let i = 0; i < count && at + 46 <= buf.length && buf.readUInt32LE(at) === CENTRAL_SIGNATURE; i++) {
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    let declared = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (declared === 0xffffffff) declared = zip64UncompressedSize(buf, at + 46 + nameLength, extraLength) ?? Infinity;
    if (/\.(xml|rels)$/i.test(name)) {
      declaredTotal += declared;
      if (declaredTotal > limit) throw tooLarge(limit);
      parts.push({ method, compressed, declared, local });
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  let inflatedTotal = 0;
  for (const part of parts) {
    if (part.method !== DEFLATE || part.local + 30 > buf.length || buf.readUInt32LE(part.local) !== LOCAL_SIGNATURE) continue;
    const start = part.local + 30 + buf.readUInt16LE(part.local + 26) + buf.readUInt16LE(part.local + 28);
    const data = buf.subarray(start, start + part.compressed);
    try {
      inflatedTotal += inflateRawSync(data, { maxOutputLength: Math.max(1, limit - inflatedTotal) }).length;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limit);
      throw new FileReadError('malformed', `corrupt Word document (${err instanceof Error ? err.message : String(err)})`);
    }
  }
}

/** The 64-bit uncompressed size in a central directory entry's ZIP64 extra field. */
function zip64UncompressedSize(buf: Buffer, start: number, length: number): number | null {
  for (let at = start; at + 4 <= start + length && at + 4 <= buf.length; ) {
    const id = buf.readUInt16LE(at);
    const size = buf.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA_ID && size >= 8 && at + 12 <= buf.length) return Number(buf.readBigUInt64LE(at + 4));
    at += 4 + size;
  }
  return null;
}

export async function extractDocx(bytes: Uint8Array): Promise<Extracted> {
  const magic = detectMagic(bytes);
  if (magic !== 'ZIP archive (or an Office document)') {
    if (magic) throw new FileReadError('binary', `binary file (${magic}), not a Word document`);
    throw new FileReadError('malformed', 'not a Word document: a .docx file is a ZIP archive and this one is not');
  }
  checkDocxExpansion(bytes);
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return { text: result.value, hints: {} };
  } catch (err) {
    throw new FileReadError('malformed', `corrupt Word document (${err instanceof Error ? err.message : String(err)})`);
  }
}
