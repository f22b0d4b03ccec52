import { describe, expect, it } from 'vitest';
import { DEFAULT_VERDICT_SCALE } from '../../../shared/domain/annotation';
import { SHORTCUT_KEYS } from '../../../renderer/src/keyboard';
import { workbenchShortcuts } from '../../../renderer/src/shortcuts';

describe('workbenchShortcuts', () => {
  it('lists exactly the keys the global handler acts on, plus one digit per verdict', () => {
    const listed = workbenchShortcuts(DEFAULT_VERDICT_SCALE).flatMap((s) => s.keys);
    const digits = DEFAULT_VERDICT_SCALE.map((_, i) => String(i + 1));
    expect(new Set(listed)).toEqual(new Set([...SHORTCUT_KEYS(), ...digits]));
  });

  it('names the verdict keys after the user’s own scale', () => {
    const scale = [
      { id: 'true', label: 'True', rating: 3 },
      { id: 'half-true', label: 'Half true', rating: 2 },
      { id: 'false', label: 'False', rating: 1 },
    ];
    const verdicts = workbenchShortcuts(scale).find((s) => s.keys.includes('1'))!;
    expect(verdicts.keys).toEqual(['1', '2', '3']);
    expect(verdicts.action).toBe('Set the selected claim’s verdict (1 True, 2 Half true, 3 False)');
  });

  it('stops at 9 keys for a long scale', () => {
    const scale = Array.from({ length: 10 }, (_, i) => ({ id: `v${i}`, label: `V${i}`, rating: 10 - i }));
    expect(workbenchShortcuts(scale).find((s) => s.keys.includes('1'))!.keys).toHaveLength(9);
  });
});
