/**
 * The annotated report as Markdown (CommonMark with GFM tables): the HTML report's content,
 * for a wiki, a pull request or an editor's plain-text reader. Pure: a Report in, a string out.
 *
 * Article and user text is escaped so that it reads as typed: a note with `|` cannot split a
 * table row, `*` cannot start emphasis, `<b>` is not HTML, `1.` at a line start is not a list.
 */
import { checkVerdictLabel, formatNumber, relationLabel } from '../claims/describe';
import type { Report, ReportArticle, ReportCheck, ReportEntry, ReportLink, ReportSource } from '../domain/report';
import {
  checkWorking,
  describeFilter,
  EVIDENCE_KIND,
  formatGenerated,
  formatSourceDate,
  isWebAddress,
  linkSourceDate,
  NO_SOURCES,
  NO_VERDICT_LABEL,
  plural,
  sourceDatesOf,
  verdictLabel,
  type SourceDates,
} from './words';

/** The report as a Markdown document, ending in a newline. */
export function renderReportMarkdown(report: Report): string {
  const dates = sourceDatesOf(report);
  const blocks = [
    ...renderHeader(report),
    ...renderSummary(report),
    ...report.articles.flatMap((article, index) => renderArticle(article, index, report.articles.length, dates)),
    ...renderAppendix(report.sources),
  ];
  return `${blocks.join('\n\n')}\n`;
}

function renderHeader(report: Report): string[] {
  const facts: [string, string][] = [['Corpus', report.corpusName]];
  if (report.author) facts.push(['Author', report.author]);
  if (report.organisation) facts.push(['Organisation', report.organisation]);
  facts.push(['Generated', `${formatGenerated(report.generated)} by ${report.generator}`]);
  const selection = describeFilter(report);
  if (selection) facts.push(['Selection', selection]);
  return [heading(1, report.title), facts.map(([label, value]) => `- **${label}:** ${inline(value)}`).join('\n')];
}

function renderSummary(report: Report): string[] {
  const { summary } = report;
  const stats = [
    `- **Claims checked:** ${formatNumber(summary.claimsChecked)} (${plural(summary.annotations, 'annotation')}, ${formatNumber(summary.noVerdict)} without a verdict)`,
    `- **Discrepancies found:** ${plural(summary.discrepancies, 'claim')} involved in one (a figure that differs from another source's, or arithmetic that does not add up)`,
    `- **Articles:** ${formatNumber(summary.articles)}, with ${plural(summary.claims, 'numeric claim')} detected`,
    `- **Orphaned annotations:** ${formatNumber(summary.orphans)}${summary.orphans ? ' (their text could not be found in the current article)' : ''}`,
    ...(summary.missingArticle
      ? [`- **On articles no longer in this folder:** ${plural(summary.missingArticle, 'annotation')} (deleted, moved or renamed files; not shown, but kept)`]
      : []),
  ];
  const verdictRows = [
    ...summary.verdicts.map((v) => [inline(v.label), String(v.rating), formatNumber(v.count)]),
    [NO_VERDICT_LABEL, '', formatNumber(summary.noVerdict)],
    ['**Total**', '', `**${formatNumber(summary.annotations)}**`],
  ];
  const contents = report.articles.length
    ? report.articles.map((article, i) => `${i + 1}. ${inline(article.source.title)} (${plural(article.entries.length, 'annotation')})`).join('\n')
    : 'No annotated article matches this selection.';
  return [
    heading(2, 'Summary'),
    stats.join('\n'),
    table(['Verdict', 'Rating', 'Annotations'], verdictRows, ['left', 'right', 'right']),
    heading(3, 'Articles'),
    contents,
  ];
}

function renderArticle(article: ReportArticle, index: number, total: number, dates: SourceDates): string[] {
  const { source } = article;
  const flagged = article.discrepancies ? `, ${formatNumber(article.discrepancies)} in a discrepancy` : '';
  return [
    heading(2, `Article ${index + 1} of ${total}: ${source.title}`),
    [sourceLine(source), `File ${code(source.id)} · ${plural(article.claims.length, 'claim')} detected${flagged} · ${plural(article.entries.length, 'annotation')}`]
      .filter(Boolean)
      .join('  \n'),
    ...article.entries.flatMap((entry, i) => renderEntry(entry, i + 1, dates)),
  ];
}

