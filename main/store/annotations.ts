import { createHash, randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import Conf from 'conf';
import { z } from 'zod';
import { ApiError } from '../../shared/api';
import {
  Annotation,
  AnnotationBody,
  AnnotationPatch,
  AnnotationTarget,
} from '../../shared/domain/annotation';
import { DamagedStoreError, openDurableStore, type StoreFactory, type StoreOptions } from './durable';
import { jsonSchemaOf } from './json-schema';

/**
 * One corpus's annotations on disk, `<userData>/annotations/<hash of the corpus root>.json`.
 * Versions (conf's projectVersion + migrations):
 * - 1.0.0: `annotations` is a map from id to annotation;
 * - 2.0.0: `annotations` is a list in creation order (a map kept neither order nor duplicates visible).
 */
export type AnnotationFileData = {
  /** The corpus folder these annotations belong to (the file name is only its hash). */
  corpusRoot: string;
  annotations: Annotation[];
};

export const ANNOTATIONS_VERSION = '2.0.0';
export const ANNOTATIONS_FOLDER = 'annotations';

/** Makes the engine: `(options) => new ElectronStore<AnnotationFileData>(options)` in the app. */
export type AnnotationStoreFactory = StoreFactory<AnnotationFileData>;

export interface AnnotationStore {
  readonly path: string;
  /** Path of the damaged file kept aside when the store was recovered, else null. */
  readonly recoveredFrom: string | null;
  list(): Annotation[]; // creation order
  get(id: string): Annotation | undefined;
  /** A new annotation: new uuid, created = modified = now. */
  create(target: AnnotationTarget, body: AnnotationBody): Annotation;
  /** Change the body fields present in the patch. Throws ApiError('not-found') for an unknown id. */
  update(patch: AnnotationPatch): Annotation;
  /** Re-anchoring moved the annotation: replace its target (keeps id, body, created; sets modified). */
  retarget(id: string, target: AnnotationTarget): Annotation;
  /** Returns the removed one (for undo). */
  remove(id: string): Annotation;
  /** Undo of remove: puts it back as it was (same id; replaces a namesake if there is one). */
  restore(annotation: Annotation): Annotation;
  /** Replace many at once (import): each replaces the one with its id, or is added; one write. */
  addMany(annotations: Annotation[]): void;
}

/** The store file's name: a hash of the resolved corpus root, so any folder name is a safe file name. */
export function annotationFileName(corpusRoot: string): string {
  return createHash('sha256').update(resolve(corpusRoot)).digest('hex').slice(0, 32);
}

/** Where a corpus's annotations are kept under a user-data folder. */
export function annotationStorePath(dir: string, corpusRoot: string): string {
  return join(dir, ANNOTATIONS_FOLDER, `${annotationFileName(corpusRoot)}.json`);
}

const schema = {
  corpusRoot: { type: 'string', minLength: 1 },
  annotations: { type: 'array', items: jsonSchemaOf(Annotation) },
};

const timeOf = (iso: string): number => {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
};

/** Creation order; Array.prototype.sort is stable, so equal times keep their order. */
const sortByCreation = (annotations: Annotation[]): Annotation[] =>
  annotations.sort((a, b) => timeOf(a.created) - timeOf(b.created));

/** A version-1 map (id → annotation) as a list in creation order; an entry missing its id takes its key. */
function listFromMap(map: Record<string, unknown>): unknown[] {
  const entries = Object.entries(map).map(([id, value]) =>
    value && typeof value === 'object' && !Array.isArray(value) && !('id' in value) ? { id, ...value } : value,
  );
  return entries.sort((a, b) => {
    const created = (x: unknown) => timeOf(String((x as { created?: unknown } | null)?.created ?? ''));
    return created(a) - created(b);
  });
}

const migrations = {
  /** 1.0.0 → 2.0.0: the map keyed by id becomes a list sorted by creation. */
  '2.0.0': (store: Conf<AnnotationFileData>) => {
    const stored: unknown = store.get('annotations');
    if (Array.isArray(stored) || !stored || typeof stored !== 'object') return; // new, or left to the schema
    store.set('annotations', listFromMap(stored as Record<string, unknown>) as Annotation[]);
  },
};

/** Parse with zod or throw ApiError('invalid-args') naming what and where. */
function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new ApiError('invalid-args', `Invalid ${what}${where}: ${issue?.message ?? 'rejected'}`);
}

