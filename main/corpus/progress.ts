import type { IndexProgress } from '../../shared/domain/corpus';

export type Phase = IndexProgress['phase'];

/**
 * Progress events at most every `intervalMs` (20 a second by default), but always
 * the first of a phase, the last of a phase (done === total) and 'done'.
 */
export function progressReporter(root: string, sink: ((p: IndexProgress) => void) | undefined, intervalMs = 50) {
  let lastAt = 0;
  let lastPhase: Phase | null = null;
  return (phase: Phase, done: number, total: number, current?: string): void => {
    if (!sink) return;
    const now = Date.now();
    const boundary = phase !== lastPhase || done >= total || phase === 'done';
    if (!boundary && now - lastAt < intervalMs) return;
    lastAt = now;
    lastPhase = phase;
    const progress: IndexProgress = { root, phase, done, total };
    if (current !== undefined) progress.current = current;
    try {
      sink(progress);
    } catch {
      // A failing listener must not stop indexing.
    }
  };
}
