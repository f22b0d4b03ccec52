import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConfSettings } from '../../../../main/store/settings';

const tempDir = () => mkdtempSync(join(tmpdir(), 'reckon-settings-'));

describe('settings store', () => {
  it('remembers recent folders, most recent first, without duplicates, capped at 10', () => {
    const dir = tempDir();
    const settings = openConfSettings(dir);
    for (let i = 0; i < 12; i++) settings.rememberFolder(`/folder/${i}`);
    settings.rememberFolder('/folder/5');
    const recent = openConfSettings(dir).recentFolders();
    expect(recent[0]).toBe('/folder/5');
    expect(recent).toHaveLength(10);
    expect(new Set(recent).size).toBe(10);
  });

  it('keeps window bounds', () => {
    const dir = tempDir();
    openConfSettings(dir).setWindowBounds({ x: 10, y: 20, width: 1280, height: 800 });
    expect(openConfSettings(dir).windowBounds()).toEqual({ x: 10, y: 20, width: 1280, height: 800 });
  });

  it.each([
    ['truncated JSON', '{"recentFolders": ["/a",'],
    ['a value the schema refuses', '{"recentFolders": 5}'],
  ])('moves a corrupt file (%s) aside, keeps it, and starts clean', (_label, content) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), content);
    const settings = openConfSettings(dir);
    expect(settings.recentFolders()).toEqual([]);
    expect(settings.recoveredFrom).toMatch(/settings\.corrupt-\d+\.json$/);
    expect(readFileSync(settings.recoveredFrom!, 'utf8')).toBe(content);
    settings.rememberFolder('/b');
    expect(openConfSettings(dir).recentFolders()).toEqual(['/b']);
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toHaveLength(1);
  });
});
