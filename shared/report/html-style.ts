/**
 * The HTML report's one stylesheet, and its CSP hash.
 *
 * The report is previewed in a sandboxed iframe under a Content-Security-Policy that allows
 * exactly this stylesheet by its sha256 (main/csp.ts imports REPORT_STYLE_HASH, and the report
 * carries the same policy in a <meta>). So: no style= attributes in the report, no other
 * <style>, and any edit here changes the hash. The constant is committed rather than computed
 * because shared/ also runs in the renderer, which has no sync sha256;
 * test/unit/shared/report/html.test.ts recomputes it and says how to update it.
 *
 * Colours are the app's light and dark palettes (renderer/src/styles/themes.css, checked there
 * for WCAG AA contrast). Colour never carries meaning alone: every badge has its word.
 * ASCII only (quotes in `content` are CSS escapes) so the hashed bytes are the same in any
 * encoding a tool might save the file in.
 */
export const REPORT_STYLESHEET = `
:root {
  --paper: #ffffff;
  --page: #f4f3ef;
  --ink: #1b1c1e;
  --ink-2: #45484d;
  --ink-3: #5f636a;
  --line: #e3e1db;
  --line-strong: #cdc9c0;
  --accent: #1f4f8f;
  --mark: #fde68a;
  --mark-ink: #1b1c1e;
  --danger: #9f1d1d;
  --danger-soft: #fbeeed;
  --notice: #6b4f00;
  --notice-soft: #fbf5e2;
  --rel-agrees: #166534;
  --rel-agrees-bg: #e2f3e7;
  --rel-differs: #b42318;
  --rel-differs-bg: #fce7e4;
  --rel-other-time: #1d4ed8;
  --rel-other-time-bg: #e5edfc;
  --rel-related: #4b5058;
  --rel-related-bg: #eceae5;
  --verdict-accurate: #166534;
  --verdict-accurate-bg: #e2f3e7;
  --verdict-mostly-accurate: #0e5f6b;
  --verdict-mostly-accurate-bg: #ddf1f3;
  --verdict-needs-context: #6b5300;
  --verdict-needs-context-bg: #f6efd5;
  --verdict-misleading: #9a3412;
  --verdict-misleading-bg: #fbe9df;
  --verdict-inaccurate: #b42318;
  --verdict-inaccurate-bg: #fce7e4;
  --verdict-unverifiable: #4b5058;
  --verdict-unverifiable-bg: #eceae5;
  --font-text: Charter, 'Bitstream Charter', 'Iowan Old Style', 'Palatino Linotype', Georgia, Cambria, 'Noto Serif', 'Liberation Serif', 'DejaVu Serif', serif;
  --font-ui: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', Arial, sans-serif;
  --font-mono: ui-monospace, 'SF Mono', Menlo, Consolas, 'Liberation Mono', 'DejaVu Sans Mono', monospace;
  color-scheme: light dark;
}

@media screen and (prefers-color-scheme: dark) {
  :root {
    --paper: #202328;
    --page: #15171a;
    --ink: #e9e7e2;
    --ink-2: #c5c8cd;
    --ink-3: #a0a5ad;
    --line: #32363c;
    --line-strong: #4a4f57;
    --accent: #8cb6ff;
    --mark: #f0d36a;
    --mark-ink: #1b1c1e;
    --danger: #f4a3a0;
    --danger-soft: #3b1d1c;
    --notice: #e9c86c;
    --notice-soft: #332a12;
    --rel-agrees: #86d39c;
    --rel-agrees-bg: #15301f;
    --rel-differs: #ff9f95;
    --rel-differs-bg: #3d1d1b;
    --rel-other-time: #9cbfff;
    --rel-other-time-bg: #1c2a45;
    --rel-related: #b9bec6;
    --rel-related-bg: #2b2f35;
    --verdict-accurate: #86d39c;
    --verdict-accurate-bg: #15301f;
    --verdict-mostly-accurate: #7fd2dc;
    --verdict-mostly-accurate-bg: #112f35;
    --verdict-needs-context: #e2cf72;
    --verdict-needs-context-bg: #2f2a12;
    --verdict-misleading: #f4ab84;
    --verdict-misleading-bg: #3a2317;
    --verdict-inaccurate: #ff9f95;
    --verdict-inaccurate-bg: #3d1d1b;
    --verdict-unverifiable: #b9bec6;
    --verdict-unverifiable-bg: #2b2f35;
  }
}

*, *::before, *::after { box-sizing: border-box; }

html { background: var(--page); }

/* Sizes are in rem, so print scales everything by setting one size. */
html { font-size: 17px; }

body {
  margin: 0;
  color: var(--ink);
  font-family: var(--font-text);
  font-size: 1rem;
  line-height: 1.5;
  -webkit-text-size-adjust: 100%;
}

.report {
  max-width: 880px;
  margin: 32px auto;
  padding: 48px 64px 40px;
  background: var(--paper);
  border: 1px solid var(--line);
  border-radius: 6px;
}

h1, h2, h3, h4, table, dl, .kicker, .badge, .muted-line, .report-footer {
  font-family: var(--font-ui);
}

h1 { margin: 0 0 12px; font-size: 1.765rem; line-height: 1.2; }
h2 { margin: 0 0 12px; font-size: 1.294rem; line-height: 1.25; }
h3 { margin: 0; font-size: 0.941rem; line-height: 1.35; }
h4 { margin: 16px 0 6px; font-size: 0.706rem; letter-spacing: 0.06em; text-transform: uppercase; color: var(--ink-3); }

p { margin: 0 0 10px; }
a { color: var(--accent); overflow-wrap: anywhere; }
code { font-family: var(--font-mono); font-size: 0.86em; }

.kicker {
  margin: 0 0 6px;
  color: var(--ink-3);
  font-size: 0.706rem;
  font-weight: 600;
  letter-spacing: 0.08em;
  text-transform: uppercase;
}

.muted-line { margin: 0 0 4px; color: var(--ink-2); font-size: 0.824rem; }
.summary > .muted-line { margin-bottom: 20px; }
.muted { color: var(--ink-3); }

/* Header: title, then who made it and when, as a two-column list. */
.report-header { padding-bottom: 20px; border-bottom: 2px solid var(--ink); }
.meta {
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 2px 16px;
  margin: 0;
  font-size: 0.824rem;
}
.meta dt { color: var(--ink-3); }
.meta dd { margin: 0; }

/* Summary: key figures, the verdict table, and the contents. */
.summary { padding: 24px 0 8px; }
.stats {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
  gap: 12px;
  margin: 0 0 24px;
}
.stat { padding: 10px 12px; border: 1px solid var(--line-strong); border-radius: 4px; }
.stat dt { color: var(--ink-2); font-size: 0.765rem; }
.stat dd { margin: 0; font-size: 1.647rem; font-weight: 700; line-height: 1.2; font-variant-numeric: tabular-nums; }
.stat-alert dd { color: var(--danger); }

.summary-columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.4fr); gap: 32px; align-items: start; }

table { width: 100%; border-collapse: collapse; font-size: 0.794rem; line-height: 1.4; }
caption, .caption { padding: 0 0 6px; text-align: left; font-weight: 700; font-size: 0.824rem; }
.caption { margin: 0; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { border-bottom: 1px solid var(--line-strong); color: var(--ink-2); font-size: 0.706rem; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td, tfoot th { border-bottom: 0; border-top: 1px solid var(--line-strong); font-weight: 600; }

.contents { margin: 0; padding: 0; list-style: none; font-family: var(--font-ui); font-size: 0.824rem; }
.contents li { display: flex; gap: 10px; justify-content: space-between; padding: 5px 0; border-bottom: 1px solid var(--line); }
.contents a { text-decoration: none; }
.contents a:hover { text-decoration: underline; }
.contents .count { flex: none; color: var(--ink-3); font-variant-numeric: tabular-nums; }

/* Badges: the word first, colour second; shapes differ too (dashed, dotted) for print in grey. */
.badge {
  display: inline-block;
  padding: 0 7px;
  border: 1px solid var(--badge, var(--line-strong));
  border-radius: 9px;
  background: var(--badge-bg, var(--page));
  color: var(--badge, var(--ink-2));
  font-size: 0.706rem;
  font-weight: 700;
  line-height: 1.4;
  white-space: nowrap;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
.badge-large { padding: 2px 10px; font-size: 0.794rem; line-height: 1.35; border-radius: 11px; }
.verdict-accurate { --badge: var(--verdict-accurate); --badge-bg: var(--verdict-accurate-bg); }
.verdict-mostly-accurate { --badge: var(--verdict-mostly-accurate); --badge-bg: var(--verdict-mostly-accurate-bg); }
.verdict-needs-context { --badge: var(--verdict-needs-context); --badge-bg: var(--verdict-needs-context-bg); }
.verdict-misleading { --badge: var(--verdict-misleading); --badge-bg: var(--verdict-misleading-bg); }
.verdict-inaccurate { --badge: var(--verdict-inaccurate); --badge-bg: var(--verdict-inaccurate-bg); }
.verdict-unverifiable { --badge: var(--verdict-unverifiable); --badge-bg: var(--verdict-unverifiable-bg); }
.verdict-none { --badge: var(--ink-3); --badge-bg: transparent; border-style: dashed; }
.relation-agrees { --badge: var(--rel-agrees); --badge-bg: var(--rel-agrees-bg); }
.relation-differs { --badge: var(--rel-differs); --badge-bg: var(--rel-differs-bg); }
.relation-other-time { --badge: var(--rel-other-time); --badge-bg: var(--rel-other-time-bg); border-style: dashed; }
.relation-related { --badge: var(--rel-related); --badge-bg: var(--rel-related-bg); border-style: dotted; }
.check-consistent { --badge: var(--rel-agrees); --badge-bg: var(--rel-agrees-bg); }
.check-inconsistent { --badge: var(--rel-differs); --badge-bg: var(--rel-differs-bg); }
.check-derived { --badge: var(--rel-related); --badge-bg: var(--rel-related-bg); border-style: dotted; }

/* One article: its source, then its annotated claims. */
.report-article { margin-top: 40px; padding-top: 28px; border-top: 2px solid var(--ink); }
.source-head { margin-bottom: 8px; }
.source-head h2 { margin-bottom: 6px; }

.entry {
  margin: 22px 0 0;
  padding: 18px 20px 10px;
  border: 1px solid var(--line-strong);
  border-left: 4px solid var(--badge, var(--line-strong));
  border-radius: 4px;
}
.entry-head { display: flex; gap: 12px; align-items: baseline; justify-content: space-between; margin-bottom: 10px; }
.entry-number { color: var(--ink-3); font-weight: 600; }

.context {
  margin: 0 0 12px;
  padding: 0 0 0 14px;
  border-left: 3px solid var(--line-strong);
  color: var(--ink-2);
  font-size: 0.971rem;
}
mark {
  padding: 0 2px;
  border-radius: 2px;
  background: var(--mark);
  color: var(--mark-ink);
  font-weight: 700;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
.facts { margin: 0 0 12px; color: var(--ink-2); font-family: var(--font-ui); font-size: 0.794rem; }
.facts span + span::before { content: " \\00B7  "; color: var(--ink-3); }

.state-note {
  margin: 0 0 12px;
  padding: 8px 12px;
  border-radius: 4px;
  background: var(--notice-soft);
  color: var(--notice);
  font-family: var(--font-ui);
  font-size: 0.794rem;
}
.state-note p { margin: 4px 0 0; color: var(--ink); font-family: var(--font-text); font-size: 0.882rem; }
.state-orphan { background: var(--danger-soft); color: var(--danger); }
del { color: var(--danger); }
ins { text-decoration: none; font-weight: 700; }

.note { margin: 0 0 8px; }
.note p { margin-bottom: 8px; }

.tags { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 8px; padding: 0; list-style: none; font-family: var(--font-ui); font-size: 0.735rem; }
.tags li { padding: 0 8px; border: 1px solid var(--line-strong); border-radius: 3px; color: var(--ink-2); }
.tags li::before { content: "#"; color: var(--ink-3); }

.evidence { margin: 0 0 8px; padding-left: 20px; font-size: 0.882rem; }
.evidence .kind { color: var(--ink-3); font-family: var(--font-ui); font-size: 0.706rem; text-transform: uppercase; letter-spacing: 0.04em; }

.links th:first-child { width: 28%; }
.links th:nth-child(2) { width: 15%; }
.links th:last-child { width: 1%; }
.links td.figure { font-weight: 600; }
.links .link-context { display: block; margin-top: 2px; color: var(--ink-3); font-weight: 400; font-size: 0.735rem; }
.links .source-date { display: block; color: var(--ink-3); font-size: 0.735rem; }

.checks { margin: 0 0 8px; padding: 0; list-style: none; }
.checks li { margin: 0 0 8px; padding: 8px 12px; border: 1px solid var(--line); border-radius: 4px; }
.checks .check-role { color: var(--ink-3); font-family: var(--font-ui); font-size: 0.735rem; }
.checks .formula { display: block; margin: 2px 0 4px; font-family: var(--font-mono); font-size: 0.794rem; }
.checks .sentence { font-size: 0.882rem; }

/* Appendix: every source, with the file's id and sha256 so a reader can find the exact copy. */
.appendix { margin-top: 40px; padding-top: 28px; border-top: 2px solid var(--ink); }
.appendix td.hash, .appendix td.file { font-family: var(--font-mono); font-size: 0.676rem; overflow-wrap: anywhere; }
.appendix td.hash { min-width: 16ch; }

.report-footer { margin-top: 32px; padding-top: 12px; border-top: 1px solid var(--line); color: var(--ink-3); font-size: 0.706rem; }

@media screen and (max-width: 760px) {
  .report { margin: 0; padding: 24px 18px; border: 0; border-radius: 0; }
  .summary-columns { grid-template-columns: 1fr; }
}

/* Print: light on white, each article on a new page, entries kept whole where they fit,
   web links followed by their address (paper has no hover). */
@page {
  margin: 18mm 16mm 20mm;
  @bottom-right { content: counter(page) " / " counter(pages); font-family: sans-serif; font-size: 9pt; color: #5f636a; }
}

@media print {
  :root { color-scheme: light; }
  html { background: #ffffff; font-size: 11pt; }
  .report { max-width: none; margin: 0; padding: 0; border: 0; border-radius: 0; }
  .report-article, .appendix { margin-top: 0; padding-top: 0; border-top: 0; break-before: page; }
  .source-head, h2, h3, h4, caption, .entry-head { break-after: avoid; }
  .source-head, .entry-main, tr, .checks li, .stat { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]:not(.bare)::after { content: " <" attr(href) ">"; color: #45484d; font-family: var(--font-mono); font-size: 0.75em; font-weight: 400; overflow-wrap: anywhere; }
}
`;

/** sha256 of REPORT_STYLESHEET's UTF-8 bytes, base64, as CSP's style-src takes it. */
export const REPORT_STYLE_HASH = 'sha256-LW+sN3f6KTSWhixpYzgA0UtfYat58oE3EzSXyKutsl8=';
