import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../../shared/domain/article';
import { NO_VERDICT, type ReportFormat } from '../../../../shared/domain/report';
import { formatDate } from '../../format';
import { useActions, useWorkbench } from '../../state/context';
import { Dialog } from '../common/Dialog';
import { downloadReportFile } from './download';
import { FORMAT_CHOICES, formatLabel } from './formats';
import { ImportAnnotations } from './ImportAnnotations';
import { Checklist, reportFilter, verdictFilterIds, type ChecklistItem } from './ReportFilterFields';
import { PreviewFrame, SummaryFigures, useReportPreview } from './ReportPreview';
import '../../styles/export.css';

const NO_ARTICLES: ArticleSummary[] = [];

/** The Export dialog, while the workbench says it is open and a folder is open to report on. */
export function ExportDialog() {
  const open = useWorkbench((s) => s.exportOpen);
  const hasCorpus = useWorkbench((s) => s.corpus !== null);
  return open && hasCorpus ? <ExportPanel /> : null;
}

type Outcome = { kind: 'done' | 'error'; text: string };

function ExportPanel() {
  const actions = useActions();
  const articles = useWorkbench((s) => s.corpus?.articles ?? NO_ARTICLES);
  const scale = useWorkbench((s) => s.settings.verdictScale);
  const canSave = useWorkbench((s) => Boolean(s.app?.canPickFolder));
  // A new list whenever an annotation is made, changed or imported: the preview follows it.
  const annotations = useWorkbench((s) => s.annotations);
  const formatName = useId();
  const footer = useRef<HTMLDivElement>(null);

  const [format, setFormat] = useState<ReportFormat>('html');
  const [excludedArticles, setExcludedArticles] = useState<ReadonlySet<string>>(new Set());
  const [excludedVerdicts, setExcludedVerdicts] = useState<ReadonlySet<string>>(new Set());
  const [exporting, setExporting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const articleItems = useMemo<ChecklistItem[]>(
    () => articles.map((article) => ({ id: article.id, label: article.title, detail: [formatDate(article.date), article.publisher].filter(Boolean).join(' · ') })),
    [articles],
  );
  const verdictItems = useMemo<ChecklistItem[]>(
    () => [...scale.map((option) => ({ id: option.id, label: option.label, className: `verdict-badge verdict-${option.id}` })), { id: NO_VERDICT, label: 'No verdict' }],
    [scale],
  );
  const filter = useMemo(
    () => reportFilter(articles.map((article) => article.id), excludedArticles, verdictFilterIds(scale.map((option) => option.id)), excludedVerdicts),
    [articles, excludedArticles, scale, excludedVerdicts],
  );
  const preview = useReportPreview(filter, annotations);
  const close = () => actions.setExportOpen(false);

  // Focus can fall out of the dialog (a click on its text); Esc must still close it. The
  // dialog's own handler stops the Esc it handles, so this sees only the others.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) actions.setExportOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [actions]);

  const runExport = async () => {
    if (exporting) return;
    setExporting(true);
    setOutcome(null);
    try {
      if (canSave) {
        const path = await actions.saveReport(format, filter);
        // Cancelled in the save dialog: nothing to say.
        if (path) setOutcome({ kind: 'done', text: `Saved to ${path}` });
      } else {
        const file = await actions.exportReport(format, filter);
        downloadReportFile(file, footer.current ?? undefined);
        setOutcome({ kind: 'done', text: `Downloaded ${file.fileName}` });
      }
    } catch (err) {
      setOutcome({ kind: 'error', text: `Could not export the ${formatLabel(format)} report: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Dialog title="Export a report" onClose={close} className="export-dialog" testId="export-dialog" initialFocus={`input[name="${formatName}"]:checked`}>
      <button type="button" className="icon-button export-close" aria-label="Close the Export dialog" onClick={close}>
        ×
      </button>

      <div className="export-options">
        <fieldset className="export-fieldset">
          <legend className="field-label">Format</legend>
          {FORMAT_CHOICES.map((choice) => (
            <label key={choice.id} className="export-format">
              <input type="radio" name={formatName} value={choice.id} checked={format === choice.id} onChange={() => setFormat(choice.id)} />
              <span className="export-format-text">
                <span className="export-format-label">{choice.label}</span>
                <span className="export-format-description">{choice.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <Checklist legend="Articles" allLabel="All articles" items={articleItems} excluded={excludedArticles} onChange={setExcludedArticles} testId="export-articles" />
        <Checklist legend="Verdicts" allLabel="All verdicts" items={verdictItems} excluded={excludedVerdicts} onChange={setExcludedVerdicts} testId="export-verdicts" chips />
      </div>

      <section className="export-preview" aria-label="Preview" aria-busy={preview.loading}>
        {preview.summary && <SummaryFigures summary={preview.summary} />}
        {preview.error ? (
          <p className="export-message export-error">Could not build the preview: {preview.error}</p>
        ) : preview.html !== null ? (
          <PreviewFrame html={preview.html} />
        ) : (
          <p className="export-placeholder muted">Building the preview…</p>
        )}
        {format !== 'html' && format !== 'pdf' && (
          <p className="field-hint">The preview shows the HTML report; the {formatLabel(format)} file holds the same annotations.</p>
        )}
      </section>

      <div ref={footer} className="export-footer">
        <ImportAnnotations />
        <p className={outcome?.kind === 'error' ? 'export-message export-error' : 'export-message'} role="status" data-testid="export-result">
          {outcome?.text}
        </p>
        <button type="button" className="button" onClick={close}>
          Close
        </button>
        {/* aria-disabled, not disabled: a disabled button drops the focus out of the dialog. */}
        <button type="button" className="button button-primary" aria-disabled={exporting} onClick={() => void runExport()} data-testid="export-run">
          {exporting ? 'Exporting…' : canSave ? `Save ${formatLabel(format)}…` : `Export ${formatLabel(format)}`}
        </button>
      </div>
    </Dialog>
  );
}
