/**
 * Byte-level sniffing: what kind of file is this really, and how is its text encoded.
 *
 * Invalid UTF-8 is reported (code 'encoding', naming the byte offset) rather than
 * silently decoded as Windows-1252: the article model has no way to flag "decoded by
 * guess", and a wrong guess would show the user text that is not in the file. HTML
 * that declares its charset is decoded with the declared charset (that is not a guess).
 */
import { FileReadError } from './errors';

interface Magic {
  name: string;
  test: (b: Uint8Array) => boolean;
}

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Signatures of common non-text files that end up in article folders by accident. */
const MAGICS: readonly Magic[] = [
  { name: 'PNG image', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { name: 'JPEG image', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { name: 'GIF image', test: (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a')) },
  { name: 'WebP image', test: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { name: 'TIFF image', test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  { name: 'PDF document', test: (b) => startsWith(b, ascii('%PDF-')) },
  { name: 'ZIP archive (or an Office document)', test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]) },
  { name: 'legacy Microsoft Office document (.doc/.xls)', test: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
  { name: 'gzip archive', test: (b) => startsWith(b, [0x1f, 0x8b]) },
  { name: '7-Zip archive', test: (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { name: 'RAR archive', test: (b) => startsWith(b, ascii('Rar!')) },
  { name: 'SQLite database', test: (b) => startsWith(b, ascii('SQLite format 3\0')) },
  { name: 'ELF executable', test: (b) => startsWith(b, [0x7f, 0x45, 0x4c, 0x46]) },
  { name: 'MP3 audio', test: (b) => startsWith(b, ascii('ID3')) },
  { name: 'Ogg media', test: (b) => startsWith(b, ascii('OggS')) },
  { name: 'MP4/QuickTime media', test: (b) => startsWith(b, ascii('ftyp'), 4) },
];

/** The name of a known binary format the bytes start with, or null. */
export function detectMagic(bytes: Uint8Array): string | null {
  for (const magic of MAGICS) if (magic.test(bytes)) return magic.name;
  return null;
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

const SNIFF_BYTES = 8192;

/**
 * Guess UTF-16 without a BOM from the NUL pattern: Latin-script text in UTF-16LE has a
 * zero in (almost) every odd byte, UTF-16BE in every even byte. Text in other scripts
 * has fewer zeros but a strong one-sided bias; binary files have zeros on both sides.
 */
export function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return null;
}

/** Which encoding the bytes are in, from a BOM or the NUL pattern; UTF-8 otherwise. */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomLength: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2 };
  const guessed = guessBomlessUtf16(bytes);
  return guessed ? { encoding: guessed, bomLength: 0 } : { encoding: 'utf-8', bomLength: 0 };
}

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function findInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i; // bad continuation, or truncated at end of file
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

// The labels WHATWG maps to windows-1252 (HTML's "latin1" is really windows-1252).
const WINDOWS_1252_LABELS = /^(?:windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|iso_8859-1|latin1|l1|us-ascii|ascii|cp819|ibm819)$/i;
// 0x80–0x9F in windows-1252 (Node's TextDecoder decodes this label as ISO-8859-1, so map by hand).
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

function hex(b: number | undefined): string {
  return b === undefined ? '' : `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * Decode the bytes of a text file: BOMs and UTF-16 (with or without BOM) handled,
 * strict UTF-8 otherwise. Throws FileReadError('binary' | 'encoding').
 * `fallbackCharset` (e.g. a charset declared by an HTML file) is used instead of
 * UTF-8 when there is no BOM.
 */
export function decodeText(bytes: Uint8Array, fallbackCharset?: string): string {
  const magic = detectMagic(bytes);
  if (magic) throw new FileReadError('binary', `binary file (${magic}), not text`);
  const { encoding, bomLength } = detectEncoding(bytes);
  if (encoding !== 'utf-8') {
    const body = bytes.subarray(bomLength);
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(body);
    } catch {
      throw new FileReadError('encoding', `looks like ${encoding.toUpperCase()} text but is not valid ${encoding.toUpperCase()}`);
    }
  }
  const body = bytes.subarray(bomLength);
  const nul = body.subarray(0, SNIFF_BYTES).indexOf(0);
  if (nul >= 0) throw new FileReadError('binary', `binary file (NUL byte at offset ${nul + bomLength}), not text`);
  if (fallbackCharset && bomLength === 0 && !/^utf-?8$/i.test(fallbackCharset)) {
    if (WINDOWS_1252_LABELS.test(fallbackCharset)) return decodeWindows1252(body);
    try {
      return new TextDecoder(fallbackCharset).decode(body);
    } catch {
      // Unknown label: fall through to strict UTF-8.
    }
  }
  const bad = findInvalidUtf8(body);
  if (bad >= 0) {
    const offset = bad + bomLength;
    throw new FileReadError(
      'encoding',
      `not valid UTF-8: byte ${hex(body[bad])} at offset ${offset} (save the file as UTF-8)`,
    );
  }
  return new TextDecoder('utf-8').decode(body);
}
