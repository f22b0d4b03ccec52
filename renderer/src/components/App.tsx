import { useEffect } from 'react';
import type { ApiClient } from '../../../shared/api';
import { useGlobalShortcuts } from '../keyboard';
import { useActions, useSearchInputRef, WorkbenchProvider } from '../state/context';
import type { Workbench } from '../state/workbench';
import { Banners } from './common/Banners';
import { ProgressBar } from './common/ProgressBar';
import { StatusBar } from './common/StatusBar';
import { DetailsPanel } from './details/DetailsPanel';
import { AppHeader } from './header/AppHeader';
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

function Connected({ client }: { client: ApiClient }) {
  const workbench = useActions();
  const searchInput = useSearchInputRef();
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

  return (
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
      aside={<DetailsPanel />}
      status={<StatusBar />}
    />
  );
}
