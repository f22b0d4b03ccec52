import { FolderControls } from './FolderControls';
import { SearchBox } from './SearchBox';
import { ExportButton, HelpButton, ThemeToggle, ViewToggle } from './ViewControls';

export function AppHeader() {
  return (
    <header className="app-header" role="banner">
      <div className="brand">
        <span className="brand-name">Reckon</span>
      </div>
      <FolderControls />
      <ViewToggle />
      <SearchBox />
      <ExportButton />
      <ThemeToggle />
      <HelpButton />
    </header>
  );
}
