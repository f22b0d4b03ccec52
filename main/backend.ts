import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ApiError, type Api, type EventName, type EventPayload } from '../shared/api';
import { anchorTarget, describeTarget } from '../shared/anchoring';
import type { Annotation, AnchoredAnnotation } from '../shared/domain/annotation';
import type { CorpusInfo } from '../shared/domain/corpus';
import type { Report, ReportFile, ReportFilter, ReportFormat } from '../shared/domain/report';
import type { CrossChecker } from '../shared/crosscheck';
import { renderReport, reportFileName, reportMimeType } from '../shared/report';
import { openCorpus } from './corpus';
import type { Corpus } from './corpus/types';
import { crossCheckCorpus } from './crosscheck';
import { corpusReport } from './report/corpus-report';
import { importAnnotationFile } from './report/import';
import { CHROMIUM_MISSING_MESSAGE, type PdfRenderer } from './report/pdf';
import type { AnnotationStore } from './store/annotations';
import { writeFailureInWords, writeFileAtomic } from './store/durable';
import type { SettingsStore } from './store/settings';

export type EventSink = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

export interface BackendOptions {
  version: string;
  /** Cache for extracted texts and indexes (user-data/cache). */
  cacheDir: string;
  sampleCorpusDir: string;
  settings: SettingsStore;
  /** The annotation store of a corpus (electron-store in the app, conf elsewhere). */
  openAnnotations: (corpusRoot: string) => AnnotationStore;
  /** Delivers events to every connected UI (IPC to windows, or server-sent events). */
  emit: EventSink;
  /** Native folder dialog; absent in browser mode. */
  pickFolder?: () => Promise<string | null>;
  /** Watch the open folder for changes. Default true. */
  watch?: boolean;
  /** Prints a report's HTML to PDF (Electron's printToPDF, or a headless Chromium); without it there is no PDF export. */
  renderPdf?: PdfRenderer;
  /** Native save dialog: the path chosen for a report, or null when cancelled. Absent in browser mode. */
  saveFile?: (suggestedName: string, format: ReportFormat) => Promise<string | null>;
  /** The clock for report dates and imports (tests fix it). */
  now?: () => Date;
}

/** The back end behind every transport: one open corpus at a time, plus settings. */
export interface Backend extends Api {
  /** The corpus open now (for in-process callers such as the CLI and tests). */
  current(): Corpus | null;
  close(): Promise<void>;
}

