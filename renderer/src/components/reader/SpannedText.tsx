import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { segmentText, type TextParagraph, type TextRun, type TextSpan } from '../../text/spans';

/** Attributes of an element (`class` for the class name); undefined ones are left out. */
export type Attributes = Record<string, string | undefined>;

/** The attributes of the <mark> that wraps a run's text for one of its spans. */
export type SpanRenderer<S extends TextSpan> = (span: S, run: TextRun<S>) => Attributes;

export interface SpannedTextProps<S extends TextSpan> {
  text: string;
  spans: readonly S[];
  renderSpan: SpanRenderer<S>;
  /** Extra attributes for a paragraph (e.g. to present the first one as the headline). */
  paragraphProps?: (paragraph: TextParagraph<S>, index: number) => Attributes | undefined;
}

/**
 * Paragraphs are grouped into sections of about this many characters (a screen or two),
 * each skipped by the browser's style, layout and paint while out of view
 * (content-visibility): one section per paragraph would cost an intersection check and a
 * style pass per paragraph, and a long article has over a thousand.
 */
const SECTION_CHARS = 3_000;

/** What a paragraph's element holds: its attributes, and its runs with the marks around each, outermost first. */
interface ParagraphPlan {
  attributes: Attributes;
  runs: Array<{ text: string; marks: Attributes[] }>;
}

interface Rendered {
  text: string;
  plans: ParagraphPlan[];
  elements: HTMLParagraphElement[];
}

/**
 * The article text as paragraphs, with every span's text wrapped in a <mark>. Each paragraph
 * carries its start offset (data-offset), and text nodes hold the exact characters of the
 * text (white-space is preserved by CSS; badges are CSS content), so a DOM selection maps
 * back to text offsets (text/selection.ts).
 *
 * The paragraphs are built with the DOM API rather than as React elements: a long article has
 * thousands of text pieces and marks, and building them directly takes half the time React
 * takes (its fibers cost as much again as the DOM). An update (a claim selected, a verdict
 * given, a hit stepped to) rebuilds only the paragraphs whose marks changed. React owns the
 * host element only; clicks are handled by delegation on an ancestor.
 */
function SpannedTextInner<S extends TextSpan>({ text, spans, renderSpan, paragraphProps }: SpannedTextProps<S>) {
  const host = useRef<HTMLDivElement>(null);
  const rendered = useRef<Rendered | null>(null);
  const paragraphs = useMemo(() => segmentText(text, spans), [text, spans]);

  useLayoutEffect(() => {
    const plans = paragraphs.map((paragraph, index) => planParagraph(paragraph, index, renderSpan, paragraphProps));
    const previous = rendered.current;
    if (previous && previous.text === text) {
      plans.forEach((plan, i) => {
        if (samePlan(plan, previous.plans[i]!)) return;
        const element = buildParagraph(host.current!.ownerDocument, plan);
        previous.elements[i]!.replaceWith(element);
        previous.elements[i] = element;
      });
      previous.plans = plans;
    } else {
      rendered.current = buildText(host.current!, text, paragraphs, plans);
    }
  }, [text, paragraphs, renderSpan, paragraphProps]);

  return <div className="reader-body" ref={host} />;
}

export const SpannedText = memo(SpannedTextInner) as typeof SpannedTextInner;

function planParagraph<S extends TextSpan>(
  paragraph: TextParagraph<S>,
  index: number,
  renderSpan: SpanRenderer<S>,
  paragraphProps: SpannedTextProps<S>['paragraphProps'],
): ParagraphPlan {
  const { class: extraClass, ...extra } = paragraphProps?.(paragraph, index) ?? {};
  return {
    attributes: { ...extra, class: extraClass ? `reader-paragraph ${extraClass}` : 'reader-paragraph', 'data-offset': String(paragraph.start) },
    runs: paragraph.runs.map((run) => ({ text: run.text, marks: run.spans.map((span) => renderSpan(span, run)) })),
  };
}

/** Replace the host's content with the text's sections and paragraphs. */
function buildText(host: HTMLElement, text: string, paragraphs: readonly TextParagraph[], plans: ParagraphPlan[]): Rendered {
  const document = host.ownerDocument;
  const content = document.createDocumentFragment();
  const elements: HTMLParagraphElement[] = [];
  let section: HTMLElement | null = null;
  let chars = 0;
  let estimatedEm = 0;
  const closeSection = () => {
    // Until first laid out, a section is as tall as its lines at about 75 characters, 1.65em each, and 1em between paragraphs.
    section?.style.setProperty('contain-intrinsic-size', `auto ${estimatedEm.toFixed(1)}em`);
  };
  plans.forEach((plan, i) => {
    if (!section || chars >= SECTION_CHARS) {
      closeSection();
      section = content.appendChild(document.createElement('div'));
      section.className = 'reader-section';
      chars = 0;
      estimatedEm = 0;
    }
    const length = paragraphs[i]!.end - paragraphs[i]!.start;
    chars += length;
    estimatedEm += Math.ceil(length / 75) * 1.65 + 1;
    elements.push(section.appendChild(buildParagraph(document, plan)));
  });
  closeSection();
  host.replaceChildren(content);
  return { text, plans, elements };
}

function buildParagraph(document: Document, plan: ParagraphPlan): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  setAttributes(paragraph, plan.attributes);
  for (const run of plan.runs) {
    let node: Node = document.createTextNode(run.text);
    // Outermost mark first: wrap from the innermost outwards.
    for (let i = run.marks.length - 1; i >= 0; i--) {
      const mark = document.createElement('mark');
      setAttributes(mark, run.marks[i]!);
      mark.appendChild(node);
      node = mark;
    }
    paragraph.appendChild(node);
  }
  return paragraph;
}

function setAttributes(element: Element, attributes: Attributes) {
  for (const name in attributes) {
    const value = attributes[name];
    if (value !== undefined) element.setAttribute(name, value);
  }
}

function samePlan(a: ParagraphPlan, b: ParagraphPlan): boolean {
  return (
    sameAttributes(a.attributes, b.attributes) &&
    a.runs.length === b.runs.length &&
    a.runs.every((run, i) => {
      const other = b.runs[i]!;
      return run.text === other.text && run.marks.length === other.marks.length && run.marks.every((mark, m) => sameAttributes(mark, other.marks[m]!));
    })
  );
}

function sameAttributes(a: Attributes, b: Attributes): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
