/**
 * Mapping a DOM selection in SpannedText's output back to offsets in the article text.
 *
 * SpannedText writes every paragraph with its start offset (data-offset) and holds the
 * text's exact characters in its text nodes (badges are CSS, not text), so the offset of a
 * DOM point is the offset of its nearest [data-offset] ancestor plus the length of the
 * text between that ancestor's start and the point.
 */

export interface TextRange {
  start: number;
  end: number;
}

const OFFSET_ATTR = 'data-offset';

/** The text offset of a DOM point (node, offset) inside `root`, or null when it is not inside the text. */
export function offsetOfPoint(root: Element, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  const element = node instanceof Element ? node : node.parentElement;
  const anchor = element?.closest(`[${OFFSET_ATTR}]`);
  if (anchor && root.contains(anchor)) {
    const before = root.ownerDocument.createRange();
    before.setStart(anchor, 0);
    before.setEnd(node, offset);
    return Number(anchor.getAttribute(OFFSET_ATTR)) + before.toString().length;
  }
  // A point between paragraphs (e.g. a triple-click's end): the start of the paragraph after it,
  // or the end of the one before it.
  if (node instanceof Element) {
    const after = firstOffsetElement(node.childNodes[offset]);
    if (after) return Number(after.getAttribute(OFFSET_ATTR));
    const previous = lastParagraph(node.childNodes[offset - 1]);
    if (previous) return Number(previous.getAttribute(OFFSET_ATTR)) + (previous.textContent?.length ?? 0);
  }
  return null;
}

function firstOffsetElement(node: Node | undefined): Element | null {
  if (!(node instanceof Element)) return null;
  return node.hasAttribute(OFFSET_ATTR) ? node : node.querySelector(`[${OFFSET_ATTR}]`);
}

function lastParagraph(node: Node | undefined): Element | null {
  if (!(node instanceof Element)) return null;
  if (node.hasAttribute(OFFSET_ATTR)) return node;
  const all = node.querySelectorAll(`p[${OFFSET_ATTR}]`);
  return all[all.length - 1] ?? null;
}

/**
 * The span of the text a selection covers, trimmed of surrounding white space, or null
 * when the selection is empty or reaches outside `root`'s text.
 */
export function selectionToRange(root: Element, selection: Selection | null, text: string): TextRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const a = offsetOfPoint(root, range.startContainer, range.startOffset);
  const b = offsetOfPoint(root, range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  let start = Math.max(0, Math.min(a, b));
  let end = Math.min(text.length, Math.max(a, b));
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}