export function createBackend(options: BackendOptions): Backend {
  let corpus: Corpus | null = null;
  let annotations: AnnotationStore | null = null;
  // Built on first use, dropped when the folder changes.
  let checker: CrossChecker | null = null;
  // Opening is slow; if the user opens another folder meanwhile, the last request wins.
  let generation = 0;

  const requireCorpus = (): Corpus => {
    if (!corpus) throw new ApiError('no-corpus', 'No folder is open. Open a folder of articles first.');
    return corpus;
  };

  async function open(dir: string): Promise<CorpusInfo> {
    const root = resolve(dir);
    const info = await stat(root).catch(() => null);
    if (!info) throw new ApiError('not-found', `Folder not found: ${root}`);
    if (!info.isDirectory()) throw new ApiError('invalid-args', `Not a folder: ${root}`);
    const mine = ++generation;
    const opened = await openCorpus(root, {
      cacheDir: options.cacheDir,
      watch: options.watch ?? true,
      onProgress: (progress) => options.emit('indexProgress', progress),
      onChange: (change) => {
        checker = null;
        options.emit('corpusChanged', change);
      },
    });
    if (mine !== generation) {
      await opened.close();
      throw new ApiError('io', `Opening ${root} was superseded by another folder`);
    }
    const previous = corpus;
    corpus = opened;
    checker = null;
    annotations = options.openAnnotations(root);
    await previous?.close();
    options.settings.rememberFolder(root);
    return opened.info();
  }

  const requireChecker = (): CrossChecker => (checker ??= crossCheckCorpus(requireCorpus()));
  const requireAnnotations = (): AnnotationStore => {
    requireCorpus();
    return annotations!;
  };
  const notFound = (err: unknown): never => {
    if (err instanceof RangeError) throw new ApiError('not-found', err.message);
    throw err;
  };

  /**
   * Anchor an annotation in the current text. An anchor that moved is re-described at its new
   * place, so the next edit starts from today's text; a changed figure keeps the old quote (to
   * show old and new) and an orphan is left as it was: nothing is rewritten that the user must see.
   */
  const anchored = (annotation: Annotation): AnchoredAnnotation => {
    const open = requireCorpus();
    const summary = open.info().articles.find((a) => a.id === annotation.target.articleId);
    if (!summary) return { ...annotation, anchor: { state: 'orphan' } };
    const article = open.getArticle(summary.id);
    const anchor = anchorTarget(annotation.target, { text: article.text, contentHash: article.hash });
    if ((anchor.state === 'moved' || (anchor.state === 'anchored' && annotation.target.contentHash !== article.hash)) && anchor.start !== undefined && anchor.end !== undefined) {
      const target = describeTarget({ articleId: article.id, contentHash: article.hash, text: article.text, start: anchor.start, end: anchor.end });
      return { ...requireAnnotations().retarget(annotation.id, target), anchor: { ...anchor, currentQuote: undefined } };
    }
    return { ...annotation, anchor };
  };
  const anchoredAnnotations = (): AnchoredAnnotation[] => requireAnnotations().list().map(anchored);

  const now = options.now ?? (() => new Date());
  const buildReport = (filter: ReportFilter): Report =>
    corpusReport({
      corpus: requireCorpus(),
      checker: requireChecker(),
      annotations: anchoredAnnotations(),
      settings: options.settings.userSettings(),
      filter,
      now: now(),
      version: options.version,
    });

  /** A report in one format; PDF is the HTML report printed, returned base64 like any binary file. */
  async function reportFile(report: Report, format: ReportFormat): Promise<ReportFile> {
    if (format !== 'pdf') return renderReport(report, format);
    if (!options.renderPdf) {
      throw new ApiError('io', `${CHROMIUM_MISSING_MESSAGE} Meanwhile, export the HTML report and print it to PDF from a browser.`);
    }
    let pdf: Uint8Array;
    try {
      pdf = await options.renderPdf(renderReport(report, 'html').content);
    } catch (err) {
      throw new ApiError('io', `The PDF could not be made: ${err instanceof Error ? err.message : String(err)}`);
    }
    return {
      format,
      fileName: reportFileName(report, format),
      mimeType: reportMimeType(format),
      encoding: 'base64',
      content: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('base64'),
    };
  }

  return {
    async getAppState() {
      return {
        version: options.version,
        canPickFolder: Boolean(options.pickFolder),
        sampleCorpus: options.sampleCorpusDir,
        recentFolders: options.settings.recentFolders(),
        corpus: corpus?.info() ?? null,
      };
    },
    openCorpus: ({ dir }) => open(dir),
    openSampleCorpus: () => open(options.sampleCorpusDir),
    async pickFolder() {
      return { dir: options.pickFolder ? await options.pickFolder() : null };
    },
    async getCorpus() {
      return requireCorpus().info();
    },
    async getArticle({ id }) {
      return requireCorpus().getArticle(id);
    },
    async search({ query, limit }) {
      return requireCorpus().search(query, limit);
    },
    async articleClaims({ id }) {
      return { id, claims: requireChecker().marks(requireCorpus().getArticle(id).id) };
    },
    async listClaims() {
      return { rows: requireChecker().rows() };
    },
    async claimLinks(ref) {
      try {
        return requireChecker().linksFor(ref);
      } catch (err) {
        return notFound(err);
      }
    },
    async quantitySeries({ quantityId }) {
      try {
        return requireChecker().series(quantityId);
      } catch (err) {
        return notFound(err);
      }
    },
    async articleChecks({ id }) {
      return { id, checks: requireChecker().checks(requireCorpus().getArticle(id).id) };
    },

    async listAnnotations() {
      return { annotations: anchoredAnnotations(), recoveredFrom: requireAnnotations().recoveredFrom };
    },
    async createAnnotation({ articleId, start, end, ...body }) {
      const article = requireCorpus().getArticle(articleId);
      if (end <= start || end > article.text.length) throw new ApiError('invalid-args', `createAnnotation: span ${start}–${end} is not inside ${articleId}`);
      const target = describeTarget({ articleId, contentHash: article.hash, text: article.text, start, end });
      return anchored(requireAnnotations().create(target, body));
    },
    async updateAnnotation(patch) {
      return anchored(requireAnnotations().update(patch));
    },
    async deleteAnnotation({ id }) {
      return requireAnnotations().remove(id);
    },
    async restoreAnnotation({ annotation }) {
      return anchored(requireAnnotations().restore(annotation));
    },

    async getSettings() {
      return options.settings.userSettings();
    },
    async updateSettings(patch) {
      return options.settings.updateUserSettings(patch);
    },

    async reportPreview({ filter }) {
      const report = buildReport(filter);
      return { html: renderReport(report, 'html').content, summary: report.summary };
    },
    async exportReport({ format, filter }) {
      return reportFile(buildReport(filter), format);
    },
    async saveReport({ format, filter }) {
      if (!options.saveFile) {
        throw new ApiError('forbidden', 'Saving to a chosen folder needs the desktop app; in the browser, export the report and the browser downloads it.');
      }
      const report = buildReport(filter);
      // Ask first: a cancelled dialog should not cost a PDF print.
      const path = await options.saveFile(reportFileName(report, format), format);
      if (path === null) return { path: null };
      const file = await reportFile(report, format);
      try {
        writeFileAtomic(path, file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : file.content);
      } catch (err) {
        throw new ApiError('io', `The report could not be saved to ${path}: ${writeFailureInWords(err)}`);
      }
      return { path };
    },
    async importAnnotations({ fileName, content }) {
      const open = requireCorpus();
      const articles = open.info().articles.map((summary) => open.getArticle(summary.id));
      return importAnnotationFile(content, fileName, articles, requireAnnotations(), now());
    },

    current: () => corpus,
    async close() {
      generation++;
      await corpus?.close();
      corpus = null;
      annotations = null;
      checker = null;
    },
  };
}
