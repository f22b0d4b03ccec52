import type { ReactNode } from 'react';

export interface WorkbenchLayoutProps {
  header: ReactNode;
  /** Progress and message banners under the header. */
  notices: ReactNode;
  nav: ReactNode;
  reader: ReactNode;
  /** The right-hand panel's content (details, or the claim inspector); null hides the panel (the claims table takes its room). */
  aside: ReactNode | null;
  asideLabel?: string;
  status: ReactNode;
}

/** The window's grid: header, notices, three panes, status bar. Knows nothing of the data. */
export function WorkbenchLayout({ header, notices, nav, reader, aside, asideLabel = 'Details', status }: WorkbenchLayoutProps) {
  return (
    <div className="workbench">
      {header}
      <div className="workbench-notices">{notices}</div>
      <div className={aside === null ? 'workbench-panes no-aside' : 'workbench-panes'}>
        {nav}
        {reader}
        {aside !== null && (
          <aside className="pane aside-pane" aria-label={asideLabel}>
            <div className="pane-body">{aside}</div>
          </aside>
        )}
      </div>
      {status}
    </div>
  );
}
