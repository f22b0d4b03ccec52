import { render } from '@testing-library/react';
import { App } from '../../../renderer/src/components/App';
import { createWorkbench } from '../../../renderer/src/state/workbench';
import { createFakeClient, type FakeOptions } from './fakeClient';

/** Render the whole UI against a fake back end. */
export function renderApp(options: FakeOptions = {}, prepare?: (client: ReturnType<typeof createFakeClient>) => void) {
  const client = createFakeClient(options);
  prepare?.(client);
  const workbench = createWorkbench(client);
  const utils = render(<App workbench={workbench} client={client} />);
  return { client, workbench, ...utils };
}
