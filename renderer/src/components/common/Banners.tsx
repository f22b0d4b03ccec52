import { useActions, useWorkbench } from '../../state/context';

/** Errors and notices, each dismissible. A failed call shows here; the panes stay usable. */
export function Banners() {
  const banners = useWorkbench((s) => s.banners);
  const actions = useActions();
  if (banners.length === 0) return null;
  return (
    <div className="banners">
      {banners.map((banner) => (
        <div key={banner.id} className={`banner banner-${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'} data-testid={`banner-${banner.kind}`}>
          <span className="banner-label">{banner.kind === 'error' ? 'Error' : 'Note'}</span>
          <span className="banner-message">{banner.message}</span>
          <button type="button" className="banner-dismiss" aria-label="Dismiss message" title="Dismiss" onClick={() => actions.dismissBanner(banner.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
