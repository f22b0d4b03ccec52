import type { ReactNode } from 'react';
import { useActions, useWorkbench } from '../../state/context';
import { baseName, plural } from '../../format';
import { ClaimsView } from '../claims/ClaimsView';
import { ArticleView } from './ArticleView';
import { ClaimNavigator } from './ClaimNavigator';
import { HitNavigator } from './HitNavigator';

/** Centre pane: the open article (or the state that explains why there is none), or the claims table. */
export function ReaderPane() {
  const view = useWorkbench((s) => s.view);
  const articleId = useWorkbench((s) => s.article?.id);
  if (view === 'table') {
    return (
      <main className="pane reader-pane table-pane" aria-label="All claims">
        <ClaimsView />
      </main>
    );
  }
  return (
    <main className="pane reader-pane" aria-label="Reader">
      <div className="reader-toolbars">
        <ClaimNavigator />
        <HitNavigator />
      </div>
      {/* A new article gets a new scroller, so it starts at the top without forcing a layout of the text. */}
      <div className="pane-body reader-scroll" id="reader-scroll" key={articleId ?? ''}>
        <ReaderContent />
      </div>
    </main>
  );
}

function ReaderContent() {
  const actions = useActions();
  const corpus = useWorkbench((s) => s.corpus);
  const opening = useWorkbench((s) => s.opening);
  const booting = useWorkbench((s) => s.booting);
  const article = useWorkbench((s) => s.article);
  const articleLoading = useWorkbench((s) => s.articleLoading);

  if (opening) {
    return (
      <State title={`Opening ${baseName(opening)}…`} busy>
        <p className="state-detail">{opening}</p>
        <p>Reading and indexing the articles. Files already indexed are loaded from the cache.</p>
      </State>
    );
  }
  if (!corpus) {
    if (booting) return <State title="Starting…" busy />;
    return (
      <State title="No folder open">
        <p>Open a folder of saved articles (.txt, .md, .html, .pdf, .docx) to read and search it.</p>
        <div className="state-actions">
          <button type="button" className="button button-primary" onClick={() => void actions.chooseFolder()}>
            Open folder…
          </button>
          <button type="button" className="button" onClick={() => void actions.openSampleCorpus()}>
            Open the sample corpus
          </button>
        </div>
      </State>
    );
  }
  if (corpus.articles.length === 0) {
    return (
      <State title={`No readable articles in ${corpus.name}`}>
        <p className="state-detail">{corpus.root}</p>
        {corpus.errors.length > 0 ? (
          <p>
            {plural(corpus.errors.length, 'file was', 'files were')} skipped; the list under Sources says which and why.
          </p>
        ) : (
          <p>The folder has no .txt, .md, .html, .pdf or .docx files.</p>
        )}
        <div className="state-actions">
          <button type="button" className="button" onClick={() => void actions.chooseFolder()}>
            Open another folder…
          </button>
        </div>
      </State>
    );
  }
  if (article) return <ArticleView article={article} />;
  if (articleLoading) return <State title="Loading article…" busy />;
  return (
    <State title="No article selected">
      <p>
        Choose an article under Sources, or press <kbd>j</kbd> / <kbd>k</kbd>.
      </p>
    </State>
  );
}

function State({ title, busy, children }: { title: string; busy?: boolean; children?: ReactNode }) {
  return (
    <section className="reader-state" aria-busy={busy || undefined} aria-live="polite">
      <h2 className="state-title">{title}</h2>
      {children}
    </section>
  );
}
