import { describe, expect, it } from 'vitest';
import { declaredCharset, extractHtml, htmlToText } from '../../../../../main/corpus/formats/html';
import { normaliseText } from '../../../../../main/corpus/normalise';

const html = (source: string) => {
  const { text, hints } = htmlToText(source);
  return { text: normaliseText(text), hints };
};

describe('html', () => {
  it('drops script, style, noscript, template and the head except its title', () => {
    const { text, hints } = html(
      '<html><head><title>Site | Story</title><style>p{}</style><script>var x = "26,593";</script></head>' +
        '<body><script>alert(1)</script><noscript>enable JS</noscript><template><p>hidden</p></template><p>Real text.</p></body></html>',
    );
    expect(text).toBe('Real text.');
    expect(hints.title).toBe('Site | Story');
  });
  it('turns block elements into paragraphs and collapses source white space', () => {
    const { text } = html('<h1>Prisons\n   full</h1><p>First\n paragraph with <b>bold</b> and <a href="x">a link</a>.</p><div>Second<br>line two</div><ul><li>one</li><li>two</li></ul>');
    expect(text).toBe('Prisons full\n\nFirst paragraph with bold and a link.\n\nSecond\nline two\n\n- one\n\n- two');
  });
  it('keeps footnote markers and decodes entities', () => {
    expect(html('<p>capacity of 26,593.<sup>1</sup> &amp; more&nbsp;text &ldquo;quoted&rdquo;</p>').text).toBe('capacity of 26,593.1 & more\u00a0text “quoted”');
  });
  it('prefers the first heading to <title>, and reads meta tags', () => {
    const { hints } = html(
      '<head><title>Khmer Times - news</title><meta property="og:site_name" content="Khmer Times">' +
        '<meta name="author" content="Taing Vida"><meta property="article:published_time" content="2020-01-07T10:00:00+07:00"></head>' +
        '<body><h1>Sar Kheng cautions</h1><h2>Later</h2></body>',
    );
    expect(hints).toEqual({ title: 'Sar Kheng cautions', publisher: 'Khmer Times', byline: 'Taing Vida', date: '2020-01-07T10:00:00+07:00' });
  });
  it('survives unclosed and stray tags', () => {
    expect(html('<p>one<p>two</span></div><script>x').text).toBe('one\n\ntwo');
  });
  it('decodes by the declared charset', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>Caf'), Buffer.from([0xe9, 0x20, 0x96, 0x20, 0x80, 0x35]), Buffer.from('</p>')]);
    expect(declaredCharset(bytes)).toBe('windows-1252');
    expect(normaliseText(extractHtml(bytes).text)).toBe('Café – €5');
  });
});
