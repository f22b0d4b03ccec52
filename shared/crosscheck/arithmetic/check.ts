/** Building an ArithmeticCheck: a stable id, the claim references, and the verdict from the intervals. */
import type { Claim } from '../../domain/claim';
import type { AllowedInterval, ArithmeticCheck, CheckKind, CheckVerdict } from '../../domain/crosscheck';
import type { ArticleView } from './context';
import { refOf } from './context';
import type { Range } from './interval';
import { meets } from './interval';

export interface Draft {
  kind: CheckKind;
  /** The checked (or derived-from) figure: a claim, or the span of a wording the engine reports no claim for ("more than double"). */
  subject: { start: number; end: number };
  inputs: Claim[];
  formula: string;
  computed: number;
  unit: string;
  allowed: AllowedInterval | null;
  verdict: CheckVerdict;
  sentence: string;
}

/** Consistent when some value the inputs allow is one the wording allows. */
export function judge(range: Range, allowed: AllowedInterval): Exclude<CheckVerdict, 'derived'> {
  return meets(range, allowed) ? 'consistent' : 'inconsistent';
}

export function makeCheck(view: ArticleView, d: Draft): ArithmeticCheck {
  const inputs = d.inputs.map((c) => refOf(view, c));
  return {
    id: `${d.kind}:${d.subject.start}-${d.subject.end}<${inputs.map((r) => `${r.start}-${r.end}`).join('+')}`,
    articleId: view.articleId,
    kind: d.kind,
    subject: refOf(view, d.subject),
    inputs,
    formula: d.formula,
    computed: d.computed,
    unit: d.unit,
    allowed: d.verdict === 'derived' ? null : d.allowed,
    verdict: d.verdict,
    sentence: d.sentence,
  };
}
