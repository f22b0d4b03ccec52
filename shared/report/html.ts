/**
 * The annotated report as one self-contained HTML file: readable on screen, printable
 * (and printed to PDF) with each article on its own pages. Pure: a Report in, a string out.
 *
 * Safe to open anywhere: every piece of article or user text is escaped, only http(s)
 * addresses become links, there is no script, and the only styles are the one <style>
 * element, which the page's own Content-Security-Policy allows by its hash.
 */
import type { Report, ReportArticle, ReportCheck, ReportEntry, ReportEvidence, ReportLink, ReportSource } from '../domain/report';
import type { VerdictOption } from '../domain/annotation';
import { checkVerdictLabel, formatNumber, relationLabel, shorten } from '../claims/describe';
import { REPORT_STYLESHEET, REPORT_STYLE_HASH } from './html-style';
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
  type SourceDates,
} from './words';

/*
 * Articles and notes may be written right to left (Arabic, Hebrew) in a report laid out left to
 * right: the elements holding them take their direction from their own text (dir="auto", <bdi>),
 * so punctuation and numbers stay where the writer put them.
 */

/** Verdict ids the stylesheet has colours for; a custom scale's other steps get a neutral badge. */
const COLOURED_VERDICTS = new Set(['accurate', 'mostly-accurate', 'needs-context', 'misleading', 'inaccurate', 'unverifiable']);

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for element content or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * A web address as a link; anything else (javascript:, file:, a typo) stays plain text.
 * Print adds the address after a link's words, except where the words are the address.
 */
