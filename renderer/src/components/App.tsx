import { useEffect, useMemo } from 'react';
import type { ApiClient } from '../../../shared/api';
import type { Theme } from '../../../shared/domain/settings';
import { useGlobalShortcuts } from '../keyboard';
import { workbenchShortcuts } from '../shortcuts';
import { useActions, useSearchInputRef, useWorkbench, WorkbenchProvider } from '../state/context';
import type { Workbench } from '../state/workbench';
import { AnnotationEditor } from './annotations/AnnotationEditor';
import { UndoToast } from './annotations/UndoToast';
import { Banners } from './common/Banners';
import { ProgressBar } from './common/ProgressBar';
import { StatusBar } from './common/StatusBar';
import { DetailsPanel } from './details/DetailsPanel';
import { AppHeader } from './header/AppHeader';
import { ExportDialog } from './export/ExportDialog';
import { HelpOverlay } from './help/HelpOverlay';
import { ClaimInspector } from './inspector/ClaimInspector';
import { WorkbenchLayout } from './layout/Workbench';
import { NavigationPane } from './nav/NavigationPane';
import { ReaderPane } from './reader/ReaderPane';

/** The whole UI for one workbench; `client` is only used to wire events, the workbench owns the calls. */
export function App({ workbench, client }: { workbench: Workbench; client: ApiClient }) {
  return (
    <WorkbenchProvider workbench={workbench}>
      <Connected client={client} />
    </WorkbenchProvider>
  );
}

/** The theme from the settings, as `data-theme` on <html> (none for "system": the stylesheet follows the OS). */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement) {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
}

function Connected({ client }: { client: ApiClient }) {
  const workbench = useActions();
  const searchInput = useSearchInputRef();
  const theme = useWorkbench((s) => s.settings.theme);
  const view = useWorkbench((s) => s.view);
  const claimSelected = useWorkbench((s) => s.activeClaim !== null);
  const helpOpen = useWorkbench((s) => s.helpOpen);
  const scale = useWorkbench((s) => s.settings.verdictScale);
  const shortcuts = useMemo(() => workbenchShortcuts(scale), [scale]);
  useGlobalShortcuts(workbench, searchInput);

  useEffect(() => {
    const offProgress = client.on('indexProgress', (progress) => workbench.onIndexProgress(progress));
    const offChanged = client.on('corpusChanged', (change) => void workbench.onCorpusChanged(change));
    void workbench.start();
    return () => {
      offProgress();
      offChanged();
    };
  }, [client, workbench]);

  useEffect(() => applyTheme(theme), [theme]);

  return (
    <>
      <WorkbenchLayout
        header={<AppHeader />}
        notices={
          <>
            <ProgressBar />
            <Banners />
          </>
        }
        nav={<NavigationPane />}
        reader={<ReaderPane />}
        aside={view === 'table' ? null : claimSelected ? <ClaimInspector /> : <DetailsPanel />}
        asideLabel={claimSelected ? 'Claim inspector' : 'Details'}
        status={<StatusBar />}
      />
      <AnnotationEditor />
      <UndoToast />
      <ExportDialog />
      <HelpOverlay open={helpOpen} onClose={() => workbench.setHelpOpen(false)} shortcuts={shortcuts} />
    </>
  );
}
