import { describe, expect, it } from 'vitest';
import { describeDateSource, formatDate } from '../../../renderer/src/format';

describe('date display', () => {
  it('shows a stated date in full and says where it came from', () => {
    const date = { iso: '2020-07-23', source: 'text' as const, surface: '23 July 2020' };
    expect(formatDate(date)).toBe('23 Jul 2020');
    expect(describeDateSource(date)).toBe('Stated in the text: “23 July 2020”');
  });

  it('never shows a guessed year as if the text had stated it', () => {
    const date = { iso: '2026-02-23', source: 'text' as const, surface: 'February 23', yearInferred: true };
    expect(formatDate(date)).toBe('23 Feb');
    expect(describeDateSource(date)).toMatch(/“February 23”, with no year/);
  });

  it('marks a file modification date as such', () => {
    expect(describeDateSource({ iso: '2026-11-21', source: 'mtime' })).toMatch(/modification time/);
  });
});
