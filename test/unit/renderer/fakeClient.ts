/**
 * An in-memory ApiClient for renderer tests: a few articles, a plain substring search
 * that reports real offsets, events the test can emit, and every call recorded.
 *
 * The cross-checking calls run the real claim engine (shared/claims) on the fake
 * articles and link claims by a deliberately simple rule (same quantity key and unit):
 * enough for the UI to show real marks, links, relations and series. Arithmetic checks
 * are given by the test. Annotations and settings live in memory, as the back end's
 * store would keep them.
 */
import { vi } from 'vitest';
import { ApiError, calls as contract, parseArgs, type ApiClient, type AppState, type CallName, type EventName, type EventPayload } from '../../../shared/api';
import { extractClaims } from '../../../shared/claims';
import type { Article } from '../../../shared/domain/article';
import type { Claim } from '../../../shared/domain/claim';
import type { CorpusInfo, SearchHit, SearchResult } from '../../../shared/domain/corpus';
import type { AnchoredAnnotation, Annotation, AnnotationDraft, AnnotationPatch } from '../../../shared/domain/annotation';
import type {
  ArithmeticCheck,
  ClaimInContext,
  ClaimLinks,
  ClaimMark,
  ClaimRef,
  ClaimRow,
  EffectiveTime,
  Link,
  Relation,
  Series,
} from '../../../shared/domain/crosscheck';
import { NO_VERDICT, type ImportResult, type Report, type ReportFile, type ReportFilter, type ReportFormat } from '../../../shared/domain/report';
import { DEFAULT_USER_SETTINGS, type UserSettings } from '../../../shared/domain/settings';

export function makeArticle(id: string, title: string, body: string, extra: Partial<Article> = {}): Article {
  const text = `${title}\n\n${body}`;
  return {
    id,
    title,
    publisher: 'The Test Post',
    byline: null,
    date: { iso: '2020-07-23', source: 'text', surface: '23 July 2020' },
    format: 'txt',
    bytes: text.length,
    chars: text.length,
    hash: 'ab'.repeat(32),
    text,
    ...extra,
  };
}

export const SAMPLE_ARTICLES: Article[] = [
  makeArticle('a.txt', 'Prisons hold 39,000', 'The prisons have a capacity of 26,593.\n\nThey hold 39,000 people, far over capacity.'),
  makeArticle('b.txt', 'Ministry plans centres', 'Drug centres should reduce overcrowding.', {
    publisher: null,
    date: { iso: '2022-02-24', source: 'mtime' },
  }),
  makeArticle('c.txt', 'Activists freed', 'The ministry released 27 activists. Capacity was 27,000.'),
];

/**
 * Articles modelled on the sample corpus's disagreements, for the cross-checking tests:
 * prison population 38,990 (March 2020) vs 40,000 (undated) vs 39,000 (June 2021), and
 * cases that "rose by 19 percent" from 8,018 to 9,572.
 */
export const CROSSCHECK_ARTICLES: Article[] = [
  makeArticle(
    'rfa.txt',
    'Cambodia’s prisons at 300 percent',
    'In March 2020 more than 38,990 prisoners were held, the prison population having grown fast.\n\nDrug cases rose by 19 percent from 8,018 to 9,572.',
  ),
  makeArticle('vod.txt', 'Overcrowded prisons', 'About 40,000 prisoners are held in the country.', {
    publisher: 'VOD',
    date: { iso: '2020-05-02', source: 'text', surface: '2 May 2020' },
  }),
  makeArticle('khmer.txt', 'Prison numbers', 'In June 2021 some 39,000 prisoners were held.', {
    publisher: 'Khmer Times',
    date: { iso: '2021-07-01', source: 'text', surface: '1 July 2021' },
  }),
];

export interface FakeOptions {
  articles?: Article[];
  errors?: CorpusInfo['errors'];
  canPickFolder?: boolean;
  recentFolders?: string[];
  /** Folders that exist; openCorpus of anything else fails with not-found. */
  folders?: Record<string, Article[]>;
  openCorpusAtStart?: boolean;
  /** Arithmetic checks per article id (see checkFor). */
  checks?: Record<string, ArithmeticCheck[]>;
  /** Annotations already in the store, anchored as given (orphans, changed ones…). */
  annotations?: AnchoredAnnotation[];
  /** listAnnotations reports that the store file was damaged and kept here. */
  recoveredFrom?: string;
  settings?: Partial<UserSettings>;
  /** Where saveReport "saves" (the native dialog's answer); null as if the user cancelled. Default: /home/user/<fileName>. */
  saveTo?: string | null;
}

