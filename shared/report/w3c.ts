/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) export and import.
 *
 * Export: one AnnotationCollection, its annotations inline in the first AnnotationPage. Each
 * annotation assesses a span of an article: bodies for the verdict, the note, each tag and each
 * piece of evidence; the target names the article by `urn:sha256:` of the file's bytes (the file
 * name kept beside it) and selects the span with a TextQuoteSelector and a TextPositionSelector.
 * Offsets are UTF-16 code units into Reckon's normalised text, as Hypothesis counts them (the
 * model leaves the unit open: w3c/web-annotation#206).
 *
 * Import: Reckon's own collection, any Web Annotation JSON-LD (collection, page, annotation or a
 * list of them), and Hypothesis's API and export JSON. Pure and forgiving: odd input never
 * throws; each unusable item is skipped with a reason that names it. Resolving items to articles
 * and re-anchoring them is main/report/import.ts's job.
 */
import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import { z } from 'zod';
import { AnnotationBody, type Evidence, type TextPositionSelector, type TextQuoteSelector } from '../domain/annotation';
import { type Report, type ReportEntry, type ReportEvidence, type ReportSource } from '../domain/report';
import { isWebAddress } from './words';

/** Named, never fetched: readers that know the model know this context. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/**
 * Reckon's own terms (`reckon:verdict`, `reckon:fileName`). Reckon has no web site, so the
 * namespace is under `.invalid` (RFC 6761), a name that can never resolve: nothing is fetched.
 */
export const RECKON_NAMESPACE = 'https://reckon.invalid/ns#';

/** Quote context kept on import: the domain schema's limit (Reckon itself stores 32). */
const MAX_CONTEXT = 200;
const MAX_QUOTE = 10_000;
const MAX_NOTE = AnnotationBody.shape.note.maxLength ?? 20_000;
const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 64;
const MAX_EVIDENCE = 100;
const MAX_URL = 2048;
/** Inline pages followed through `next` before giving up on a (malformed, circular) chain. */
const MAX_PAGES = 10_000;

// ---------------------------------------------------------------------------------------------
// Export