function sourceLine(source: ReportSource): string {
  return [source.publisher, source.byline, formatSourceDate(source.date)]
    .filter((part): part is string => Boolean(part))
    .map(inline)
    .join(' · ');
}

function renderEntry(entry: ReportEntry, number: number, dates: SourceDates): string[] {
  return [
    heading(3, `${number}. “${oneLine(entry.quote)}” — ${verdictLabel(entry.verdict)}`),
    ...renderQuote(entry),
    renderFacts(entry),
    ...renderNote(entry.note),
    ...renderEvidence(entry),
    ...renderLinks(entry, dates),
    ...renderChecks(entry.checks),
  ].filter(Boolean);
}

/** The sentence with the annotated text in bold; for orphans and changed text, what happened. */
function renderQuote(entry: ReportEntry): string[] {
  if (entry.anchor === 'orphan') {
    return ['**Orphan:** could not be found in the current text of the article. The text as annotated:', blockquote(`“${inline(entry.quote)}”`)];
  }
  const sentence = blockquote(`${inline(entry.context.before)}${strong(entry.context.before, entry.quote, entry.context.after)}${inline(entry.context.after)}`);
  if (entry.anchor === 'changed' && entry.originalQuote !== null) {
    return [`**Changed:** the text has changed since it was annotated: “${inline(entry.originalQuote)}” is now “${inline(entry.quote)}”.`, sentence];
  }
  return [sentence];
}

/** Verdict, the detected figure in words, tags, and where the anchor stands. */
function renderFacts(entry: ReportEntry): string {
  const facts = [`- **Verdict:** ${entry.verdict ? `${inline(entry.verdict.label)} (rating ${entry.verdict.rating})` : 'none yet'}`];
  const claim = entry.claim;
  if (claim) {
    const parts = [inline(claim.interval)];
    if (claim.quantity) parts.push(`counts ${inline(claim.quantity)}`);
    if (claim.time.basis !== 'unknown' && claim.time.label) parts.push(`time: ${inline(claim.time.label)}`);
    facts.push(`- **Figure:** ${parts.join('; ')}`);
    if (claim.discrepancy) facts.push('- **Discrepancy:** this figure differs from another source’s, or its arithmetic does not add up');
  }
  if (entry.tags.length) facts.push(`- **Tags:** ${entry.tags.map(inline).join(', ')}`);
  if (entry.anchor === 'moved') facts.push('- **Anchor:** moved (found elsewhere in the edited article)');
  return facts.join('\n');
}

function renderNote(note: string): string[] {
  return note.trim() ? ['**Note:**', paragraphs(note)] : [];
}

function renderEvidence(entry: ReportEntry): string[] {
  if (!entry.evidence.length) return [];
  const items = entry.evidence.map((item) => `- ${EVIDENCE_KIND[item.kind]}: ${item.kind === 'url' ? linkOrText(item.target) : inline(item.label)}`);
  return ['**Evidence:**', items.join('\n')];
}

function renderLinks(entry: ReportEntry, dates: SourceDates): string[] {
  if (!entry.links.length) return [];
  const rows = entry.links.map((link: ReportLink) => [
    `${inline(link.ref.articleId === entry.articleId ? 'This article' : link.sourceTitle)} (${inline(linkSourceDate(link, dates))})`,
    inline(link.time.label),
    inline(link.text),
    relationLabel(link.relation),
  ]);
  return ['**The same quantity in other sources:**', table(['Source', 'Time', 'Figure', 'Relation'], rows)];
}

function renderChecks(checks: readonly ReportCheck[]): string[] {
  if (!checks.length) return [];
  const items = checks.map((check) => {
    const role = check.subject ? 'checks this figure' : 'uses this figure';
    return `- **${capitalise(checkVerdictLabel(check.verdict))}** (${role}): ${inline(checkWorking(check))}. ${inline(check.sentence)}`;
  });
  return ['**Arithmetic:**', items.join('\n')];
}

