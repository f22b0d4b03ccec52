import { describe, expect, it } from 'vitest';
import { sentenceAt } from '../../../../shared/claims/sentence';

const at = (t: string, needle: string): string => { const s = sentenceAt(t, t.indexOf(needle)); return t.slice(s.start, s.end); };

describe('sentenceAt', () => {
  it('splits on full stops before a capital', () => {
    expect(at('First one. Then 40,000 prisoners. Last.', '40,000')).toBe('Then 40,000 prisoners.');
  });
  it('does not split after abbreviations or inside decimals', () => {
    expect(at('On Nov. 15 he said 3.5 tonnes. Next.', '3.5')).toBe('On Nov. 15 he said 3.5 tonnes.');
    expect(at('Mr. Kheng cited the U.S. Treasury, with 27 cases.', '27')).toBe('Mr. Kheng cited the U.S. Treasury, with 27 cases.');
  });
  it('stops at line breaks', () => expect(at('Title 10,000\n\nBody text.', '10,000')).toBe('Title 10,000'));
  it('keeps closing quotes with their sentence', () => {
    expect(at('“We have 5 cells.” He left.', '5')).toBe('“We have 5 cells.”');
  });
});
