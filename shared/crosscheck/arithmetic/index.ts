/**
 * Arithmetic inside an article, recomputed (statcheck's idea, for news): percentage and absolute
 * changes against their two values, shares against their part and whole, multiples and occupancy,
 * parts against a stated total, and the values the text implies but does not state.
 *
 *   checkArithmetic({ articleId, text, claims }) → ArithmeticCheck[], by subject position
 *
 * Every figure stands for the interval its rounding and qualifier allow; a check is consistent
 * when the results the inputs allow meet what the checked figure's wording allows. Precision
 * first: where the words do not say which figures relate, nothing is emitted.
 */
import type { Claim } from '../../domain/claim';
import type { ArithmeticCheck } from '../../domain/crosscheck';
import { changeChecks } from './change';
import { buildView } from './context';
import { partsChecks } from './parts';
import { ratioChecks } from './ratio';
import { readSentence } from './reading';
import { shareChecks } from './share';

export function checkArithmetic(input: { articleId: string; text: string; claims: Claim[] }): ArithmeticCheck[] {
  const text = typeof input?.text === 'string' ? input.text : '';
  const claims = Array.isArray(input?.claims) ? input.claims : [];
  const view = buildView(String(input?.articleId ?? ''), text, claims);
  const readings = view.sentences.map(readSentence);
  // A percentage read as an occupancy or a share is not read again as the other.
  const usedPercents = new Set<Claim>();
  const checks = [
    ...changeChecks(view, readings),
    ...ratioChecks(view, readings, usedPercents),
    ...shareChecks(view, readings, usedPercents),
    ...partsChecks(view, readings),
  ];
  const seen = new Set<string>();
  return checks
    .filter((c) => Number.isFinite(c.computed) && !seen.has(c.id) && seen.add(c.id))
    .sort((a, b) => a.subject.start - b.subject.start || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}
