import { FolderControls } from './FolderControls';
import { SearchBox } from './SearchBox';

export function AppHeader() {
  return (
    <header className="app-header" role="banner">
      <div className="brand" aria-label="Reckon">
        <span className="brand-mark" aria-hidden="true">
          ≈
        </span>
        <span className="brand-name">Reckon</span>
      </div>
      <FolderControls />
      <SearchBox />
    </header>
  );
}