export function renderWebAnnotations(report: Report): string {
  const entries = report.articles.flatMap((article) => article.entries.map((entry) => ({ entry, source: article.source })));
  const sources = new Map(report.sources.map((s) => [s.id, s]));
  const creator = creatorOf(report);
  const collectionId = `urn:uuid:${nameBasedUuid(['reckon collection', report.corpusName, ...entries.map((e) => e.entry.annotationId).sort()].join('\n'))}`;
  const ratings = report.verdictScale.map((v) => v.rating);
  const scale: ScaleBounds = { best: Math.max(...ratings), worst: Math.min(...ratings) };
  const annotations = entries.map(({ entry, source }) => annotationOf(entry, source, { creator, scale, sources }));
  const collection = {
    '@context': [ANNOTATION_CONTEXT, { reckon: RECKON_NAMESPACE }],
    id: collectionId,
    type: 'AnnotationCollection',
    label: report.title,
    total: annotations.length,
    ...(creator ? { creator } : {}),
    generator: { type: 'Software', name: report.generator },
    generated: report.generated,
    // The model requires a page to hold at least one annotation: an empty collection has none.
    ...(annotations.length
      ? {
          first: {
            id: `urn:uuid:${nameBasedUuid(`${collectionId} page 1`)}`,
            type: 'AnnotationPage',
            partOf: collectionId,
            startIndex: 0,
            items: annotations,
          },
        }
      : {}),
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

type Agent = { type: 'Person' | 'Organization'; name: string };

function creatorOf(report: Report): Agent | Agent[] | undefined {
  const agents: Agent[] = [];
  if (report.author.trim()) agents.push({ type: 'Person', name: report.author.trim() });
  if (report.organisation.trim()) agents.push({ type: 'Organization', name: report.organisation.trim() });
  return agents.length > 1 ? agents : agents[0];
}

type ScaleBounds = { best: number; worst: number };

interface ExportContext {
  creator: Agent | Agent[] | undefined;
  scale: ScaleBounds;
  /** The report's sources by article id, for evidence that cites another article. */
  sources: ReadonlyMap<string, ReportSource>;
}

function annotationOf(entry: ReportEntry, source: ReportSource, { creator, scale, sources }: ExportContext) {
  const { quote, position, contentHash } = entry.target;
  const body: object[] = [];
  if (entry.verdict) {
    body.push({
      type: 'TextualBody',
      purpose: 'assessing',
      value: entry.verdict.label,
      format: 'text/plain',
      // Flat literals rather than a nested object: inside one, anno.jsonld would read `id` as an IRI.
      'reckon:verdict': entry.verdict.id,
      'schema:ratingValue': entry.verdict.rating,
      'schema:bestRating': scale.best,
      'schema:worstRating': scale.worst,
    });
  }
  if (entry.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: entry.note, format: 'text/plain' });
  for (const tag of entry.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  for (const evidence of entry.evidence) body.push(evidenceBody(evidence, sources));
  return {
    id: `urn:uuid:${entry.annotationId}`,
    type: 'Annotation',
    motivation: 'assessing',
    created: entry.created,
    modified: entry.modified,
    ...(creator ? { creator } : {}),
    ...(body.length ? { body } : {}),
    target: {
      type: 'SpecificResource',
      // The content the selectors were described against (an orphan's may be an older version).
      source: { id: `urn:sha256:${contentHash}`, type: 'Text', 'dc:title': source.title, 'reckon:fileName': entry.articleId },
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    },
  };
}

function evidenceBody(evidence: ReportEvidence, sources: ReadonlyMap<string, ReportSource>): object {
  if (evidence.kind === 'url') return { type: 'SpecificResource', purpose: 'linking', source: evidence.target };
  const cited = sources.get(evidence.target);
  return {
    type: 'SpecificResource',
    purpose: 'linking',
    source: {
      ...(cited ? { id: cited.urn } : {}),
      type: 'Text',
      'dc:title': cited?.title ?? evidence.label,
      'reckon:fileName': evidence.target,
    },
    // A cited claim is a span of that article: re-import gives the claim back, not just its article.
    ...(evidence.ref ? { selector: { type: 'TextPositionSelector', start: evidence.ref.start, end: evidence.ref.end } } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Import

export type ImportDialect = 'reckon' | 'hypothesis' | 'w3c';

/** What an item says about the document it annotates; import.ts finds the article from these. */
export interface ImportSourceHints {
  /** sha256 (hex) of the file the selectors were made on, from a `urn:sha256:` source. */
  hash: string | null;
  /** Reckon's article id (the file's path in its corpus folder), from `reckon:fileName`. */
  fileName: string | null;
  /** Any other address of the source (Hypothesis: the web page annotated). */
  uri: string | null;
  title: string | null;
}

export interface ImportItem {
  /** Place in the document's list of annotations, from 0. */
  index: number;
  /** "annotation 3 of 7 (urn:uuid:…)": how reasons name the item. */
  label: string;
  /** The annotation's uuid when its id is a `urn:uuid:` (Reckon's own), else null. */
  id: string | null;
  /** Any other id it has (a Hypothesis id, an IRI): a stable uuid is derived from it. */
  externalId: string | null;
  source: ImportSourceHints;
  quote: TextQuoteSelector;
  /** Offsets in the source's text; only meaningful if the article is that same file. */
  position: TextPositionSelector | null;
  body: AnnotationBody;
  /** ISO datetimes (UTC), when the item had valid ones. */
  created: string | null;
  modified: string | null;
}

export interface ParsedWebAnnotations {
  dialect: ImportDialect;
  items: ImportItem[];
  skipped: { index: number; reason: string }[];
  /** Why the document as a whole is not annotations Reckon can read (then there are no items), else null. */
  unrecognised: string | null;
}

const Obj = z.record(z.string(), z.unknown());
type Obj = z.infer<typeof Obj>;
const isObj = (value: unknown): value is Obj => Obj.safeParse(value).success && !Array.isArray(value);
const asList = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
/** `type` and `id` stand for JSON-LD's `@type` and `@id` in the annotation context: a document may use either. */
const typeOf = (node: Obj): unknown => node.type ?? node['@type'];
const idOf = (node: Obj): string | null => str(node.id) ?? str(node['@id']);
/** A selector with its type under `type`, where the zod shapes below look for it. */
const withPlainType = (node: Obj): Obj => (node.type === undefined && node['@type'] !== undefined ? { ...node, type: node['@type'] } : node);

const QuoteSelectorIn = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
const PositionSelectorIn = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end > s.start);
const HypothesisAnnotation = z.object({
  id: z.string().optional(),
  uri: z.string().optional(),
  text: z.string().optional(),
  tags: z.array(z.unknown()).optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
  references: z.array(z.unknown()).optional(),
  document: z.object({ title: z.union([z.string(), z.array(z.unknown())]).optional() }).optional(),
  target: z.array(z.unknown()),
});
type HypothesisAnnotation = z.infer<typeof HypothesisAnnotation>;

export function parseWebAnnotations(json: unknown): ParsedWebAnnotations {
  const found = annotationsIn(json);
  if ('unrecognised' in found) return { dialect: 'w3c', items: [], skipped: [], unrecognised: found.unrecognised };
  const { dialect, list } = found;
  const items: ImportItem[] = [];
  const skipped: ParsedWebAnnotations['skipped'] = [];
  list.forEach((raw, index) => {
    const label = `annotation ${index + 1} of ${list.length}${idLabel(raw)}`;
    const item = dialect === 'hypothesis' ? hypothesisItem(raw, index, label) : w3cItem(raw, index, label);
    if (typeof item === 'string') skipped.push({ index, reason: `${label}: ${item}` });
    else items.push(item);
  });
  return { dialect, items, skipped, unrecognised: null };
}

type Found = { dialect: ImportDialect; list: unknown[] } | { unrecognised: string };

/**
 * The list of annotations a document holds, and whose they are; or why it holds none.
 * `context` is an enclosing `@graph`'s, which its nodes share.
 */
function annotationsIn(json: unknown, context?: unknown): Found {
  if (Array.isArray(json)) {
    // A list holding one collection or page (a `@graph` of one node, say) is that collection or page.
    if (json.length === 1 && (hasType(json[0], 'AnnotationCollection') || hasType(json[0], 'AnnotationPage'))) return annotationsIn(json[0], context);
    const dialect = json.some(isHypothesisShaped) && !json.some((a) => hasType(a, 'Annotation')) ? 'hypothesis' : isReckonContext(context) ? 'reckon' : 'w3c';
    return { dialect, list: json };
  }
  if (!isObj(json)) return { unrecognised: `expected a JSON object or list, found ${describe(json)}` };
  // Hypothesis: the search API's `{ total, rows }`, or the client's export `{ export_date, annotations }`.
  if (Array.isArray(json.rows)) return { dialect: 'hypothesis', list: json.rows };
  if (Array.isArray(json.annotations) && ('export_date' in json || 'client_version' in json)) return { dialect: 'hypothesis', list: json.annotations };
  if (Array.isArray(json['@graph'])) return annotationsIn(json['@graph'], json['@context'] ?? context);
  const dialect: ImportDialect = isReckonContext(json['@context'] ?? context) ? 'reckon' : 'w3c';
  if (hasType(json, 'AnnotationCollection')) {
    if (json.first === undefined) {
      // Not the model's shape (a collection's annotations belong on its pages), but some tools write it.
      if (Array.isArray(json.items)) return { dialect, list: json.items };
      if (typeof json.total === 'number' && json.total > 0) {
        return { unrecognised: `the collection says it holds ${json.total} annotations but includes none (no first page, no items)` };
      }
      return { dialect, list: [] }; // an empty collection
    }
    if (!isObj(json.first)) {
      return { unrecognised: `its annotations are not included, only linked (first: ${JSON.stringify(json.first)}), and Reckon fetches nothing` };
    }
    return pagesFrom(json.first, dialect);
  }
  if (hasType(json, 'AnnotationPage')) return pagesFrom(json, dialect);
  if (hasType(json, 'Annotation')) return { dialect, list: [json] };
  if (isHypothesisShaped(json)) return { dialect: 'hypothesis', list: [json] };
  const keys = Object.keys(json).slice(0, 8);
  return {
    unrecognised:
      'no annotations in it: expected a W3C Web Annotation (Annotation, AnnotationPage or AnnotationCollection) or a Hypothesis export' +
      ` (found an object with ${keys.length ? `keys ${keys.join(', ')}` : 'no keys'})`,
  };
}

/** The items of a page and of the pages after it, when they are included (not just linked). */
function pagesFrom(first: Obj, dialect: ImportDialect): Found {
  const list: unknown[] = [];
  const seen = new Set<Obj>();
  for (let page: unknown = first; isObj(page) && !seen.has(page) && seen.size < MAX_PAGES; page = page.next) {
    seen.add(page);
    if (!Array.isArray(page.items)) return { unrecognised: `an AnnotationPage without an items list (page ${seen.size})` };
    list.push(...page.items);
  }
  return { dialect, list };
}

function isReckonContext(context: unknown): boolean {
  return asList(context).some((entry) => isObj(entry) && entry.reckon === RECKON_NAMESPACE);
}

function hasType(value: unknown, type: string): boolean {
  return isObj(value) && asList(typeOf(value)).some((t) => t === type || t === `oa:${type}`);
}

/** Hypothesis's annotations: a `target` list of `{ source, selector }` and no W3C `type`. */
function isHypothesisShaped(value: unknown): boolean {
  return isObj(value) && typeOf(value) === undefined && Array.isArray(value.target) && ('uri' in value || 'text' in value || 'user' in value);
}

function idLabel(raw: unknown): string {
  const id = isObj(raw) ? idOf(raw) : null;
  return id ? ` (${id.length > 80 ? `${id.slice(0, 80)}…` : id})` : '';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  return `a ${typeof value} (${String(value)})`;
}

// --- W3C items

function w3cItem(raw: unknown, index: number, label: string): ImportItem | string {
  if (typeof raw === 'string' && IRI.test(raw.trim())) return `only linked (${raw.length > 80 ? `${raw.slice(0, 80)}…` : raw}), not included, and Reckon fetches nothing`;
  if (!isObj(raw)) return `not an annotation object but ${describe(raw)}`;
  if (typeOf(raw) !== undefined && !hasType(raw, 'Annotation')) return `not an Annotation (type ${JSON.stringify(typeOf(raw))})`;
  const targets = asList(raw.target);
  if (!targets.length) return 'no target';
  const selected = targets.map(selectorsOf).find((t) => t.quote) ?? selectorsOf(targets[0]);
  const selection = quoteOrReason(selected);
  if (typeof selection === 'string') return selection;
  const body = w3cBody(raw);
  if (typeof body === 'string') return body;
  const rawId = idOf(raw);
  const uuid = rawId ? uuidOf(rawId) : null;
  return {
    index,
    label,
    id: uuid,
    externalId: uuid ? null : rawId,
    source: selected.source,
    ...selection,
    body,
    created: isoTime(raw.created),
    modified: isoTime(raw.modified),
  };
}

interface Selected {
  source: ImportSourceHints;
  quote: z.infer<typeof QuoteSelectorIn> | null;
  position: TextPositionSelector | null;
  /** Selector types seen, for the reason when there is no quote. */
  types: string[];
}

/** A target's source hints and its text selectors (refinements' quotes included). */
function selectorsOf(target: unknown): Selected {
  const source: ImportSourceHints = { hash: null, fileName: null, uri: null, title: null };
  const selected: Selected = { source, quote: null, position: null, types: [] };
  if (typeof target === 'string') {
    addSourceId(source, target);
    return selected;
  }
  if (!isObj(target)) return selected;
  const resource = target.source ?? (target.selector === undefined ? target : undefined);
  if (typeof resource === 'string') addSourceId(source, resource);
  else if (isObj(resource)) {
    const id = idOf(resource);
    if (id) addSourceId(source, id);
    source.fileName = str(resource['reckon:fileName']);
    source.title = firstString(resource['dc:title'] ?? resource['dcterms:title'] ?? resource.title ?? resource.name);
  }
  // A refinement selects within what it refines: its quote is still the passage's text, but its
  // offsets count from the start of that part (a paragraph, say), not of the document.
  const pending = asList(target.selector).map((node) => ({ node, refinement: false }));
  const seen = new Set<unknown>();
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    if (!isObj(next.node) || seen.has(next.node)) continue;
    seen.add(next.node);
    const selector = withPlainType(next.node);
    if (typeof selector.type === 'string') selected.types.push(selector.type);
    const quote = QuoteSelectorIn.safeParse(selector);
    if (quote.success && !selected.quote) selected.quote = quote.data;
    const position = PositionSelectorIn.safeParse(selector);
    if (position.success && !selected.position && !next.refinement) selected.position = position.data;
    pending.push(...asList(selector.refinedBy).map((node) => ({ node, refinement: true })));
  }
  return selected;
}

function addSourceId(source: ImportSourceHints, id: string): void {
  const hash = /^urn:sha256:([0-9a-f]{64})$/i.exec(id.trim());
  if (hash) source.hash = hash[1]!.toLowerCase();
  else source.uri = id;
}

function firstString(value: unknown): string | null {
  return asList(value).map(str).find((s) => s !== null) ?? null;
}

/** The quote and position an ImportItem keeps, or why the target cannot be anchored. */
function quoteOrReason(selected: Selected): Pick<ImportItem, 'quote' | 'position'> | string {
  const { quote, position, types } = selected;
  if (!quote) {
    if (!types.length) return 'no selector: it annotates a whole document, not a passage';
    const seen = [...new Set(types)].join(', ');
    return `no TextQuoteSelector (only ${seen}); Reckon finds a passage by its quoted text`;
  }
  if (!quote.exact.trim()) return 'its TextQuoteSelector quotes nothing';
  if (quote.exact.length > MAX_QUOTE) return `its quote has ${quote.exact.length} characters; at most ${MAX_QUOTE} can be anchored`;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: quote.exact,
      // The context nearest the quote matters: keep the end of the prefix and the start of the suffix.
      prefix: (quote.prefix ?? '').slice(-MAX_CONTEXT),
      suffix: (quote.suffix ?? '').slice(0, MAX_CONTEXT),
    },
    position: position && position.end - position.start === quote.exact.length ? position : null,
  };
}

/** The body Reckon keeps: Reckon's verdict mapped back, text as the note, tags, links as evidence. */
function w3cBody(raw: Obj): AnnotationBody | string {
  const collected: Collected = { verdict: null, notes: [], tags: [], evidence: [] };
  const bodyValue = str(raw.bodyValue);
  if (bodyValue) collected.notes.push(bodyValue);
  for (const body of asList(raw.body)) collectBody(body, collected);
  return bodyOf(collected);
}

interface Collected {
  verdict: string | null;
  notes: string[];
  tags: string[];
  evidence: Evidence[];
}

const VerdictId = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/);