function firstDuplicateId(annotations: readonly { id: string }[]): string | undefined {
  const seen = new Set<string>();
  for (const { id } of annotations) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

/**
 * Open a corpus's annotations with a given engine (electron-store in the app, conf elsewhere).
 * A damaged file is kept aside (`recoveredFrom`) and the last good copy loaded; with no good copy,
 * the annotations of the damaged file that still pass validation are kept, the rest stay in the file aside.
 */
export function openAnnotationStore(factory: AnnotationStoreFactory, dir: string, corpusRoot: string): AnnotationStore {
  const root = resolve(corpusRoot);
  const options: StoreOptions<AnnotationFileData> = {
    cwd: join(dir, ANNOTATIONS_FOLDER),
    configName: annotationFileName(root),
    name: annotationFileName(root),
    projectName: 'reckon',
    projectVersion: ANNOTATIONS_VERSION,
    schema: schema as never,
    defaults: { corpusRoot: root, annotations: [] },
    migrations: migrations as never,
    // Ids and paths are keys here, never dot-separated property paths.
    accessPropertiesByDotNotation: false,
  };

  /** The annotations as the check read them from the opened file. */
  let checked: Annotation[] | undefined;
  const { store, recoveredFrom, saved } = openDurableStore<AnnotationFileData>({
    factory,
    options,
    check(opened) {
      const data = opened.store;
      if (data.corpusRoot !== root) throw new DamagedStoreError(`annotations of ${data.corpusRoot}, expected ${root}`);
      const duplicate = firstDuplicateId(data.annotations);
      if (duplicate) throw new DamagedStoreError(`annotation ${duplicate} appears twice`);
      checked = data.annotations; // one read of a large file instead of two
    },
    salvage(damagedText, fresh) {
      let data: unknown;
      try {
        data = JSON.parse(damagedText);
      } catch {
        return; // not JSON at all: nothing to pick out, the file aside keeps it
      }
      const stored = (data as { annotations?: unknown } | null)?.annotations;
      const candidates = Array.isArray(stored) ? stored : stored && typeof stored === 'object' ? listFromMap(stored as Record<string, unknown>) : [];
      const sound: Annotation[] = [];
      const ids = new Set<string>();
      for (const candidate of candidates) {
        const parsed = Annotation.safeParse(candidate);
        if (parsed.success && !ids.has(parsed.data.id)) {
          sound.push(parsed.data);
          ids.add(parsed.data.id);
        }
      }
      if (sound.length) fresh.set('annotations', sortByCreation(sound));
      checked = undefined; // the fresh store was checked empty; read it again
    },
  });

  let annotations: Annotation[] = checked ?? store.get('annotations');
  let byId = new Map(annotations.map((a) => [a.id, a]));

  /** Write the next state; memory follows only once the file holds it. */
  const commit = (next: Annotation[]): void => {
    try {
      store.set('annotations', next);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (message.startsWith('Config schema violation')) throw new ApiError('invalid-args', `Annotation not saved: ${message}`);
      throw new ApiError('io', `Annotations not saved to ${store.path}: ${message}`);
    }
    annotations = next;
    byId = new Map(next.map((a) => [a.id, a]));
    saved();
  };

  const existing = (id: string): Annotation => {
    const found = byId.get(id);
    if (!found) throw new ApiError('not-found', `No annotation with id ${id}`);
    return found;
  };

  /** The list with `annotation` in place of its namesake (if any), at its place in creation order. */
  const withAnnotation = (annotation: Annotation): Annotation[] => {
    const rest = annotations.filter((a) => a.id !== annotation.id);
    const time = timeOf(annotation.created);
    let index = rest.length;
    while (index > 0 && timeOf(rest[index - 1]!.created) > time) index--;
    rest.splice(index, 0, annotation);
    return rest;
  };

  const replaced = (annotation: Annotation): Annotation[] => annotations.map((a) => (a.id === annotation.id ? annotation : a));

  const now = () => new Date().toISOString();

  return {
    path: store.path,
    recoveredFrom,
    list: () => structuredClone(annotations),
    get: (id) => {
      const found = byId.get(id);
      return found && structuredClone(found);
    },
    create(target, body) {
      const validTarget = parseOrThrow(AnnotationTarget, target, 'annotation target');
      const validBody = parseOrThrow(AnnotationBody, body, 'annotation');
      const time = now();
      const annotation: Annotation = { id: randomUUID(), target: validTarget, ...validBody, created: time, modified: time };
      commit(withAnnotation(annotation));
      return structuredClone(annotation);
    },
    update(patch) {
      const { id, ...changes } = parseOrThrow(AnnotationPatch, patch, 'annotation change');
      const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const updated: Annotation = { ...existing(id), ...defined, modified: now() };
      commit(replaced(updated));
      return structuredClone(updated);
    },
    retarget(id, target) {
      const validTarget = parseOrThrow(AnnotationTarget, target, 'annotation target');
      const updated: Annotation = { ...existing(id), target: validTarget, modified: now() };
      commit(replaced(updated));
      return structuredClone(updated);
    },
    remove(id) {
      const removed = existing(id);
      commit(annotations.filter((a) => a.id !== id));
      return structuredClone(removed);
    },
    restore(annotation) {
      const valid = parseOrThrow(Annotation, annotation, 'annotation');
      commit(withAnnotation(valid));
      return structuredClone(valid);
    },
    addMany(incoming) {
      const valid = parseOrThrow(z.array(Annotation), incoming, 'annotations');
      const duplicate = firstDuplicateId(valid);
      if (duplicate) throw new ApiError('invalid-args', `Invalid annotations: id ${duplicate} appears twice`);
      if (!valid.length) return;
      const incomingIds = new Set(valid.map((a) => a.id));
      commit(sortByCreation([...annotations.filter((a) => !incomingIds.has(a.id)), ...valid]));
    },
  };
}

/** Annotations on the conf engine (browser mode, the CLI, tests): no Electron needed. */
export function openConfAnnotations(dir: string, corpusRoot: string): AnnotationStore {
  return openAnnotationStore((options) => new Conf<AnnotationFileData>(options), dir, corpusRoot);
}

