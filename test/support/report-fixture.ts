/**
 * The sample corpus with a fact-checker's work on it, for the report tests: annotations
 * made through the contract (verdicts, notes, tags, evidence, a span that is not a
 * detected claim), then two files edited on disk so that one annotation is `changed`
 * and one an orphan. Ids and times are then fixed, so rendered reports can be golden files.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Backend } from '../../main/backend';
import { crossCheckCorpus } from '../../main/crosscheck';
import { corpusReport } from '../../main/report/corpus-report';
import type { AnchoredAnnotation, AnnotationBody } from '../../shared/domain/annotation';
import type { Report, ReportFilter } from '../../shared/domain/report';
import type { UserSettings } from '../../shared/domain/settings';
import { testBackend } from './backend';

export const FIXED_NOW = new Date('2026-11-21T09:30:00.000Z');
/** Articles with no date in their text are dated by their file's mtime: fixed, so golden files don't age. */
export const FIXED_MTIME = new Date('2026-11-02T12:00:00.000Z');
export const FIXTURE_VERSION = '0.1.0';
export const FIXTURE_SETTINGS: Partial<UserSettings> = {
  author: 'Dara Sok',
  organisation: 'Mekong Fact Desk',
  baseUrl: 'https://factcheck.example.org/reviews',
};

export const ARTICLES = {
  prisons: '000_083e109e7a8c2a9d.txt',
  rehab: '001_45ad8d4c2d59c9f0.txt',
  drugs: '002_131d7aa2d4a58d4a.txt',
  statement: '003_78519aec2665b739.txt',
  release: '004_deb5ea4405a2ed8d.txt',
} as const;

export interface ReportFixture {
  backend: Backend;
  /** The temp copy of the sample corpus (two files edited, see above). */
  folder: string;
  userData: string;
  /** As listAnnotations returns them, ids and times fixed, creation order. */
  annotations: AnchoredAnnotation[];
  /** The report of the whole corpus (or of `filter`), dated FIXED_NOW. */
  report: Report;
  /** Another report of the same state. */
  reportFor(filter: ReportFilter): Report;
  dispose(): Promise<void>;
}

interface Planned {
  articleId: string;
  /** Text to annotate, and which occurrence (0-based) in the article. */
  find: string;
  nth?: number;
  body: AnnotationBody;
}

const body = (partial: Partial<AnnotationBody>): AnnotationBody => ({ verdict: null, note: '', tags: [], evidence: [], ...partial });

/** Deterministic uuid v4-shaped ids: …-000000000001, in creation order. */
const fixedId = (i: number) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
const fixedTime = (i: number) => new Date(Date.UTC(2026, 10, 20, 14, i * 7)).toISOString();