function collectBody(body: unknown, into: Collected): void {
  if (typeof body === 'string') {
    // The model reads a string body as the IRI of an external resource: a web address is a link.
    if (isWebUrl(body)) into.evidence.push({ kind: 'url', url: body });
    // Words that are no IRI at all are a comment put where the model wants an address: kept as one.
    else if (body.trim() && !IRI.test(body.trim())) into.notes.push(body);
    return;
  }
  if (!isObj(body)) return;
  if (hasType(body, 'Choice')) {
    // The model's Choice: the first item is the default.
    collectBody(asList(body.items)[0], into);
    return;
  }
  const purposes = asList(body.purpose).filter((p): p is string => typeof p === 'string');
  const value = typeof body.value === 'string' ? body.value : typeof body.chars === 'string' ? body.chars : null;
  if (value !== null) {
    const verdict = VerdictId.safeParse(body['reckon:verdict']);
    if (purposes.includes('assessing') && verdict.success && into.verdict === null) into.verdict = verdict.data;
    else if (purposes.includes('tagging')) into.tags.push(value);
    else if (purposes.includes('linking') && isWebUrl(value)) into.evidence.push({ kind: 'url', url: value });
    else if (value.trim()) into.notes.push(purposes.includes('assessing') ? `Assessment: ${value}` : value);
    return;
  }
  const evidence = evidenceOf(body);
  if (evidence) into.evidence.push(evidence);
}

