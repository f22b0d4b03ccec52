import type { ArithmeticCheck, ClaimRef } from '../../../../shared/domain/crosscheck';
import { checkVerdictLabel, formatFigure } from '../../../../shared/claims/describe';
import { sameRef } from '../../state/claims';

/** The arithmetic checks that use a claim: formula, computed value, verdict and the checker's sentence. */
export function ChecksList({ checks, claimRef }: { checks: ArithmeticCheck[]; claimRef: ClaimRef }) {
  return (
    <ul className="checks-list">
      {checks.map((check) => (
        <li key={check.id} className="check-item" data-testid="check-item" data-verdict={check.verdict}>
          <div className="check-head">
            <span className={`check-verdict check-${check.verdict}`}>{checkVerdictLabel(check.verdict)}</span>
            <span className="check-role">{sameRef(check.subject, claimRef) ? 'this figure is checked' : 'this figure is an input'}</span>
          </div>
          <p className="check-formula mono">
            {check.formula} = {formatFigure(check.computed, check.unit)}
          </p>
          <p className="check-sentence">{check.sentence}</p>
        </li>
      ))}
    </ul>
  );
}
