/**
 * The one contract between the UI and the back end. Each call has a name, an
 * argument schema and a result schema; each event a payload schema. The Electron
 * preload, the IPC handlers, the HTTP server and the renderer's client are all
 * derived from this file: renaming a call breaks the build on both sides.
 */
import { z } from 'zod';
import { Article } from '../domain/article';
import { CorpusChanged, CorpusInfo, IndexProgress, SearchResult } from '../domain/corpus';
import { AnchoredAnnotation, Annotation, AnnotationDraft, AnnotationPatch } from '../domain/annotation';
import { ArithmeticCheck, ClaimLinks, ClaimMark, ClaimRef, ClaimRow, Series } from '../domain/crosscheck';
import { ImportResult, Report, ReportFile, ReportFilter, ReportFormat } from '../domain/report';
import { UserSettings } from '../domain/settings';
import type { CallName, EventName } from './names';

const NoArgs = z.object({}).strict();
const ArticleId = z.string().min(1).max(4096);
const AnnotationId = z.object({ id: z.string().uuid() }).strict();
/** Paths are opaque strings here; main/ resolves and confines them. */
const FolderPath = z.string().min(1).max(4096);
/** An import file is read by the UI and sent whole; 50 MB of JSON is far beyond any real export. */
export const MAX_IMPORT_CHARS = 50_000_000;

export const AppState = z.object({
  version: z.string(),
  /** Whether a native folder dialog exists (Electron) or the UI must ask for a path (browser mode). */
  canPickFolder: z.boolean(),
  /** Absolute path of the bundled sample corpus. */
  sampleCorpus: z.string(),
  /** Most recent first. */
  recentFolders: z.array(z.string()),
  /** The corpus open now, if any. */
  corpus: CorpusInfo.nullable(),
});
export type AppState = z.infer<typeof AppState>;

export const calls = {
  getAppState: { args: NoArgs, result: AppState },
  /** Open (index, or load from cache) a folder; it becomes the current corpus and a recent folder. */
  openCorpus: { args: z.object({ dir: FolderPath }).strict(), result: CorpusInfo },
  openSampleCorpus: { args: NoArgs, result: CorpusInfo },
  /** Native folder dialog; `dir` is null when cancelled or when there is no dialog (browser mode). */
  pickFolder: { args: NoArgs, result: z.object({ dir: z.string().nullable() }) },
  /** The current corpus: articles, per-file errors, stats. */
  getCorpus: { args: NoArgs, result: CorpusInfo },
  getArticle: { args: z.object({ id: ArticleId }).strict(), result: Article },
  search: {
    args: z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(500).optional() }).strict(),
    result: SearchResult,
  },

  /** Every claim in one article, for the reader's highlights. */
  articleClaims: { args: z.object({ id: ArticleId }).strict(), result: z.object({ id: z.string(), claims: z.array(ClaimMark) }) },
  /** Every claim in the corpus, for the claims table. */
  listClaims: { args: NoArgs, result: z.object({ rows: z.array(ClaimRow) }) },
  /** The claims in other articles (and this one) that measure the same thing, ranked, with their relation. */
  claimLinks: { args: ClaimRef.strict(), result: ClaimLinks },
  /** A quantity's values over time across all sources (id from ClaimLinks.quantityId). */
  quantitySeries: { args: z.object({ quantityId: z.string().min(1).max(200) }).strict(), result: Series },
  /** The arithmetic inside one article, recomputed. */
  articleChecks: { args: z.object({ id: ArticleId }).strict(), result: z.object({ id: z.string(), checks: z.array(ArithmeticCheck) }) },

  /** The open corpus's annotations, anchored in the current texts (orphans included). */
  listAnnotations: {
    args: NoArgs,
    result: z.object({
      annotations: z.array(AnchoredAnnotation),
      /** Set when the store file was unreadable: where the damaged file was kept. */
      recoveredFrom: z.string().nullable(),
    }),
  },
  createAnnotation: { args: AnnotationDraft.strict(), result: AnchoredAnnotation },
  updateAnnotation: { args: AnnotationPatch.strict(), result: AnchoredAnnotation },
  /** Returns the deleted annotation so the UI can offer undo (restoreAnnotation). */
  deleteAnnotation: { args: AnnotationId, result: Annotation },
  restoreAnnotation: { args: z.object({ annotation: Annotation }).strict(), result: AnchoredAnnotation },

  getSettings: { args: NoArgs, result: UserSettings },
  updateSettings: { args: UserSettings.partial().strict(), result: UserSettings },

  /** The HTML report for the Export dialog's live preview, with its summary. */
  reportPreview: { args: z.object({ filter: ReportFilter }).strict(), result: z.object({ html: z.string(), summary: Report.shape.summary }) },
  /** A report in one format, as content for the UI to save or download (PDF base64). */
  exportReport: { args: z.object({ format: ReportFormat, filter: ReportFilter }).strict(), result: ReportFile },
  /**
   * Ask where to save (native dialog) and write the report there atomically. Only where
   * AppState.canPickFolder (Electron); `path` is null when the user cancels.
   */
  saveReport: { args: z.object({ format: ReportFormat, filter: ReportFilter }).strict(), result: z.object({ path: z.string().nullable() }) },
  /** Import W3C Web Annotation JSON-LD (Reckon's export or Hypothesis's) into the open corpus, re-anchoring each. */
  importAnnotations: {
    args: z.object({ fileName: z.string().min(1).max(1024), content: z.string().max(MAX_IMPORT_CHARS) }).strict(),
    result: ImportResult,
  },
} as const satisfies Record<CallName, { args: z.ZodType; result: z.ZodType }>;

