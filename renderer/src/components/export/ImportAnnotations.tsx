import { useId, useRef, useState, type ChangeEvent } from 'react';
import { MAX_IMPORT_CHARS } from '../../../../shared/api/contract';
import { formatBytes } from '../../format';
import { useActions } from '../../state/context';
import { importSummary } from './importSummary';

type Outcome = { kind: 'done' | 'error'; text: string; skipped?: string[] };

const HINT = 'W3C Web Annotation JSON-LD, from Reckon or Hypothesis; each annotation is anchored in this folder’s articles.';

/**
 * "Import annotations…": a W3C Web Annotation file (Reckon's own export, or Hypothesis's),
 * read here and sent whole; the back end re-anchors each annotation in the open folder.
 */
export function ImportAnnotations() {
  const actions = useActions();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) imports again.
    event.target.value = '';
    if (!file) return;
    setOutcome(null);
    if (file.size > MAX_IMPORT_CHARS) {
      setOutcome({ kind: 'error', text: `${file.name} is ${formatBytes(file.size)}; Reckon imports files of up to ${formatBytes(MAX_IMPORT_CHARS)}.` });
      return;
    }
    setBusy(true);
    try {
      const result = await actions.importAnnotations(file.name, await file.text());
      setOutcome({ kind: 'done', text: `${file.name}: ${importSummary(result)}`, skipped: result.skipped.map((item) => item.reason) });
    } catch (err) {
      setOutcome({ kind: 'error', text: `Could not import ${file.name}: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-import">
      {/* aria-disabled, not disabled: a disabled button drops the focus out of the dialog. */}
      <button type="button" className="button" aria-describedby={hintId} aria-disabled={busy} title={HINT} onClick={() => busy || input.current?.click()}>
        {busy ? 'Importing…' : 'Import annotations…'}
      </button>
      <input ref={input} type="file" accept=".json,.jsonld,application/json,application/ld+json" hidden data-testid="import-file" onChange={(event) => void onChange(event)} />
      <span id={hintId} className="visually-hidden">
        {HINT}
      </span>
      <div className="export-import-outcome">
        <p className={outcome?.kind === 'error' ? 'export-message export-error' : 'export-message'} role="status" data-testid="import-result">
          {outcome?.text}
        </p>
        {outcome?.skipped && outcome.skipped.length > 0 && (
          <details className="export-skipped">
            <summary>Why {outcome.skipped.length === 1 ? 'it was' : 'they were'} skipped</summary>
            <ul data-testid="import-skipped">
              {outcome.skipped.map((reason, i) => (
                <li key={i}>{reason}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </div>
  );
}
