import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IndexProgress } from '../../../../shared/domain/corpus';
import { progressReporter } from '../../../../main/corpus/progress';

afterEach(() => vi.useRealTimers());

describe('progressReporter', () => {
  it('throttles to one event per interval but keeps phase starts, phase ends and done', () => {
    vi.useFakeTimers();
    const events: IndexProgress[] = [];
    const report = progressReporter('/r', (p) => events.push(p), 50);
    report('scanning', 0, 0);
    report('reading', 0, 1000);
    for (let i = 1; i <= 1000; i++) {
      report('reading', i, 1000, `f${i}`);
      if (i % 100 === 0) vi.advanceTimersByTime(60);
    }
    report('done', 1000, 1000);
    const reading = events.filter((e) => e.phase === 'reading');
    expect(reading.length).toBeLessThanOrEqual(12);
    expect(reading[0]).toEqual({ root: '/r', phase: 'reading', done: 0, total: 1000 });
    expect(reading.at(-1)).toEqual({ root: '/r', phase: 'reading', done: 1000, total: 1000, current: 'f1000' });
    expect(events.at(-1)).toEqual({ root: '/r', phase: 'done', done: 1000, total: 1000 });
    expect(events[0]!.phase).toBe('scanning');
  });

  it('survives a throwing listener and no listener at all', () => {
    expect(() => progressReporter('/r', () => { throw new Error('boom'); })('done', 0, 0)).not.toThrow();
    expect(() => progressReporter('/r', undefined)('done', 0, 0)).not.toThrow();
  });
});
