import type { ReactNode } from 'react';

/** One label–value row of a side panel's definition list (article details, claim inspector). */
export function DetailsRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
