import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { App } from './components/App';
import { createWorkbench } from './state/workbench';
import './styles/base.css';
import './styles/themes.css';
import './styles/layout.css';
import './styles/panes.css';
import './styles/reader.css';

const client = createClient();
const workbench = createWorkbench(client);
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App workbench={workbench} client={client} />
  </StrictMode>,
);