export type FakeClient = ApiClient & {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  calls: Array<{ name: string; args: unknown }>;
  fail: Partial<Record<CallName, ApiError>>;
  /** The store's annotations as they are now. */
  annotations: AnchoredAnnotation[];
  settings: UserSettings;
};

export const SAMPLE_DIR = '/app/resources/sample-corpus';

/** The span of the n-th occurrence (0-based) of `needle` in an article's text. */
export function spanOf(article: Article, needle: string, occurrence = 0): ClaimRef {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = article.text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`“${needle}” occurs fewer than ${occurrence + 1} times in ${article.id}`);
  }
  return { articleId: article.id, start: at, end: at + needle.length };
}

/** A stored annotation on `ref` of `article`, anchored as `anchor` says (anchored at the same span by default). */
export function makeAnnotation(
  article: Article,
  ref: ClaimRef,
  body: Partial<Pick<Annotation, 'verdict' | 'note' | 'tags' | 'evidence'>> = {},
  anchor: AnchoredAnnotation['anchor'] = { state: 'anchored', start: ref.start, end: ref.end },
): AnchoredAnnotation {
  const exact = article.text.slice(ref.start, ref.end);
  return {
    id: crypto.randomUUID(),
    verdict: null,
    note: '',
    tags: [],
    evidence: [],
    ...body,
    target: {
      articleId: article.id,
      contentHash: article.hash,
      position: { type: 'TextPositionSelector', start: ref.start, end: ref.end },
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: article.text.slice(Math.max(0, ref.start - 32), ref.start),
        suffix: article.text.slice(ref.end, ref.end + 32),
      },
    },
    created: '2024-01-02T03:04:05.000Z',
    modified: '2024-01-02T03:04:05.000Z',
    anchor,
  };
}

/** A percent-change check on three claims of one article, as the back end's checker reports it. */
export function checkFor(article: Article, subject: string, inputs: string[], verdict: ArithmeticCheck['verdict'] = 'consistent'): ArithmeticCheck {
  const subjectRef = spanOf(article, subject);
  const inputRefs = inputs.map((text) => spanOf(article, text));
  const [from, to] = inputs.map((text) => Number(text.replace(/,/g, '')));
  const computed = from && to ? Math.round(((to - from) / from) * 1000) / 10 : 0;
  return {
    id: `percent-change:${subjectRef.start}-${subjectRef.end}`,
    articleId: article.id,
    kind: 'percent-change',
    subject: subjectRef,
    inputs: inputRefs,
    formula: `(${inputs[1]} − ${inputs[0]}) ÷ ${inputs[0]} × 100`,
    computed,
    unit: 'percent',
    allowed: { low: 18.5, high: 19.5, lowInclusive: true, highInclusive: false },
    verdict,
    sentence: `${subject} is ${verdict}: (${inputs[1]} − ${inputs[0]}) ÷ ${inputs[0]} × 100 = ${computed}%.`,
  };
}

