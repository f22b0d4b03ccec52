import { useEffect, useRef, useState } from 'react';
import type { Report, ReportFilter } from '../../../../shared/domain/report';
import { formatCount, plural } from '../../format';
import { useActions } from '../../state/context';

export type ReportSummary = Report['summary'];

/** Ticking boxes in a row waits for the last one: each preview is a whole report built in the back end. */
export const PREVIEW_DELAY_MS = 250;

interface PreviewState {
  html: string | null;
  summary: ReportSummary | null;
  loading: boolean;
  error: string | null;
}

/**
 * The HTML report for `filter`, fetched at once when the dialog opens and then `PREVIEW_DELAY_MS`
 * after the filter last changed; again when `revision` changes (the annotations did). A
 * response that arrives after a newer request was made is dropped.
 */
export function useReportPreview(filter: ReportFilter, revision: unknown): PreviewState {
  const actions = useActions();
  const [state, setState] = useState<PreviewState>({ html: null, summary: null, loading: true, error: null });
  const opened = useRef(false);

  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    const delay = opened.current ? PREVIEW_DELAY_MS : 0;
    opened.current = true;
    const timer = setTimeout(() => {
      actions.reportPreview(filter).then(
        ({ html, summary }) => current && setState({ html, summary, loading: false, error: null }),
        (err: unknown) => current && setState((s) => ({ ...s, loading: false, error: err instanceof Error ? err.message : String(err) })),
      );
    }, delay);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [actions, filter, revision]);

  return state;
}

/** The figures the report opens with: claims checked, verdict counts, discrepancies. */
export function SummaryFigures({ summary }: { summary: ReportSummary }) {
  const counted = summary.verdicts.filter((verdict) => verdict.count > 0);
  return (
    <div className="export-summary" data-testid="export-summary">
      <dl className="export-figures">
        <Figure label="Claims checked" value={summary.claimsChecked} detail={`of ${plural(summary.annotations, 'annotation')}`} />
        <Figure label="Discrepancies" value={summary.discrepancies} detail={`among ${plural(summary.claims, 'claim')}`} />
        <Figure label="Articles" value={summary.articles} detail={summary.orphans > 0 ? `${plural(summary.orphans, 'orphan')} in them` : undefined} />
      </dl>
      <ul className="export-verdicts" aria-label="Verdicts">
        {counted.map((verdict) => (
          <li key={verdict.id} className={`verdict-badge verdict-${verdict.id}`}>
            {verdict.label} {formatCount(verdict.count)}
          </li>
        ))}
        {summary.noVerdict > 0 && <li className="verdict-badge">No verdict {formatCount(summary.noVerdict)}</li>}
        {counted.length === 0 && summary.noVerdict === 0 && <li className="muted">No annotations in this selection</li>}
      </ul>
    </div>
  );
}

function Figure({ label, value, detail }: { label: string; value: number; detail?: string }) {
  return (
    <div className="export-figure">
      <dt>{label}</dt>
      <dd>
        <span className="export-figure-value">{formatCount(value)}</span>
        {detail && <span className="export-figure-detail"> {detail}</span>}
      </dd>
    </div>
  );
}

/**
 * The report itself, in a sandboxed frame: no scripts, and an origin of its own, so nothing in
 * a report (article text included) can reach the app. The frame inherits the page's
 * Content-Security-Policy, which allows the report's one stylesheet by its hash (main/csp.ts).
 */
export function PreviewFrame({ html }: { html: string }) {
  return <iframe className="export-frame" data-testid="export-preview" title="Report preview" sandbox="" srcDoc={html} />;
}
