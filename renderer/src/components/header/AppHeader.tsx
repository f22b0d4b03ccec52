import { FolderControls } from './FolderControls';
import { SearchBox } from './SearchBox';

export function AppHeader() {
  return (
    <header className="app-header" role="banner">
      <div className="brand">
        <span className="brand-name">Reckon</span>
      </div>
      <FolderControls />
      <SearchBox />
    </header>
  );
}