export function createFakeClient(options: FakeOptions = {}): FakeClient {
  const folders: Record<string, Article[]> = { [SAMPLE_DIR]: options.articles ?? SAMPLE_ARTICLES, ...options.folders };
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: FakeClient['calls'] = [];
  const fail: FakeClient['fail'] = {};
  let open: { root: string; articles: Article[] } | null = options.openCorpusAtStart ? { root: SAMPLE_DIR, articles: folders[SAMPLE_DIR]! } : null;
  let recent = [...(options.recentFolders ?? [])];
  const annotations: AnchoredAnnotation[] = [...(options.annotations ?? [])];
  const settingsBox = { value: { ...DEFAULT_USER_SETTINGS, ...options.settings } as UserSettings };

  const info = (): CorpusInfo => {
    if (!open) throw new ApiError('no-corpus', 'No folder is open.');
    const errors = open.root === SAMPLE_DIR ? (options.errors ?? []) : [];
    return {
      root: open.root,
      name: open.root.split('/').pop()!,
      articles: open.articles.map(({ text: _text, ...summary }) => summary),
      errors,
      stats: { files: open.articles.length + errors.length, indexed: open.articles.length, fromCache: 0, errors: errors.length, ms: 12 },
    };
  };

  // Arguments and results are checked against the contract, as the real transports do: a UI
  // that sends a field the back end would refuse fails here too.
  const record = <T>(name: CallName, args: unknown, run: () => T): Promise<T> => {
    calls.push({ name, args });
    const failure = fail[name];
    if (failure) return Promise.reject(failure);
    try {
      parseArgs(name, args);
      const result = run();
      const checked = contract[name].result.safeParse(result);
      if (!checked.success) throw new Error(`fake ${name} returned a result outside the contract: ${checked.error.message}`);
      return Promise.resolve(result);
    } catch (err) {
      return Promise.reject(err);
    }
  };

  const openDir = (dir: string) => {
    const articles = folders[dir];
    if (!articles) throw new ApiError('not-found', `Folder not found: ${dir}`);
    open = { root: dir, articles };
    recent = [dir, ...recent.filter((r) => r !== dir)];
    return info();
  };

  const articleById = (id: string): Article => {
    if (!open) throw new ApiError('no-corpus', 'No folder is open.');
    const article = open.articles.find((a) => a.id === id);
    if (!article) throw new ApiError('not-found', `No article ${id}`);
    return article;
  };

  // --- Cross-checking on the real claim engine ------------------------------------

  const claimsOf = (article: Article): ClaimInContext[] =>
    extractClaims(article.text, { documentDate: article.date.iso }).map((claim) => ({
      ref: { articleId: article.id, start: claim.start, end: claim.end },
      claim,
      articleTitle: article.title,
      articleDate: article.date,
      context: article.text.slice(claim.sentence.start, claim.sentence.end).replace(/\s+/g, ' '),
      time: timeOf(claim, article),
    }));

  const allClaims = (): ClaimInContext[] => (open?.articles ?? []).flatMap(claimsOf);
  const sameRef = (a: ClaimRef, b: ClaimRef) => a.articleId === b.articleId && a.start === b.start && a.end === b.end;
  const quantityIdOf = (claim: Claim) => (claim.quantity ? `${claim.quantity.key}|${claim.unit}` : null);

  const linksOf = (from: ClaimInContext): Link[] => {
    const id = quantityIdOf(from.claim);
    if (!id) return [];
    return allClaims()
      .filter((other) => quantityIdOf(other.claim) === id && !sameRef(other.ref, from.ref))
      .map((other) => ({ to: other, score: 0.9, reasons: [`same quantity: ${from.claim.quantity!.key}`, `same unit: ${from.claim.unit}`], relation: relate(from, other) }));
  };

  const checksOf = (articleId: string): ArithmeticCheck[] => options.checks?.[articleId] ?? [];

  const findClaim = (ref: ClaimRef): ClaimInContext => {
    const found = claimsOf(articleById(ref.articleId)).find((c) => sameRef(c.ref, ref));
    if (!found) throw new ApiError('not-found', `No claim at ${ref.articleId}#${ref.start}-${ref.end}`);
    return found;
  };

  // --- Annotations ------------------------------------------------------------------

  const now = () => new Date().toISOString();
  const anchoredAt = (annotation: Annotation): AnchoredAnnotation => ({
    ...annotation,
    anchor: { state: 'anchored', start: annotation.target.position.start, end: annotation.target.position.end },
  });
  const indexOfAnnotation = (id: string) => {
    const index = annotations.findIndex((a) => a.id === id);
    if (index < 0) throw new ApiError('not-found', `No annotation ${id}`);
    return index;
  };

  const createAnnotation = (draft: AnnotationDraft): AnchoredAnnotation => {
    const article = articleById(draft.articleId);
    if (draft.end <= draft.start || draft.end > article.text.length) throw new ApiError('invalid-args', 'span outside the text');
    const { articleId: _a, start, end, ...body } = draft;
    const created = makeAnnotation(article, { articleId: article.id, start, end }, body);
    const stamped = { ...created, created: now(), modified: now() };
    annotations.push(stamped);
    return stamped;
  };

  const updateAnnotation = (patch: AnnotationPatch): AnchoredAnnotation => {
    const index = indexOfAnnotation(patch.id);
    const { id: _id, ...changes } = patch;
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const updated = { ...annotations[index]!, ...defined, modified: now() };
    annotations[index] = updated;
    return updated;
  };

  // --- Reports ----------------------------------------------------------------------
  // A stand-in for shared/report: the annotations the filter keeps, listed in a small HTML page
  // (the quotes, so a test can see the filter at work), and a summary counted from them.

  const reported = (filter: ReportFilter) => {
    const articles = (open?.articles ?? []).filter((a) => !filter.articleIds || filter.articleIds.includes(a.id));
    const ids = new Set(articles.map((a) => a.id));
    const entries = annotations.filter((a) => ids.has(a.target.articleId) && (!filter.verdicts || filter.verdicts.includes(a.verdict ?? NO_VERDICT)));
    return { articles, entries };
  };

  const reportPreview = (filter: ReportFilter): { html: string; summary: Report['summary'] } => {
    const { articles, entries } = reported(filter);
    const scale = settingsBox.value.verdictScale;
    const items = entries.map((a) => `<li>${a.target.quote.exact}</li>`).join('');
    return {
      html: `<!doctype html><html><head><style>h1{color:#1f4f8f}</style></head><body><h1>Report on ${articles.length} articles</h1><ul>${items}</ul></body></html>`,
      summary: {
        articles: articles.length,
        claims: articles.reduce((n, a) => n + claimsOf(a).length, 0),
        annotations: entries.length,
        claimsChecked: entries.filter((a) => a.verdict).length,
        verdicts: scale.map((option) => ({ ...option, count: entries.filter((a) => a.verdict === option.id).length })),
        noVerdict: entries.filter((a) => !a.verdict).length,
        discrepancies: 0,
        orphans: entries.filter((a) => a.anchor.state === 'orphan').length,
        missingArticle: 0,
      },
    };
  };

  const reportFile = (format: ReportFormat, filter: ReportFilter): ReportFile => {
    const name = `reckon-report-${open?.root.split('/').pop() ?? 'none'}-2024-01-02`;
    const extension = { html: 'html', pdf: 'pdf', md: 'md', csv: 'csv', json: 'json', w3c: 'jsonld', claimreview: 'jsonld' }[format];
    const text = `${format} report of ${reported(filter).entries.length} annotations`;
    return format === 'pdf'
      ? { format, fileName: `${name}.pdf`, mimeType: 'application/pdf', encoding: 'base64', content: btoa(`%PDF-1.7 ${text}`) }
      : { format, fileName: `${name}.${extension}`, mimeType: format === 'html' ? 'text/html' : 'text/plain', encoding: 'utf8', content: text };
  };

  /** W3C items anchored by their TextQuoteSelector's exact text, found in any open article. */
  const importAnnotations = (content: string): ImportResult => {
    const result: ImportResult = { dialect: 'w3c', imported: 0, anchored: 0, moved: 0, changed: 0, orphaned: 0, skipped: [] };
    const parsed = JSON.parse(content) as { items?: unknown[] };
    const items = parsed.items ?? [];
    items.forEach((item, index) => {
      const selectors = ((item as { target?: { selector?: unknown[] } }).target?.selector ?? []) as Array<{ type?: string; exact?: string }>;
      const exact = selectors.find((selector) => selector.type === 'TextQuoteSelector')?.exact;
      const article = exact ? open?.articles.find((a) => a.text.includes(exact)) : undefined;
      if (!exact || !article) {
        result.skipped.push({ index, reason: `annotation ${index + 1} of ${items.length}: ${exact ? 'quote not found in this folder' : 'no TextQuoteSelector'}` });
        return;
      }
      const ref = spanOf(article, exact);
      annotations.push(makeAnnotation(article, ref));
      result.imported++;
      result.anchored++;
    });
    return result;
  };

  const client = {
    calls,
    fail,
    annotations,
    get settings() {
      return settingsBox.value;
    },
    emit(name: EventName, payload: unknown) {
      for (const listener of listeners.get(name) ?? []) listener(payload);
    },
    on(name: EventName, listener: (payload: unknown) => void) {
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name)!.add(listener);
      return () => listeners.get(name)!.delete(listener);
    },
    getAppState: (args: object) =>
      record('getAppState', args, (): AppState => ({
        version: '0.1.0-test',
        canPickFolder: options.canPickFolder ?? false,
        sampleCorpus: SAMPLE_DIR,
        recentFolders: recent,
        corpus: open ? info() : null,
      })),
    openCorpus: (args: { dir: string }) => record('openCorpus', args, () => openDir(args.dir)),
    openSampleCorpus: (args: object) => record('openSampleCorpus', args, () => openDir(SAMPLE_DIR)),
    pickFolder: (args: object) => record('pickFolder', args, () => ({ dir: null })),
    getCorpus: (args: object) => record('getCorpus', args, info),
    getArticle: (args: { id: string }) => record('getArticle', args, () => articleById(args.id)),
    search: vi.fn((args: { query: string; limit?: number }) => record('search', args, () => substringSearch(open?.articles ?? [], args.query))),

    articleClaims: (args: { id: string }) =>
      record('articleClaims', args, () => {
        const article = articleById(args.id);
        const checks = checksOf(article.id);
        const claims: ClaimMark[] = claimsOf(article).map((c) => {
          const links = linksOf(c);
          const usedBy = checks.filter((check) => [check.subject, ...check.inputs].some((ref) => sameRef(ref, c.ref)));
          return {
            claim: c.claim,
            time: c.time,
            links: links.length,
            discrepancy: links.some((l) => l.relation.kind === 'differs') || usedBy.some((check) => check.verdict === 'inconsistent'),
            checks: usedBy.length,
          };
        });
        return { id: article.id, claims };
      }),
    listClaims: (args: object) =>
      record('listClaims', args, () => ({
        rows: allClaims().map((c): ClaimRow => {
          const links = linksOf(c);
          return {
            ref: c.ref,
            articleTitle: c.articleTitle,
            text: c.claim.text,
            value: c.claim.value,
            unit: c.claim.unit,
            kind: c.claim.kind,
            qualifier: c.claim.qualifier,
            quantity: c.claim.quantity?.key ?? '',
            time: c.time.basis === 'unknown' ? '' : c.time.label,
            discrepancy: links.some((l) => l.relation.kind === 'differs'),
            links: links.length,
          };
        }),
      })),
    claimLinks: (args: ClaimRef) =>
      record('claimLinks', args, (): ClaimLinks => {
        const claim = findClaim(args);
        const links = linksOf(claim);
        return { claim, links, quantityId: links.length > 0 ? quantityIdOf(claim.claim) : null, ms: 1 };
      }),
    quantitySeries: (args: { quantityId: string }) =>
      record('quantitySeries', args, (): Series => {
        const members = allClaims().filter((c) => quantityIdOf(c.claim) === args.quantityId);
        if (members.length === 0) throw new ApiError('not-found', `No quantity ${args.quantityId}`);
        const [key, unit] = args.quantityId.split('|') as [string, string];
        const points = members
          .map((c) => ({ ref: c.ref, value: c.claim.value, low: c.claim.low, high: c.claim.high, text: c.claim.text, time: c.time, articleTitle: c.articleTitle }))
          .sort((a, b) => (a.time.from ?? '9999').localeCompare(b.time.from ?? '9999'));
        return { id: args.quantityId, label: key, unit, points };
      }),
    articleChecks: (args: { id: string }) => record('articleChecks', args, () => ({ id: articleById(args.id).id, checks: checksOf(args.id) })),

    listAnnotations: (args: object) =>
      record('listAnnotations', args, () => ({ annotations: annotations.map((a) => ({ ...a })), recoveredFrom: options.recoveredFrom ?? null })),
    createAnnotation: (args: AnnotationDraft) => record('createAnnotation', args, () => createAnnotation(args)),
    updateAnnotation: (args: AnnotationPatch) => record('updateAnnotation', args, () => updateAnnotation(args)),
    deleteAnnotation: (args: { id: string }) =>
      record('deleteAnnotation', args, (): Annotation => {
        const [removed] = annotations.splice(indexOfAnnotation(args.id), 1);
        const { anchor: _anchor, ...annotation } = removed!;
        return annotation;
      }),
    restoreAnnotation: (args: { annotation: Annotation }) =>
      record('restoreAnnotation', args, () => {
        const restored = anchoredAt(args.annotation);
        annotations.push(restored);
        return restored;
      }),

    reportPreview: (args: { filter: ReportFilter }) => record('reportPreview', args, () => reportPreview(args.filter)),
    exportReport: (args: { format: ReportFormat; filter: ReportFilter }) => record('exportReport', args, () => reportFile(args.format, args.filter)),
    saveReport: (args: { format: ReportFormat; filter: ReportFilter }) =>
      record('saveReport', args, () => {
        if (!options.canPickFolder) throw new ApiError('forbidden', 'There is no save dialog in browser mode: the browser downloads the report instead.');
        return { path: options.saveTo === undefined ? `/home/user/${reportFile(args.format, args.filter).fileName}` : options.saveTo };
      }),
    importAnnotations: (args: { fileName: string; content: string }) => record('importAnnotations', args, () => importAnnotations(args.content)),

    getSettings: (args: object) => record('getSettings', args, () => settingsBox.value),
    updateSettings: (args: Partial<UserSettings>) =>
      record('updateSettings', args, () => {
        settingsBox.value = { ...settingsBox.value, ...args };
        return settingsBox.value;
      }),
  };
  return client as unknown as FakeClient;
}