/** A linked resource as evidence: another article of the corpus (Reckon's), or a web address. */
function evidenceOf(body: Obj): Evidence | null {
  const resource = body.source ?? idOf(body);
  if (typeof resource === 'string') return isWebUrl(resource) ? { kind: 'url', url: resource } : null;
  if (!isObj(resource)) return null;
  const articleId = str(resource['reckon:fileName']);
  if (articleId) {
    const position = asList(body.selector)
      .map((s) => PositionSelectorIn.safeParse(isObj(s) ? withPlainType(s) : s))
      .find((p) => p.success)?.data;
    return position ? { kind: 'claim', ref: { articleId, start: position.start, end: position.end } } : { kind: 'article', articleId };
  }
  const id = idOf(resource);
  return id && isWebUrl(id) ? { kind: 'url', url: id } : null;
}

/** "urn:…", "doi:…", "https://…": a scheme, then no spaces. */
const IRI = /^[a-z][a-z0-9+.-]*:\S*$/i;

function isWebUrl(value: string): boolean {
  return isWebAddress(value) && value.length <= MAX_URL;
}

/** Fits what was collected to the schema's limits; what had to go is said at the end of the note. */
function bodyOf(collected: Collected): AnnotationBody | string {
  const cuts: string[] = [];
  const tags: string[] = [];
  for (const tag of collected.tags.map((t) => t.trim()).filter(Boolean)) {
    const clipped = clip(tag, MAX_TAG_LENGTH);
    if (clipped !== tag) cuts.push(`tag "${tag.slice(0, 40)}…" cut to ${MAX_TAG_LENGTH} characters`);
    if (!tags.includes(clipped)) tags.push(clipped);
  }
  if (tags.length > MAX_TAGS) cuts.push(`${tags.length - MAX_TAGS} tags over the limit of ${MAX_TAGS} left out: ${tags.slice(MAX_TAGS).join(', ')}`);
  if (collected.evidence.length > MAX_EVIDENCE) cuts.push(`${collected.evidence.length - MAX_EVIDENCE} links over the limit of ${MAX_EVIDENCE} left out`);
  let note = collected.notes.join('\n\n');
  const notice = (noteCut: string | null) => `\n\n[Imported by Reckon: ${[...(noteCut ? [noteCut] : []), ...cuts].join('; ')}.]`;
  if (note.length + (cuts.length ? notice(null).length : 0) > MAX_NOTE) {
    const noteCut = `note cut from ${note.length.toLocaleString('en')} characters, at most ${MAX_NOTE.toLocaleString('en')} fit`;
    const room = MAX_NOTE - notice(noteCut).length - '…'.length;
    note = `${clip(note, room).trimEnd()}…${notice(noteCut)}`;
  } else if (cuts.length) note = `${note}${notice(null)}`.trimStart();
  const body = AnnotationBody.safeParse({ verdict: collected.verdict, note, tags: tags.slice(0, MAX_TAGS), evidence: collected.evidence.slice(0, MAX_EVIDENCE) });
  if (!body.success) {
    const issue = body.error.issues[0];
    return `its body does not fit Reckon's annotation (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'rejected'})`;
  }
  return body.data;
}

