import type { ImportResult } from '../../../../shared/domain/report';
import { formatCount, plural } from '../../format';

const DIALECTS: Record<ImportResult['dialect'], string> = {
  reckon: 'Reckon export',
  hypothesis: 'Hypothesis export',
  w3c: 'Web Annotation file',
};

/**
 * An import's outcome in one sentence: "Hypothesis export: 12 imported: 10 anchored, 1 moved,
 * 1 orphan; 2 skipped." Why each was skipped is listed apart (the back end's reasons name
 * their item and quote it, so they run long).
 */
export function importSummary(result: ImportResult): string {
  const outcomes = [
    result.anchored && `${formatCount(result.anchored)} anchored`,
    result.moved && `${formatCount(result.moved)} moved`,
    result.changed && `${formatCount(result.changed)} changed`,
    result.orphaned && plural(result.orphaned, 'orphan'),
  ].filter(Boolean);
  const imported = result.imported === 0 ? 'nothing imported' : `${formatCount(result.imported)} imported${outcomes.length ? `: ${outcomes.join(', ')}` : ''}`;
  const skipped = result.skipped.length > 0 ? `; ${formatCount(result.skipped.length)} skipped` : '';
  return `${DIALECTS[result.dialect]}: ${imported}${skipped}.`;
}
