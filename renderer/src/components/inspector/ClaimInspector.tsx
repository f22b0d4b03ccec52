import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClaimRef, Series } from '../../../../shared/domain/crosscheck';
import { formatFigure, intervalInWords, qualifierInWords, timeBasisInWords, unitInWords } from '../../../../shared/claims/describe';
import { useActions, useWorkbench } from '../../state/context';
import { activeClaimMark, sameRef } from '../../state/claims';
import { TimelineChart } from '../charts/TimelineChart';
import { ChecksList } from './ChecksList';
import { ClaimAnnotation } from './ClaimAnnotation';
import { LinksTable } from './LinksTable';
import { DetailsRow as Row } from '../common/DetailsRow';

/**
 * The right-hand panel while a claim is selected: what the claim says (value, interval,
 * time, what it counts), the user's verdict and note, the same quantity in other sources,
 * its series over time, and the arithmetic that uses it.
 */
export function ClaimInspector() {
  const actions = useActions();
  const ref = useWorkbench((s) => s.activeClaim);
  const mark = useWorkbench(activeClaimMark);
  const inspector = useWorkbench((s) => s.inspector);
  const article = useWorkbench((s) => s.article);
  const checks = useWorkbench((s) => s.checks);
  const links = inspector && sameRef(inspector.ref, ref) ? inspector.links : null;
  // The mark once the article's claims are in; the links' copy of the claim until then.
  const claim = mark?.claim ?? links?.claim.claim;
  const time = mark?.time ?? links?.claim.time;
  const usedBy = useMemo(
    () => (ref ? checks.filter((check) => check.articleId === ref.articleId && [check.subject, ...check.inputs].some((r) => sameRef(r, ref))) : []),
    [checks, ref],
  );
  if (!ref) return null;

  const sentence =
    links?.claim.context ?? (claim && article?.id === ref.articleId ? article.text.slice(claim.sentence.start, claim.sentence.end).replace(/\s+/g, ' ') : null);

  return (
    <div className="inspector" data-testid="claim-inspector">
      <section className="details-section" aria-labelledby="inspector-claim">
        <div className="inspector-head">
          <h2 className="details-heading" id="inspector-claim">
            Claim
          </h2>
          <button type="button" className="icon-button" aria-label="Close the claim inspector" title="Close (Esc)" onClick={() => actions.selectClaim(null)}>
            ×
          </button>
        </div>
        {claim && time ? (
          <>
            <p className="inspector-surface" data-testid="inspector-surface">
              “{claim.text}”
              {mark?.discrepancy && (
                <span className="flag-badge" title="Another source differs, or the arithmetic does not add up">
                  ⚑ flagged
                </span>
              )}
            </p>
            <dl className="details-list">
              <Row label="Value">
                {formatFigure(claim.value, claim.unit)} <span className="muted">({unitInWords(claim.unit)})</span>
              </Row>
              <Row label="Interval">
                <span data-testid="inspector-interval">{intervalInWords(claim)}</span>
              </Row>
              <Row label="Qualifier">{qualifierInWords(claim)}</Row>
              <Row label="Time">
                <span data-testid="inspector-time">{time.label || 'not known'}</span>
                <span className="details-note">{timeBasisInWords(time.basis)}</span>
              </Row>
              <Row label="Counts">
                {claim.quantity ? (
                  <>
                    {claim.quantity.phrase}
                    {claim.quantity.key && claim.quantity.key !== claim.quantity.phrase.toLowerCase() && <span className="details-note">matched as “{claim.quantity.key}”</span>}
                  </>
                ) : (
                  <span className="muted">not found in the sentence</span>
                )}
              </Row>
              <Row label="Kind">{claim.kind}</Row>
            </dl>
            {sentence && <blockquote className="inspector-sentence">{sentence}</blockquote>}
          </>
        ) : (
          <p className="muted">{inspector?.error ? 'This figure is no longer a claim in the article.' : 'Loading…'}</p>
        )}
      </section>

      <ClaimAnnotation claimRef={ref} />

      <section className="details-section" aria-labelledby="inspector-links">
        <h2 className="details-heading" id="inspector-links">
          Other sources
        </h2>
        {inspector?.error ? (
          <p className="inline-error" role="alert">
            Could not link this claim: {inspector.error}
          </p>
        ) : !links ? (
          <p className="muted">Looking for the same figure in the other articles…</p>
        ) : links.links.length === 0 ? (
          <p className="muted">No other source reports this quantity.</p>
        ) : (
          <LinksTable links={links.links} currentArticleId={ref.articleId} onOpen={(to) => actions.openClaim(to)} />
        )}
      </section>

      {inspector?.series && inspector.series.points.length > 0 && (
        <SeriesSection series={inspector.series} current={ref} onSelect={(to) => actions.openClaim(to)} />
      )}

      <section className="details-section" aria-labelledby="inspector-checks">
        <h2 className="details-heading" id="inspector-checks">
          Arithmetic
        </h2>
        {usedBy.length === 0 ? <p className="muted">No calculation in this article uses this figure.</p> : <ChecksList checks={usedBy} claimRef={ref} />}
      </section>
    </div>
  );
}

/** Before the panel is measured (and where nothing is laid out, as in tests), draw the chart this wide. */
const DEFAULT_CHART_WIDTH = 340;
const CHART_HEIGHT = 230;

/** The quantity's values over time across sources, as wide as the panel. */
function SeriesSection({ series, current, onSelect }: { series: Series; current: ClaimRef; onSelect(ref: ClaimRef): void }) {
  const frame = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(DEFAULT_CHART_WIDTH);
  useEffect(() => {
    const element = frame.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.floor(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <section className="details-section" aria-labelledby="inspector-series">
      <h2 className="details-heading" id="inspector-series">
        Over time: {series.label}
      </h2>
      <div className="inspector-chart" ref={frame}>
        <TimelineChart series={series} current={current} onSelect={onSelect} width={width} height={CHART_HEIGHT} />
      </div>
    </section>
  );
}