/** The claim's time: stated in its sentence, else the article's date. */
function timeOf(claim: Claim, article: Article): EffectiveTime {
  if (claim.time?.from) return { from: claim.time.from, to: claim.time.to, label: claim.time.text.replace(/^in\s+/i, ''), basis: 'stated' };
  return { from: article.date.iso, to: article.date.iso, label: `article date, ${article.date.iso}`, basis: 'publication' };
}

/** Overlapping intervals agree; stated times that do not overlap are another time; else they differ. */
function relate(a: ClaimInContext, b: ClaimInContext): Relation {
  const statedA = a.time.basis === 'stated';
  const statedB = b.time.basis === 'stated';
  if (statedA && statedB && (a.time.to! < b.time.from! || b.time.to! < a.time.from!)) {
    return { kind: 'other-time', gap: null, difference: null, sentence: `${b.claim.text} refers to ${b.time.label}, not ${a.time.label}.` };
  }
  const low = (c: Claim) => c.low ?? -Infinity;
  const high = (c: Claim) => c.high ?? Infinity;
  const gapAbsolute = Math.max(0, low(a.claim) - high(b.claim), low(b.claim) - high(a.claim));
  const larger = Math.max(Math.abs(a.claim.value), Math.abs(b.claim.value));
  const difference = Math.round((Math.abs(a.claim.value - b.claim.value) / larger) * 1000) / 10;
  const gap = { absolute: gapAbsolute, percent: Math.round((gapAbsolute / larger) * 1000) / 10 };
  if (gapAbsolute === 0) return { kind: 'agrees', gap, difference, sentence: `${b.claim.text} is consistent with ${a.claim.text}.` };
  return { kind: 'differs', gap, difference, sentence: `${b.claim.text} differs from ${a.claim.text} by ${difference}%.` };
}

/** Case-insensitive substring search; a query starting with ':' is a syntax error, like lunr's field syntax gone wrong. */
function substringSearch(articles: Article[], query: string): SearchResult {
  if (query.startsWith(':')) return { query, hits: [], error: `Cannot parse “${query}”: expected a field name before ':'`, ms: 1 };
  const needle = query.toLowerCase();
  const hits: SearchHit[] = [];
  for (const article of articles) {
    const haystack = article.text.toLowerCase();
    const matches = [];
    for (let at = haystack.indexOf(needle); at >= 0 && needle; at = haystack.indexOf(needle, at + needle.length)) {
      matches.push({ start: at, end: at + needle.length });
    }
    if (matches.length === 0) continue;
    const first = matches[0]!;
    const offset = Math.max(0, first.start - 10);
    const snippetText = article.text.slice(offset, first.end + 10);
    hits.push({
      id: article.id,
      title: article.title,
      score: matches.length,
      matches,
      titleMatch: article.title.toLowerCase().includes(needle),
      snippets: [{ text: snippetText, offset, highlights: [{ start: first.start - offset, end: first.end - offset }] }],
    });
  }
  return { query, hits, ms: 2 };
}
