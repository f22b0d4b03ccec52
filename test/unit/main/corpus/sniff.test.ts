import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, detectMagic, findInvalidUtf8, guessBomlessUtf16 } from '../../../../main/corpus/sniff';
import { FileReadError } from '../../../../main/corpus/errors';
import { PNG_BYTES } from './fixtures';

const utf16be = (s: string): Buffer => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};

function failure(fn: () => unknown): FileReadError {
  try {
    fn();
  } catch (err) {
    if (err instanceof FileReadError) return err;
    throw err;
  }
  throw new Error('expected a FileReadError');
}

describe('detectMagic', () => {
  it('names common binary formats', () => {
    expect(detectMagic(PNG_BYTES)).toBe('PNG image');
    expect(detectMagic(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('JPEG image');
    expect(detectMagic(Buffer.from('GIF89a....'))).toBe('GIF image');
    expect(detectMagic(Buffer.from('%PDF-1.7\n'))).toBe('PDF document');
    expect(detectMagic(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatch(/ZIP/);
  });
  it('does not flag text', () => {
    expect(detectMagic(Buffer.from('Prisons hold 26,593 people.'))).toBeNull();
    expect(detectMagic(Buffer.from('PK is not a zip without its signature'))).toBeNull();
  });
});

describe('encodings', () => {
  it('recognises BOMs', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x41]))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
  });
  it('recognises BOM-less UTF-16 by its NUL pattern', () => {
    expect(guessBomlessUtf16(Buffer.from('Capacity of 26,593 prisoners', 'utf16le'))).toBe('utf-16le');
    expect(guessBomlessUtf16(utf16be('Capacity of 26,593 prisoners'))).toBe('utf-16be');
    expect(guessBomlessUtf16(Buffer.from('plain ascii text'))).toBeNull();
    expect(guessBomlessUtf16(Buffer.from([0, 0, 0, 0, 1, 2, 0, 0]))).toBeNull();
  });
  it('decodes UTF-16 with and without BOM, and UTF-8 with BOM', () => {
    const text = 'Cambodia’s prisons: 26,593 places';
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]))).toBe(text);
    expect(decodeText(Buffer.from(text, 'utf16le'))).toBe(text);
    expect(decodeText(utf16be(text))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
  });
  it('finds the offset of invalid UTF-8', () => {
    expect(findInvalidUtf8(Buffer.from('héllo – ok'))).toBe(-1);
    expect(findInvalidUtf8(Buffer.from([0x61, 0x62, 0xe9, 0x63]))).toBe(2); // Latin-1 é
    expect(findInvalidUtf8(Buffer.from([0x61, 0xe2, 0x80]))).toBe(1); // truncated at the end
    expect(findInvalidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(0); // overlong
    expect(findInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
  });
  it('reports invalid UTF-8 as an encoding error naming the byte and offset', () => {
    const err = failure(() => decodeText(Buffer.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' au lait')])));
    expect(err.code).toBe('encoding');
    expect(err.reason).toContain('offset 3');
    expect(err.reason).toContain('0xE9');
  });
  it('reports binary content', () => {
    expect(failure(() => decodeText(PNG_BYTES)).reason).toContain('PNG image');
    const withNul = failure(() => decodeText(Buffer.from([0x41, 0x42, 0x00, 0x01, 0x02, 0x43, 0x00, 0x00, 0x44])));
    expect(withNul.code).toBe('binary');
  });
  it('decodes with a declared charset when there is no BOM', () => {
    expect(decodeText(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]), 'windows-1252')).toBe('Café “q”');
  });
});
