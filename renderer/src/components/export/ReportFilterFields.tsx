import { useEffect, useRef } from 'react';
import { NO_VERDICT, type ReportFilter } from '../../../../shared/domain/report';

export interface ChecklistItem {
  id: string;
  label: string;
  /** A second, quieter line (date and publisher). */
  detail?: string;
  /** Extra class for the label (a verdict's colour). */
  className?: string;
}

/**
 * A fieldset of checkboxes with an "All" box above them, checked when every item is,
 * half-checked when some are. Keeps the items left out rather than those chosen, so
 * that "all" stays all when items are added (a new article in the folder).
 */
export function Checklist({
  legend,
  allLabel,
  items,
  excluded,
  onChange,
  testId,
  chips = false,
}: {
  legend: string;
  allLabel: string;
  items: ChecklistItem[];
  excluded: ReadonlySet<string>;
  onChange(excluded: ReadonlySet<string>): void;
  testId?: string;
  /** Short labels (verdicts) flow in rows rather than one to a line. */
  chips?: boolean;
}) {
  const allBox = useRef<HTMLInputElement>(null);
  const chosen = items.filter((item) => !excluded.has(item.id)).length;
  const all = chosen === items.length;
  useEffect(() => {
    // `indeterminate` exists only as a DOM property.
    if (allBox.current) allBox.current.indeterminate = chosen > 0 && !all;
  }, [chosen, all]);

  const toggle = (id: string, checked: boolean) => {
    const next = new Set(excluded);
    if (checked) next.delete(id);
    else next.add(id);
    onChange(next);
  };

  return (
    <fieldset className="export-fieldset" data-testid={testId}>
      <legend className="field-label">{legend}</legend>
      <label className="export-check export-check-all">
        <input ref={allBox} type="checkbox" checked={all} onChange={(event) => onChange(event.target.checked ? new Set() : new Set(items.map((item) => item.id)))} />
        <span>
          {allLabel} <span className="muted">({all ? items.length : `${chosen} of ${items.length}`})</span>
        </span>
      </label>
      <ul className={chips ? 'export-checklist export-chips' : 'export-checklist'}>
        {items.map((item) => (
          <li key={item.id}>
            <label className="export-check" title={item.detail ? `${item.label}\n${item.detail}` : item.label}>
              <input type="checkbox" value={item.id} checked={!excluded.has(item.id)} onChange={(event) => toggle(item.id, event.target.checked)} />
              <span className="export-check-text">
                <span className={item.className ? `export-check-label ${item.className}` : 'export-check-label'}>{item.label}</span>
                {item.detail && <span className="export-check-detail">{item.detail}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The contract's filter: a list only where something is left out (absent means all). */
export function reportFilter(articleIds: readonly string[], excludedArticles: ReadonlySet<string>, verdictIds: readonly string[], excludedVerdicts: ReadonlySet<string>): ReportFilter {
  const filter: ReportFilter = {};
  if (articleIds.some((id) => excludedArticles.has(id))) filter.articleIds = articleIds.filter((id) => !excludedArticles.has(id));
  if (verdictIds.some((id) => excludedVerdicts.has(id))) filter.verdicts = verdictIds.filter((id) => !excludedVerdicts.has(id));
  return filter;
}

/** The verdict filter's ids: the scale, best first, then annotations without a verdict. */
export const verdictFilterIds = (scaleIds: readonly string[]): string[] => [...scaleIds, NO_VERDICT];
