import { baseName } from '../../format';
import { useWorkbench } from '../../state/context';

const PHASES = { scanning: 'Scanning', reading: 'Reading', indexing: 'Indexing', done: 'Finishing' } as const;

/** A slim bar with phase and files done/total while a folder is opened or re-indexed. */
export function ProgressBar() {
  const progress = useWorkbench((s) => s.progress);
  const opening = useWorkbench((s) => s.opening);
  if (!progress && !opening) return null;

  const total = progress?.total ?? 0;
  const done = Math.min(progress?.done ?? 0, total);
  const known = total > 0;
  const phase = progress ? PHASES[progress.phase] : 'Opening';
  const label = known ? `${phase} ${done} of ${total} files` : `${phase}…`;

  return (
    <div className="progress" data-phase={progress?.phase ?? 'opening'}>
      <div
        className={known ? 'progress-track' : 'progress-track is-indeterminate'}
        role="progressbar"
        aria-label="Indexing progress"
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
        aria-valuetext={label}
      >
        <div className="progress-fill" style={known ? { transform: `scaleX(${done / total})` } : undefined} />
      </div>
      <span className="progress-label">
        {label}
        {progress?.current && <span className="progress-current"> · {baseName(progress.current)}</span>}
      </span>
    </div>
  );
}