export const events = {
  indexProgress: IndexProgress,
  corpusChanged: CorpusChanged,
} as const satisfies Record<EventName, z.ZodType>;

// Compile-time check that names.ts lists exactly the contract's keys.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _callsMatch: Exact<keyof typeof calls, CallName> = true;
const _eventsMatch: Exact<keyof typeof events, EventName> = true;
void _callsMatch;
void _eventsMatch;

export type CallArgs<K extends CallName> = z.input<(typeof calls)[K]['args']>;
export type CallResult<K extends CallName> = z.infer<(typeof calls)[K]['result']>;
export type EventPayload<K extends EventName> = z.infer<(typeof events)[K]>;

/** The back end, as every transport sees it. */
export type Api = { [K in CallName]: (args: CallArgs<K>) => Promise<CallResult<K>> };

/** What the renderer holds: the calls plus event subscription. */
export interface ApiClient extends Api {
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
}

/**
 * What the sandboxed preload exposes as window.reckon: one method per call, returning
 * the raw envelope (Electron would mangle thrown errors), and event subscription.
 */
export type Bridge = { [K in CallName]: (args: CallArgs<K>) => Promise<Envelope<CallResult<K>>> } & {
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
};

export const ApiErrorCode = z.enum(['invalid-args', 'unknown-call', 'forbidden', 'not-found', 'no-corpus', 'io', 'internal']);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;
export const ApiErrorShape = z.object({ code: ApiErrorCode, message: z.string() });
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

/** Every transport carries results in this envelope, so errors keep their code and message. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  toShape(): ApiErrorShape {
    return { code: this.code, message: this.message };
  }
}

/** Validate a call's raw arguments from an untrusted sender. Throws ApiError('invalid-args'). */
export function parseArgs<K extends CallName>(name: K, raw: unknown): z.infer<(typeof calls)[K]['args']> {
  const parsed = calls[name].args.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ApiError('invalid-args', `${name}: invalid arguments${where}: ${issue?.message ?? 'rejected'}`);
  }
  return parsed.data as z.infer<(typeof calls)[K]['args']>;
}

/** Turn anything thrown by a handler into an error envelope without leaking stack traces. */
export function toErrorEnvelope(err: unknown): { ok: false; error: ApiErrorShape } {
  if (err instanceof ApiError) return { ok: false, error: err.toShape() };
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, error: { code: 'internal', message } };
}

/** Unwrap an envelope on the client side, throwing ApiError on failure. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope && envelope.ok) return envelope.value;
  const error = envelope && !envelope.ok ? envelope.error : { code: 'internal' as const, message: 'malformed response' };
  throw new ApiError(error.code, error.message);
}

/**
 * Run a call against an implementation: validate the arguments, call, wrap the
 * result. The IPC handlers and the HTTP server both dispatch through this.
 */
export async function dispatch(api: Api, name: unknown, rawArgs: unknown): Promise<Envelope<unknown>> {
  try {
    if (typeof name !== 'string' || !Object.hasOwn(calls, name)) throw new ApiError('unknown-call', `unknown call: ${String(name)}`);
    const callName = name as CallName;
    const args = parseArgs(callName, rawArgs);
    const fn = api[callName] as (a: unknown) => Promise<unknown>;
    return { ok: true, value: await fn.call(api, args) };
  } catch (err) {
    return toErrorEnvelope(err);
  }
}
