import { describe, expect, it } from 'vitest';
import { makeSnippets, SNIPPET_CHARS } from '../../../../main/corpus/snippets';

const words = (n: number, from = 0): string => Array.from({ length: n }, (_, i) => `word${i + from}`).join(' ');

function spanOf(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  return { start, end: start + needle.length };
}

describe('makeSnippets', () => {
  const text = `${words(60)} capacity ${words(60, 100)}\n\n${words(10, 300)} capacity ${words(40, 400)}`;
  const first = spanOf(text, 'capacity');
  const second = spanOf(text, 'capacity', first.end);

  it('cuts about 160 characters around each hit at word boundaries, highlights relative to the excerpt', () => {
    const snippets = makeSnippets(text, [first, second]);
    expect(snippets).toHaveLength(2);
    for (const s of snippets) {
      expect(s.text).toBe(text.slice(s.offset, s.offset + s.text.length));
      expect(s.text.length).toBeLessThanOrEqual(SNIPPET_CHARS);
      expect(s.text.length).toBeGreaterThan(100);
      expect(s.text).not.toMatch(/^\S*\s?$/);
      // whole words: starts after a space (or at a paragraph start), ends before one
      expect(s.offset === 0 || /\s/.test(text[s.offset - 1]!)).toBe(true);
      const end = s.offset + s.text.length;
      expect(end === text.length || /\s/.test(text[end]!)).toBe(true);
      expect(s.highlights).toHaveLength(1);
      const h = s.highlights[0]!;
      expect(s.text.slice(h.start, h.end)).toBe('capacity');
      expect(s.text).not.toContain('\n\n');
    }
  });

  it('groups nearby hits into one excerpt and makes at most three', () => {
    const t = Array.from({ length: 10 }, (_, i) => `${words(50, i * 100)} hit ${words(50, i * 100 + 50)}`).join('\n\n');
    const spans: Array<{ start: number; end: number }> = [];
    for (let at = t.indexOf(' hit '); at >= 0; at = t.indexOf(' hit ', at + 1)) spans.push({ start: at + 1, end: at + 4 });
    expect(makeSnippets(t, spans)).toHaveLength(3);
    const near = 'alpha hit beta hit gamma';
    const s = makeSnippets(near, [spanOf(near, 'hit'), spanOf(near, 'hit', 8)]);
    expect(s).toEqual([{ text: near, offset: 0, highlights: [{ start: 6, end: 9 }, { start: 15, end: 18 }] }]);
  });

  it('gives the opening of the article for a title-only match', () => {
    const s = makeSnippets(text, []);
    expect(s).toHaveLength(1);
    expect(s[0]!.offset).toBe(0);
    expect(s[0]!.highlights).toEqual([]);
  });
});
