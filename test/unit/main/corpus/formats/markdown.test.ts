import { describe, expect, it } from 'vitest';
import { markdownToText, stripInlineMarkdown } from '../../../../../main/corpus/formats/markdown';
import { normaliseText } from '../../../../../main/corpus/normalise';

const md = (source: string) => {
  const { text, hints } = markdownToText(source);
  return { text: normaliseText(text), hints };
};

describe('markdown', () => {
  it('strips heading markers and takes the first heading as the title', () => {
    const { text, hints } = md('# Prisons at **twice** capacity\n\nBody *text* here.\n\n## Section two ##\n\nMore.');
    expect(text).toBe('Prisons at twice capacity\n\nBody text here.\n\nSection two\n\nMore.');
    expect(hints.title).toBe('Prisons at twice capacity');
  });
  it('reads setext headings', () => {
    const { text, hints } = md('Big headline\n============\n\nBody.');
    expect(text).toBe('Big headline\n\nBody.');
    expect(hints.title).toBe('Big headline');
  });
  it('keeps link and image words, drops their URLs', () => {
    expect(stripInlineMarkdown('A [joint submission](#) and [report](https://x.org/a_(b)) ![chart of 26,593](c.png) <https://example.org>')).toBe(
      'A joint submission and report chart of 26,593 https://example.org',
    );
  });
  it('drops emphasis across lines but keeps snake_case and lone asterisks', () => {
    expect(stripInlineMarkdown('**CAMBODIAN AUTHORITIES MUST\nRELEASE 10,000 PRISONERS**')).toBe('CAMBODIAN AUTHORITIES MUST\nRELEASE 10,000 PRISONERS');
    expect(stripInlineMarkdown('a _b_ c snake_case_name 5 * 3 = 15 ~~old~~ `code`')).toBe('a b c snake_case_name 5 * 3 = 15 old code');
  });
  it('keeps footnote markers as text and drops other inline HTML', () => {
    expect(stripInlineMarkdown('prisons.<sup>1</sup> <span class="x">ok</span>')).toBe('prisons.1 ok');
  });
  it('drops rules, reference definitions and fences, keeps code and list items', () => {
    const { text } = md('Intro\n\n---\n\n- one\n* two\n\n```js\nconst a = 1;\n```\n\n[1]: https://example.org\n\n> quoted *words*');
    expect(text).toBe('Intro\n\n- one\n- two\n\nconst a = 1;\n\nquoted words');
  });
  it('reads front matter for title, author and date', () => {
    const { text, hints } = md('---\ntitle: "Front title"\nauthor: Jane Doe\ndate: 2021-03-04\n---\n\nBody.');
    expect(text).toBe('Body.');
    expect(hints).toEqual({ title: 'Front title', byline: 'Jane Doe', date: '2021-03-04' });
  });
});
