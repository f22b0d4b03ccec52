import { useCallback, useEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { Article } from '../../../../shared/domain/article';
import type { ClaimMark } from '../../../../shared/domain/crosscheck';
import { claimTooltip } from '../../../../shared/claims/describe';
import { useActions, useWorkbench } from '../../state/context';
import { placedIn, verdictOption, type PlacedAnnotation } from '../../state/annotations';
import { claimsOfOpenArticle, refOfMark } from '../../state/claims';
import { hitForArticle } from '../../state/workbench';
import { paragraphRanges, type TextRun, type TextSpan } from '../../text/spans';
import { ArticleDateLabel } from '../nav/SourcesList';
import { SelectionPopover } from './SelectionPopover';
import { SpannedText, type Attributes } from './SpannedText';

/** The reader's three layers, outermost first: annotations, claims, search hits. */
type ReaderSpan = TextSpan<'note' | 'claim' | 'hit'>;

/** The article: title, publisher/byline and date, then its text with annotations, claims and search hits marked. */
export function ArticleView({ article }: { article: Article }) {
  const actions = useActions();
  const hit = useWorkbench(hitForArticle);
  const activeHit = useWorkbench((s) => s.activeHit);
  const claims = useWorkbench(claimsOfOpenArticle);
  const activeClaim = useWorkbench((s) => s.activeClaim);
  const annotations = useWorkbench((s) => s.annotations);
  const scale = useWorkbench((s) => s.settings.verdictScale);
  const focusAnnotation = useWorkbench((s) => s.focusAnnotation);
  const container = useRef<HTMLElement>(null);
  const textRoot = useRef<HTMLDivElement>(null);

  const notes = useMemo(() => placedIn(annotations, article.id), [annotations, article.id]);
  const claimNotes = useMemo(() => {
    // The annotation on each claim's exact span, for the verdict badge.
    const bySpan = new Map(notes.map((note) => [`${note.anchor.start}-${note.anchor.end}`, note]));
    return claims.map((mark) => bySpan.get(`${mark.claim.start}-${mark.claim.end}`));
  }, [claims, notes]);
  const activeIndex = useMemo(
    () => (activeClaim?.articleId === article.id ? claims.findIndex((m) => m.claim.start === activeClaim.start && m.claim.end === activeClaim.end) : -1),
    [activeClaim, claims, article.id],
  );

  // Hits in reading order, numbered so "hit 2 of 5" and the marks agree.
  const hitSpans = useMemo<ReaderSpan[]>(
    () =>
      [...(hit?.matches ?? [])]
        .sort((a, b) => a.start - b.start || a.end - b.end)
        .map((match, index) => ({ start: match.start, end: match.end, kind: 'hit', index })),
    [hit],
  );
  const spans = useMemo<ReaderSpan[]>(
    () => [
      ...notes.map((note, index): ReaderSpan => ({ start: note.anchor.start, end: note.anchor.end, kind: 'note', index })),
      ...claims.map((mark, index): ReaderSpan => ({ start: mark.claim.start, end: mark.claim.end, kind: 'claim', index })),
      ...hitSpans,
    ],
    [notes, claims, hitSpans],
  );

  // Worded once per set of claims: selecting a claim or giving a verdict re-plans every mark.
  const claimTooltips = useMemo(() => claims.map((mark) => claimTooltip(mark.claim, mark.time)), [claims]);

  const renderSpan = useCallback(
    (span: ReaderSpan, run: TextRun<ReaderSpan>): Attributes => {
      if (span.kind === 'hit') {
        const active = span.index === activeHit;
        return { 'data-hit': '', 'data-hit-index': String(span.index), class: active ? 'hit is-active' : 'hit', 'aria-current': active ? 'true' : undefined };
      }
      if (span.kind === 'claim') {
        const mark = claims[span.index]!;
        const verdict = verdictOption(scale, claimNotes[span.index]?.verdict)?.label;
        return claimAttributes({ mark, index: span.index, tooltip: claimTooltips[span.index]!, verdict, selected: span.index === activeIndex, last: run.end === mark.claim.end });
      }
      const note = notes[span.index]!;
      return noteAttributes(note, verdictOption(scale, note.verdict)?.label, note.id === focusAnnotation);
    },
    [activeHit, activeIndex, claims, claimTooltips, claimNotes, notes, scale, focusAnnotation],
  );

  // Most articles open with their headline. Then the text's own first paragraph is shown as
  // the headline (it may carry hits and claims) rather than repeating the title above it.
  const headlineInText = useMemo(() => {
    const first = paragraphRanges(article.text)[0];
    return first !== undefined && sameWords(article.text.slice(first.start, first.end), article.title);
  }, [article]);
  const paragraphProps = useCallback(
    (_paragraph: unknown, index: number): Attributes | undefined =>
      headlineInText && index === 0 ? { class: 'reader-headline', role: 'heading', 'aria-level': '1', id: 'reader-title', 'data-testid': 'reader-title' } : undefined,
    [headlineInText],
  );

  // Bring the active hit into view. (A newly opened article starts at the top: ReaderPane gives it a new scroller.)
  useEffect(() => {
    container.current?.querySelector(`mark[data-hit-index="${activeHit}"]`)?.scrollIntoView?.({ block: 'center' });
  }, [article, hitSpans, activeHit]);
  // Bring the selected claim into view (n/p, a followed link, a table row).
  useEffect(() => {
    if (activeIndex < 0) return;
    container.current?.querySelector(`mark[data-claim-index="${activeIndex}"]`)?.scrollIntoView?.({ block: 'center' });
  }, [activeIndex, article]);

  // Bring an annotation shown from the orphans list or the details panel into view, once it is rendered.
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAnnotation || revealed.current === focusAnnotation) return;
    const element = container.current?.querySelector(`[data-annotation-id="${focusAnnotation}"]`);
    if (!element) return;
    revealed.current = focusAnnotation;
    element.scrollIntoView?.({ block: 'center' });
  }, [focusAnnotation, notes]);

  const onClick = (event: MouseEvent<HTMLElement>) => {
    // The end of a drag that selected text is not a click on a mark.
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    const target = event.target as Element;
    const claimElement = target.closest('[data-claim-index]');
    if (claimElement) {
      const mark = claims[Number(claimElement.getAttribute('data-claim-index'))];
      if (mark) actions.selectClaim(refOfMark(article.id, mark));
      return;
    }
    const noteElement = target.closest('[data-annotation-id]');
    if (noteElement) actions.editAnnotation(noteElement.getAttribute('data-annotation-id')!);
  };

  return (
    <article className="reader-article" data-testid="reader" data-id={article.id} aria-labelledby="reader-title" ref={container}>
      <header className="reader-head">
        <p className="reader-byline">
          {article.publisher && <span className="reader-publisher">{article.publisher}</span>}
          {article.byline && article.byline !== article.publisher && <span className="reader-author">{article.byline}</span>}
          <ArticleDateLabel article={article} />
        </p>
        {!headlineInText && (
          <h1 className="reader-title" id="reader-title" data-testid="reader-title">
            {article.title}
          </h1>
        )}
      </header>
      {/* Clicks on marks are shortcuts for mouse users; n/p and the inspector do the same from the keyboard. */}
      <div className="reader-text" lang="en" ref={textRoot} data-testid="reader-text" onClick={onClick}>
        <SpannedText text={article.text} spans={spans} renderSpan={renderSpan} paragraphProps={paragraphProps} />
      </div>
      <SelectionPopover textRoot={textRoot} article={article} />
    </article>
  );
}

