import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FileReadError } from '../../../../../main/corpus/errors';
import { checkDocxExpansion, extractDocx, MAX_DOCX_XML_BYTES } from '../../../../../main/corpus/formats/docx';
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
  it('refuses a ZIP bomb before mammoth inflates it, whether its sizes are declared or lied about', async () => {
    const xml = Buffer.alloc(MAX_DOCX_XML_BYTES + 1024, 0x20);
    const honest = zipOf([{ name: 'word/document.xml', data: xml }]);
    expect(honest.length).toBeLessThan(1024 * 1024);
    const err = (await extractDocx(honest).catch((e: unknown) => e)) as FileReadError;
    expect(err).toBeInstanceOf(FileReadError);
    expect(err.code).toBe('too-large');
    expect(err.reason).toMatch(/expands to more than 100 MB/);
    const lying = zipOf([{ name: 'word/document.xml', data: xml, declaredSize: 1000 }]);
    expect(((await extractDocx(lying).catch((e: unknown) => e)) as FileReadError).code).toBe('too-large');
  });
  it('counts every XML part towards the limit, and lets a real DOCX through', async () => {
    const real = await minimalDocx(['A real paragraph.']);
    const part = Buffer.alloc(600, 0x20);
    const parts = [{ name: 'word/document.xml', data: part }, { name: 'word/styles.xml', data: part }];
    expect(() => checkDocxExpansion(zipOf(parts), 1000)).toThrow(/expands to more than/);
    expect(() => checkDocxExpansion(zipOf(parts.slice(0, 1)), 1000)).not.toThrow();
    expect(() => checkDocxExpansion(zipOf([{ name: 'word/media/image1.png', data: Buffer.alloc(5000) }]), 1000)).not.toThrow();
    expect(() => checkDocxExpansion(real)).not.toThrow();
  });
});

/** A deflated ZIP written by hand, so a test can lie about an entry's size (CRCs are left 0: nothing here checks them). */
function zipOf(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declaredSize } of entries) {
    const nameBytes = Buffer.from(name);
    const packed = deflateRawSync(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declaredSize ?? data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declaredSize ?? data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