/** The first `length` UTF-16 units, one fewer rather than half a surrogate pair. */
function clip(text: string, length: number): string {
  const cut = text.slice(0, length);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

// --- Hypothesis items

function hypothesisItem(raw: unknown, index: number, label: string): ImportItem | string {
  const parsed = HypothesisAnnotation.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `not a Hypothesis annotation (${issue?.path.join('.') || 'item'}: ${issue?.message ?? 'rejected'})`;
  }
  const h: HypothesisAnnotation = parsed.data;
  if (h.references?.length) return 'a reply to another annotation, not attached to a passage';
  const targets = h.target.map(selectorsOf);
  const selected = targets.find((t) => t.quote) ?? targets[0];
  if (!selected) return 'no target';
  const selection = quoteOrReason(selected);
  if (typeof selection === 'string') return selection === 'no selector: it annotates a whole document, not a passage' ? 'a page note, not attached to a passage' : selection;
  const body = bodyOf({ verdict: null, notes: h.text?.trim() ? [h.text] : [], tags: (h.tags ?? []).filter((t): t is string => typeof t === 'string'), evidence: [] });
  if (typeof body === 'string') return body;
  return {
    index,
    label,
    id: null,
    externalId: str(h.id),
    source: { ...selected.source, uri: selected.source.uri ?? str(h.uri), title: firstString(h.document?.title) },
    ...selection,
    body,
    created: isoTime(h.created),
    modified: isoTime(h.updated ?? h.created),
  };
}

// --- values

/** A datetime in any ISO form ("…+00:00", microseconds) as the store keeps it (UTC, "Z"), or null. */
function isoTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // Date.parse reads up to milliseconds; Hypothesis writes microseconds.
  const time = Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function uuidOf(id: string): string | null {
  const match = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(id.trim());
  return match ? match[1]!.toLowerCase() : null;
}

/** A stable UUID for a name: version 8 from SHA-256, as RFC 9562 (appendix B.2) shows it. */
export function nameBasedUuid(name: string): string {
  const bytes = sha256(utf8ToBytes(name)).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
