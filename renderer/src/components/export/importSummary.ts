import type { ImportResult } from '../../../../shared/domain/report';
import { formatCount, plural } from '../../format';

const DIALECTS: Record<ImportResult['dialect'], string> = {
  reckon: 'Reckon export',
  hypothesis: 'Hypothesis export',
  w3c: 'Web Annotation file',
};

/** Skipped items named one by one up to this many; the rest are counted. */
const REASONS_SHOWN = 3;

/**
 * An import's outcome in one sentence: "Hypothesis export: 12 imported: 10 anchored, 1 moved,
 * 1 orphan; 2 skipped: annotation 3 of 14: no TextQuoteSelector; annotation 7 of 14: …".
 * The back end's reasons name their item, so they are quoted as they are.
 */
export function importSummary(result: ImportResult): string {
  const outcomes = [
    result.anchored && `${formatCount(result.anchored)} anchored`,
    result.moved && `${formatCount(result.moved)} moved`,
    result.changed && `${formatCount(result.changed)} changed`,
    result.orphaned && plural(result.orphaned, 'orphan'),
  ].filter(Boolean);
  const imported = result.imported === 0 ? 'nothing imported' : `${formatCount(result.imported)} imported${outcomes.length ? `: ${outcomes.join(', ')}` : ''}`;
  let sentence = `${DIALECTS[result.dialect]}: ${imported}`;
  if (result.skipped.length > 0) {
    const reasons = result.skipped.slice(0, REASONS_SHOWN).map((item) => item.reason.replace(/\.$/, ''));
    const more = result.skipped.length - REASONS_SHOWN;
    sentence += `; ${formatCount(result.skipped.length)} skipped: ${reasons.join('; ')}${more > 0 ? `; and ${formatCount(more)} more` : ''}`;
  }
  return `${sentence}.`;
}