function linkOrText(url: string, label: string): string {
  if (!isWebAddress(url)) return escapeHtml(label);
  return `<a${label === url ? ' class="bare"' : ''} href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
}

function verdictBadge(verdict: VerdictOption | null, large = false): string {
  const size = large ? ' badge-large' : '';
  if (!verdict) return `<span class="badge verdict-none${size}">${NO_VERDICT_LABEL}</span>`;
  const tone = COLOURED_VERDICTS.has(verdict.id) ? ` verdict-${verdict.id}` : '';
  return `<span class="badge${tone}${size}">${escapeHtml(verdict.label)}</span>`;
}

/** Blank lines separate paragraphs; single line breaks are kept inside one. Each paragraph takes the direction of its own text. */
function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((para) => `<p dir="auto">${escapeHtml(para.trim()).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

function renderHeader(report: Report): string {
  const rows: [string, string][] = [['Corpus', report.corpusName]];
  if (report.author) rows.push(['Author', report.author]);
  if (report.organisation) rows.push(['Organisation', report.organisation]);
  rows.push(['Generated', `${formatGenerated(report.generated)} by ${report.generator}`]);
  const filter = describeFilter(report);
  if (filter) rows.push(['Selection', filter]);
  return `<header class="report-header">
<h1>${escapeHtml(report.title)}</h1>
<dl class="meta">
${rows.map(([term, value]) => `<dt>${term}</dt><dd>${escapeHtml(value)}</dd>`).join('\n')}
</dl>
</header>`;
}

function renderSummary(report: Report): string {
  const { summary } = report;
  const stat = (label: string, value: number, alert = false) =>
    `<div class="stat${alert && value > 0 ? ' stat-alert' : ''}"><dt>${label}</dt><dd>${formatNumber(value)}</dd></div>`;
  const verdictRows = summary.verdicts
    .map((v) => `<tr><td>${verdictBadge(v)}</td><td class="num">${v.rating}</td><td class="num">${formatNumber(v.count)}</td></tr>`)
    .join('\n');
  const contents = report.articles
    .map(
      (article, index) =>
        `<li><a href="#article-${index + 1}" dir="auto">${escapeHtml(article.source.title)}</a><span class="count">${plural(article.entries.length, 'annotation')}</span></li>`,
    )
    .join('\n');
  return `<section class="summary" aria-labelledby="summary-title">
<h2 id="summary-title">Summary</h2>
<dl class="stats">
${stat('Claims checked', summary.claimsChecked)}
${stat('Discrepancies found', summary.discrepancies, true)}
${stat('Annotations', summary.annotations)}
${stat('Orphaned annotations', summary.orphans, true)}
</dl>
${summary.missingArticle ? `<p class="state-note">${plural(summary.missingArticle, 'annotation')} ${summary.missingArticle === 1 ? 'is' : 'are'} on articles no longer in this folder (deleted, moved or renamed) and not shown; they are kept, and come back if the files do.</p>\n` : ''}<p class="muted-line">${plural(summary.articles, 'article')} in this report, with ${plural(summary.claims, 'numeric claim')} detected; ${plural(summary.discrepancies, 'claim')} ${summary.discrepancies === 1 ? 'is' : 'are'} involved in a discrepancy (a figure that differs from another source's, or arithmetic that does not add up).</p>
<div class="summary-columns">
<table class="verdict-counts">
<caption>Verdicts</caption>
<thead><tr><th scope="col">Verdict</th><th scope="col" class="num">Rating</th><th scope="col" class="num">Annotations</th></tr></thead>
<tbody>
${verdictRows}
<tr><td>${verdictBadge(null)}</td><td class="num"></td><td class="num">${formatNumber(summary.noVerdict)}</td></tr>
</tbody>
<tfoot><tr><th scope="row">Total</th><td></td><td class="num">${formatNumber(summary.annotations)}</td></tr></tfoot>
</table>
<nav aria-labelledby="contents-title">
<h3 id="contents-title" class="caption">Articles</h3>
${report.articles.length ? `<ol class="contents">\n${contents}\n</ol>` : '<p class="muted-line">No annotated article matches this selection.</p>'}
</nav>
</div>
</section>`;
}

function renderSourceLine(source: ReportSource): string {
  const parts = [source.publisher, source.byline, formatSourceDate(source.date)].filter((part): part is string => Boolean(part));
  return parts.map(escapeHtml).join(' \u00b7 ');
}

function renderArticle(article: ReportArticle, index: number, total: number, dates: SourceDates): string {
  const { source } = article;
  const detected = plural(article.claims.length, 'claim');
  const flagged = article.discrepancies ? `, ${formatNumber(article.discrepancies)} in a discrepancy` : '';
  return `<article class="report-article" id="article-${index + 1}" aria-labelledby="article-${index + 1}-title">
<header class="source-head">
<p class="kicker">Article ${index + 1} of ${total}</p>
<h2 id="article-${index + 1}-title" dir="auto">${escapeHtml(source.title)}</h2>
<p class="muted-line">${renderSourceLine(source)}</p>
<p class="muted-line muted">File ${escapeHtml(source.id)} \u00b7 ${detected} detected${flagged} \u00b7 ${plural(article.entries.length, 'annotation')}</p>
</header>
${article.entries.map((entry, i) => renderEntry(entry, i + 1, dates)).join('\n')}
</article>`;
}

function renderEntry(entry: ReportEntry, number: number, dates: SourceDates): string {
  const tone = entry.verdict && COLOURED_VERDICTS.has(entry.verdict.id) ? ` verdict-${entry.verdict.id}` : '';
  // What the checker wrote is kept on one page when printed; the tables after it may run on.
  const main = [
    `<header class="entry-head">
<h3><span class="entry-number">${number}.</span> \u201c<bdi>${escapeHtml(entry.quote)}</bdi>\u201d</h3>
${verdictBadge(entry.verdict, true)}
</header>`,
    renderQuote(entry),
    renderFacts(entry),
    entry.note.trim() ? `<div class="note">\n${paragraphs(entry.note)}\n</div>` : '',
    entry.tags.length ? `<ul class="tags" aria-label="Tags">${entry.tags.map((tag) => `<li>${escapeHtml(tag)}</li>`).join('')}</ul>` : '',
    renderEvidence(entry.evidence),
  ];
  const sections = [`<div class="entry-main">\n${main.filter(Boolean).join('\n')}\n</div>`, renderLinks(entry, dates), renderChecks(entry.checks)];
  return `<section class="entry${tone}" id="annotation-${escapeHtml(entry.annotationId)}">
${sections.filter(Boolean).join('\n')}
</section>`;
}

/** The sentence with the annotated text marked, or for orphans the quote as it was stored. */
function renderQuote(entry: ReportEntry): string {
  if (entry.anchor === 'orphan') {
    return `<div class="state-note state-orphan">Could not be found in the current text of the article. The text as annotated:
<p dir="auto">\u201c${escapeHtml(entry.quote)}\u201d</p>
</div>`;
  }
  const sentence = `<blockquote class="context"><p dir="auto">${escapeHtml(entry.context.before)}<mark>${escapeHtml(entry.quote)}</mark>${escapeHtml(entry.context.after)}</p></blockquote>`;
  if (entry.anchor === 'changed' && entry.originalQuote !== null) {
    return `<div class="state-note">The text has changed since it was annotated: <del>${escapeHtml(entry.originalQuote)}</del> is now <ins>${escapeHtml(entry.quote)}</ins>.</div>
${sentence}`;
  }
  return sentence;
}

/** The detected figure in words: its interval, what it counts, the time it refers to. */
function renderFacts(entry: ReportEntry): string {
  const claim = entry.claim;
  if (!claim) return '';
  const facts = [`Figure: ${claim.interval}`];
  if (claim.quantity) facts.push(`counts ${claim.quantity}`);
  if (claim.time.basis !== 'unknown' && claim.time.label) facts.push(`time: ${claim.time.label}`);
  if (claim.discrepancy) facts.push('involved in a discrepancy');
  return `<p class="facts">${facts.map((fact) => `<span>${escapeHtml(fact)}</span>`).join('')}</p>`;
}

function renderEvidence(evidence: ReportEvidence[]): string {
  if (!evidence.length) return '';
  const items = evidence.map((item) => {
    const label = item.kind === 'url' ? linkOrText(item.target, item.label) : escapeHtml(item.label);
    return `<li><span class="kind">${EVIDENCE_KIND[item.kind]}</span> ${label}</li>`;
  });
  return `<h4>Evidence</h4>\n<ul class="evidence">\n${items.join('\n')}\n</ul>`;
}

function renderLinks(entry: ReportEntry, dates: SourceDates): string {
  if (!entry.links.length) return '';
  const rows = entry.links.map((link) => renderLinkRow(link, entry.articleId, dates));
  return `<table class="links">
<caption>Other figures for the same quantity</caption>
<thead><tr><th scope="col">Source</th><th scope="col">Time</th><th scope="col">Figure</th><th scope="col">Relation</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function renderLinkRow(link: ReportLink, articleId: string, dates: SourceDates): string {
  const source =
    link.ref.articleId === articleId
      ? 'This article'
      : `${escapeHtml(shorten(link.sourceTitle, 60))} <span class="source-date">${escapeHtml(linkSourceDate(link, dates))}</span>`;
  const context = link.context ? `<span class="link-context">${escapeHtml(excerpt(link.context, link.text))}</span>` : '';
  return `<tr title="${escapeHtml(link.relation.sentence)}"><td>${source}</td><td>${escapeHtml(link.time.label)}</td><td class="figure">${escapeHtml(link.text)}${context}</td><td><span class="badge relation-${link.relation.kind}">${escapeHtml(relationLabel(link.relation))}</span></td></tr>`;
}

/** About `max` characters of a sentence around the figure in it, cut between words: enough to see what it counts. */
export function excerpt(sentence: string, figure: string, max = 150): string {
  if (sentence.length <= max) return sentence;
  const at = Math.max(0, sentence.indexOf(figure));
  let start = Math.max(0, Math.min(at - Math.floor((max - figure.length) / 2), sentence.length - max));
  let end = Math.min(sentence.length, start + max);
  if (start > 0) {
    const space = sentence.indexOf(' ', start);
    if (space >= 0 && space < at) start = space + 1;
  }
  if (end < sentence.length) {
    const space = sentence.lastIndexOf(' ', end);
    if (space >= at + figure.length) end = space;
  }
  // Text without spaces is cut where it falls: never between the two halves of an emoji.
  if (isLowSurrogate(sentence.charCodeAt(start))) start += 1;
  if (isLowSurrogate(sentence.charCodeAt(end))) end -= 1;
  return `${start > 0 ? '\u2026' : ''}${sentence.slice(start, end).replace(/^\u2026/, '')}${end < sentence.length ? '\u2026' : ''}`;
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

function renderChecks(checks: ReportCheck[]): string {
  if (!checks.length) return '';
  const items = checks.map((check) => {
    const role = check.subject ? 'Checks this figure' : 'Uses this figure';
    return `<li><span class="badge check-${check.verdict}">${escapeHtml(checkVerdictLabel(check.verdict))}</span> <span class="check-role">${role}</span>
<code class="formula">${escapeHtml(checkWorking(check))}</code>
<span class="sentence">${escapeHtml(check.sentence)}</span></li>`;
  });
  return `<h4>Arithmetic</h4>\n<ul class="checks">\n${items.join('\n')}\n</ul>`;
}

function renderAppendix(sources: ReportSource[]): string {
  if (!sources.length) {
    return `<section class="appendix" aria-labelledby="appendix-title">
<h2 id="appendix-title">Appendix: sources</h2>
<p class="muted-line">${NO_SOURCES}</p>
</section>`;
  }
  const rows = sources.map(
    (source) =>
      `<tr><td dir="auto">${escapeHtml(source.title)}</td><td>${escapeHtml(source.publisher ?? '')}</td><td>${escapeHtml(formatSourceDate(source.date))}</td><td class="file">${escapeHtml(source.id)}</td><td class="hash">${escapeHtml(source.hash)}</td></tr>`,
  );
  return `<section class="appendix" aria-labelledby="appendix-title">
<h2 id="appendix-title">Appendix: sources</h2>
<p class="muted-line">Every article this report covers. The sha256 identifies the exact copy of each file that was checked.</p>
<table>
<thead><tr><th scope="col">Title</th><th scope="col">Publisher</th><th scope="col">Date</th><th scope="col">File</th><th scope="col">sha256</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

/** The report as a complete HTML document. */
export function renderReportHtml(report: Report): string {
  const dates = sourceDatesOf(report);
  const articles = report.articles.map((article, index) => renderArticle(article, index, report.articles.length, dates));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '${REPORT_STYLE_HASH}'; img-src data:">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(report.generator)}">
<title>${escapeHtml(report.title)}</title>
<style>${REPORT_STYLESHEET}</style>
</head>
<body>
<main class="report">
${renderHeader(report)}
${renderSummary(report)}
${articles.join('\n')}
${renderAppendix(report.sources)}
<footer class="report-footer">Made with ${escapeHtml(report.generator)} on ${escapeHtml(formatGenerated(report.generated))}. Report format ${escapeHtml(report.schemaVersion)}.</footer>
</main>
</body>
</html>
`;
}
