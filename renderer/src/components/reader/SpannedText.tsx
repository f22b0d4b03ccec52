import { memo, useMemo, type HTMLAttributes, type ReactNode } from 'react';
import { segmentText, type TextParagraph, type TextRun, type TextSpan } from '../../text/spans';

/** Wraps a run's content in the element of one span. Called innermost span last. */
export type SpanRenderer<S extends TextSpan> = (span: S, children: ReactNode, run: TextRun<S>) => ReactNode;

export interface SpannedTextProps<S extends TextSpan> {
  text: string;
  spans: readonly S[];
  renderSpan: SpanRenderer<S>;
  /** Extra attributes for a paragraph (e.g. to present the first one as the headline). */
  paragraphProps?: (paragraph: TextParagraph<S>, index: number) => ParagraphProps | undefined;
}

export type ParagraphProps = HTMLAttributes<HTMLParagraphElement> & { [data: `data-${string}`]: string | undefined };

/**
 * The article text as paragraphs, with every span wrapped by `renderSpan`. Each
 * paragraph and run carries its start offset (data-offset) so later features can map
 * a DOM selection back to text offsets. Text nodes hold the exact characters of the
 * text (white-space is preserved by CSS), so offsets and DOM text agree.
 */
function SpannedTextInner<S extends TextSpan>({ text, spans, renderSpan, paragraphProps }: SpannedTextProps<S>) {
  const paragraphs = useMemo(() => segmentText(text, spans), [text, spans]);
  return (
    <>
      {paragraphs.map((paragraph, index) => {
        const { className, ...extra } = paragraphProps?.(paragraph, index) ?? {};
        return (
          <p
            key={paragraph.start}
            {...extra}
            className={className ? `reader-paragraph ${className}` : 'reader-paragraph'}
            data-offset={paragraph.start}
          >
            {paragraph.runs.map((run) => {
              if (run.spans.length === 0) return run.text;
              // Outermost span first: wrap from the innermost outwards.
              let content: ReactNode = run.text;
              for (let i = run.spans.length - 1; i >= 0; i--) content = renderSpan(run.spans[i]!, content, run);
              return (
                <span key={run.start} className="run" data-offset={run.start}>
                  {content}
                </span>
              );
            })}
          </p>
        );
      })}
    </>
  );
}

export const SpannedText = memo(SpannedTextInner) as typeof SpannedTextInner;
