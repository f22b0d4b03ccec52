import { describe, expect, it } from 'vitest';
import { normaliseText, paragraphs } from '../../../../main/corpus/normalise';

describe('normaliseText', () => {
  it('turns CRLF and CR into LF', () => {
    expect(normaliseText('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  });
  it('strips BOMs', () => {
    expect(normaliseText('\uFEFFTitle\n\nBody\uFEFF')).toBe('Title\n\nBody');
  });
  it('composes to NFC', () => {
    const decomposed = 'Cafe\u0301 Phno\u0302m';
    expect(normaliseText(decomposed)).toBe('Café Phnôm');
    expect(normaliseText(decomposed)).toBe(normaliseText('Café Phnôm'));
  });
  it('separates paragraphs by exactly one blank line and keeps single line breaks', () => {
    expect(normaliseText('\n\n\nTitle\n\n\n\n\nFirst line\nsecond line\n  \n\t\nLast\n\n')).toBe('Title\n\nFirst line\nsecond line\n\nLast');
  });
  it('collapses runs of spaces and tabs, trims lines, keeps a lone no-break space', () => {
    expect(normaliseText('  a   b\t\tc  \u00a0 d ')).toBe('a b c d');
    expect(normaliseText('26\u00a0593 people')).toBe('26\u00a0593 people');
  });
  it('drops control characters and turns form feeds into paragraph breaks', () => {
    expect(normaliseText('page one\fpage\u0007 two')).toBe('page one\n\npage two');
  });
  it('is idempotent', () => {
    const once = normaliseText('A\r\n\r\n\r\nB  c\u00a0\u00a0d\n\n\nE\u0301');
    expect(normaliseText(once)).toBe(once);
  });
});

describe('paragraphs', () => {
  it('gives each paragraph with its offset', () => {
    const text = 'Title\n\nBody one\nstill one\n\nTwo';
    const paras = paragraphs(text);
    expect(paras.map((p) => p.text)).toEqual(['Title', 'Body one\nstill one', 'Two']);
    for (const p of paras) expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });
});