function renderAppendix(sources: readonly ReportSource[]): string[] {
  const rows = sources.map((source) => [inline(source.title), inline(source.publisher ?? ''), inline(formatSourceDate(source.date)), code(source.id), code(source.hash)]);
  return [
    heading(2, 'Appendix: sources'),
    ...(sources.length
      ? ['Every article this report covers. The sha256 identifies the exact copy of each file that was checked.', table(['Title', 'Publisher', 'Date', 'File', 'sha256'], rows)]
      : [NO_SOURCES]),
  ];
}

// ---- Formatting --------------------------------------------------------------------------

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

// ---- Markdown syntax ---------------------------------------------------------------------

const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ');

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Text in a line: every character CommonMark or GFM could read as markup is backslash-escaped
 * (`\` `` ` `` `*` `[` `]` `<` `>` `|` `~`; `&` only where it would start an entity). `_` is left
 * alone between letters or digits ("file_name"), where it cannot open or close emphasis.
 * Line breaks become spaces: headings, list items and table cells are one line.
 */
function inline(text: string): string {
  const line = oneLine(text);
  return line.replace(/[\\`*[\]<>|~_&]/g, (char, offset: number) => {
    if (char === '_' && WORD_CHAR.test(line[offset - 1] ?? '') && WORD_CHAR.test(line[offset + 1] ?? '')) return char;
    if (char === '&' && !/^&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(line.slice(offset))) return char;
    return `\\${char}`;
  });
}

/**
 * An already-escaped line that starts a block: a leading `#`, `>`, `-`, `+`, `=` or "1." / "1)"
 * would make a heading, quote, list or setext underline, so it is escaped; leading spaces are
 * dropped so they cannot make an indented code block.
 */
function lineStart(line: string): string {
  return line.trimStart().replace(/^([#>+=-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** User text with its paragraphs (blank lines) and line breaks (a trailing backslash is CommonMark's hard break). */
function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((para) =>
      para
        .split(/\r?\n/)
        .map((line) => lineStart(inline(line)))
        .filter(Boolean)
        .join('\\\n'),
    )
    .join('\n\n');
}

function blockquote(escapedLine: string): string {
  return `> ${lineStart(escapedLine)}`;
}

/** An ATX heading; a trailing `#` is escaped so it is not read as a closing sequence. */
function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${inline(text).replace(/#(?=\s*$)/, '\\#')}`;
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;

/**
 * Bold text between its neighbours. CommonMark's flanking rules let `**` open only when the next
 * character is not a space and, if it is punctuation, the previous one is a space or punctuation
 * (and the mirror image to close): "cost**$5**" would stay literal asterisks. In those rare cases
 * the inline HTML `<strong>` says the same thing.
 */
function strong(before: string, text: string, after: string): string {
  const body = inline(text);
  const previous = inline(before).slice(-1);
  const next = inline(after).slice(0, 1);
  const first = body.slice(0, 1);
  const last = body.slice(-1);
  const isSpaceOrPunctuation = (c: string) => c === '' || SPACE.test(c) || PUNCTUATION.test(c);
  const opens = !SPACE.test(first) && (!PUNCTUATION.test(first) || isSpaceOrPunctuation(previous));
  const closes = !SPACE.test(last) && (!PUNCTUATION.test(last) || isSpaceOrPunctuation(next));
  return opens && closes ? `**${body}**` : `<strong>${body}</strong>`;
}

/** A code span long enough that no backtick run inside it can close it. */
function code(text: string): string {
  const line = oneLine(text);
  const longestRun = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  // GFM splits table rows on `|` before it reads code spans, so a pipe must be escaped even here.
  return `${fence}${pad}${line.replaceAll('|', '\\|')}${pad}${fence}`;
}

/**
 * An http(s) address as an autolink; anything else (javascript:, a typo) stays plain text.
 * `<` and `>` would end the autolink, so they are percent-encoded, as a browser sends them anyway.
 */
const linkOrText = (url: string): string => (isWebAddress(url) ? `<${url.replaceAll('<', '%3C').replaceAll('>', '%3E')}>` : inline(url));

type Align = 'left' | 'right';

/** A GFM table; cells are already escaped (and so free of `|` and line breaks). */
function table(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const rule = headers.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [headers, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