/**
 * The attributes of one piece of a claim's highlight (a claim cut by a hit or an annotation
 * edge has several). Colour says the kind; a wavy underline and a ⚑ badge say "flagged", a
 * solid underline and the verdict's label say "has a verdict", so neither depends on colour
 * alone. The badge is CSS content on the last piece, not text, so DOM offsets stay the text's.
 */
function claimAttributes({
  mark,
  index,
  tooltip,
  verdict,
  selected,
  last,
}: {
  mark: ClaimMark;
  index: number;
  tooltip: string;
  verdict: string | undefined;
  selected: boolean;
  last: boolean;
}): Attributes {
  const classes = ['claim', `claim-${mark.claim.kind}`];
  if (mark.discrepancy) classes.push('is-flagged');
  if (verdict) classes.push('has-verdict');
  if (selected) classes.push('is-selected');
  const badge = [mark.discrepancy ? '⚑' : '', verdict ?? ''].filter(Boolean).join(' ');
  const notes = [tooltip, mark.discrepancy ? 'Flagged: another source differs, or the arithmetic does not add up' : '', verdict ? `Verdict: ${verdict}` : ''];
  return {
    class: classes.join(' '),
    'data-claim-index': String(index),
    'data-kind': mark.claim.kind,
    'data-flagged': mark.discrepancy ? 'true' : undefined,
    'data-verdict': verdict,
    'data-badge': last && badge ? badge : undefined,
    title: notes.filter(Boolean).join('\n'),
    'aria-current': selected ? 'true' : undefined,
  };
}

function noteAttributes(note: PlacedAnnotation, verdict: string | undefined, focused: boolean): Attributes {
  const state = note.anchor.state;
  const title = [
    verdict ? `Verdict: ${verdict}` : 'Annotation',
    note.note ? `Note: ${note.note}` : '',
    state === 'moved' ? 'The passage moved since it was annotated' : '',
    state === 'changed' ? `The text changed since it was annotated (was “${note.target.quote.exact}”)` : '',
  ];
  return {
    class: `note note-${state}${focused ? ' is-focused' : ''}`,
    'data-annotation-id': note.id,
    'data-verdict': note.verdict ?? undefined,
    title: title.filter(Boolean).join('\n'),
  };
}

/** Same words, ignoring case, spacing, closing punctuation and Markdown emphasis/heading marks. */
function sameWords(a: string, b: string): boolean {
  const words = (s: string) =>
    s
      .replace(/[#*_]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[.:;,!?]+$/, '')
      .toLowerCase();
  return words(a) === words(b);
}