export async function makeReportFixture(filter: ReportFilter = {}): Promise<ReportFixture> {
  const userData = mkdtempSync(join(tmpdir(), 'reckon-report-'));
  const folder = join(userData, 'sample-corpus');
  cpSync(resolve('resources/sample-corpus'), folder, { recursive: true });
  for (const name of readdirSync(folder)) utimesSync(join(folder, name), FIXED_MTIME, FIXED_MTIME);
  const backend = testBackend(userData, folder, { version: FIXTURE_VERSION });
  try {
    await backend.openCorpus({ dir: folder });
    await backend.updateSettings(FIXTURE_SETTINGS);
    const textOf = async (id: string) => (await backend.getArticle({ id })).text;
    const spanOf = async (id: string, find: string, nth = 0) => {
      const text = await textOf(id);
      let at = -1;
      for (let i = 0; i <= nth; i++) {
        at = text.indexOf(find, at + 1);
        if (at < 0) throw new Error(`fixture: "${find}" (#${nth}) not in ${id}`);
      }
      return { start: at, end: at + find.length };
    };

    const c38990 = await spanOf(ARTICLES.statement, 'over 38,990');
    const plan: Planned[] = [
      {
        articleId: ARTICLES.prisons,
        find: '40,000',
        body: body({
          verdict: 'mostly-accurate',
          note: 'The General Department of Prisons counted 38,990 in March 2020.\nRounded up, 40,000 is fair for a spokesman quoted later.',
          tags: ['prisons', 'rounding'],
          evidence: [
            { kind: 'claim', ref: { articleId: ARTICLES.statement, ...c38990 } },
            { kind: 'url', url: 'https://www.licadho-cambodia.org/prisons/' },
          ],
        }),
      },
      {
        articleId: ARTICLES.statement,
        find: 'almost 75%',
        body: body({
          verdict: 'misleading',
          note: '=75% is what the headline implies; the ministry’s own share of pre-trial detainees is "more than 35 percent" <see 001> & rising.',
          tags: ['pre-trial'],
          evidence: [{ kind: 'article', articleId: ARTICLES.rehab }],
        }),
      },
      {
        articleId: ARTICLES.statement,
        find: '26,593',
        body: body({ verdict: 'accurate', note: 'Matches the 27,000 rounded by the ministry.', tags: ['capacity'] }),
      },
      {
        articleId: ARTICLES.drugs,
        find: '19 percent',
        body: body({ verdict: 'accurate', note: 'Recomputed from 8,018 and 9,572: 19.4%.', tags: ['drugs', 'arithmetic'] }),
      },
      {
        articleId: ARTICLES.drugs,
        find: '720 kilogrammes',
        body: body({ verdict: 'unverifiable', note: 'No seizure register published for 2019.', tags: [] }),
      },
      {
        articleId: ARTICLES.release,
        find: '26',
        nth: 0,
        body: body({ verdict: 'inaccurate', note: 'Headline and body say 27 activists; HRW says 26 | which is right?', tags: ['headline', 'count'] }),
      },
      {
        articleId: ARTICLES.rehab,
        find: 'drug rehabilitation centres',
        body: body({ note: 'Ask the ministry how many centres exist today.', tags: ['follow-up'] }),
      },
      {
        articleId: ARTICLES.rehab,
        find: 'He described overcrowding as one of the biggest challenges to the management of prisons.',
        body: body({ verdict: 'needs-context', note: 'Sentence later cut from the article: kept as an orphan.', tags: [] }),
      },
    ];
    // "26" in 004 must be the HRW quote's figure, not part of another number.
    const hrw = await spanOf(ARTICLES.release, 'release of 26 wrongfully');
    for (const item of plan) {
      const span =
        item.articleId === ARTICLES.release && item.find === '26'
          ? { start: hrw.start + 'release of '.length, end: hrw.start + 'release of 26'.length }
          : await spanOf(item.articleId, item.find, item.nth);
      await backend.createAnnotation({ articleId: item.articleId, ...span, ...item.body });
    }

    // The drugs article's seizure figure is corrected on disk (→ changed), and the rehab
    // article loses the annotated sentence (→ orphan).
    editFile(join(folder, ARTICLES.drugs), (t) => t.replace('A total of 720 kilogrammes', 'A total of 750 kilogrammes'));
    editFile(join(folder, ARTICLES.rehab), (t) => t.replace('He described overcrowding as one of the biggest challenges to the management of prisons. ', ''));
    await backend.openCorpus({ dir: folder });

    const { annotations: listed } = await backend.listAnnotations({});
    const annotations = listed.map((a, i) => ({ ...a, id: fixedId(i), created: fixedTime(i), modified: fixedTime(i) }));
    const corpus = backend.current()!;
    const checker = crossCheckCorpus(corpus);
    const settings = await backend.getSettings({});
    const reportFor = (f: ReportFilter) => corpusReport({ corpus, checker, annotations, settings, filter: f, now: FIXED_NOW, version: FIXTURE_VERSION });
    return {
      backend,
      folder,
      userData,
      annotations,
      report: reportFor(filter),
      reportFor,
      async dispose() {
        await backend.close();
        rmSync(userData, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await backend.close();
    rmSync(userData, { recursive: true, force: true });
    throw err;
  }
}

function editFile(path: string, edit: (text: string) => string): void {
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`fixture: edit of ${path} changed nothing`);
  writeFileSync(path, after);
  // A later (fixed) time: the corpus notices edits by size and mtime, and 720 → 750 keeps the size.
  const edited = new Date(FIXED_MTIME.getTime() + 86_400_000);
  utimesSync(path, edited, edited);
}
