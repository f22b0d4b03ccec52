import type { CrossChecker } from '../../shared/crosscheck';
import type { AnchoredAnnotation } from '../../shared/domain/annotation';
import type { Report, ReportFilter } from '../../shared/domain/report';
import type { UserSettings } from '../../shared/domain/settings';
import { buildReport } from '../../shared/report/build';
import { ApiError } from '../../shared/api';
import type { Corpus } from '../corpus/types';

export interface CorpusReportInput {
  corpus: Corpus;
  checker: CrossChecker;
  /** Anchored in the current texts (the back end's listAnnotations). */
  annotations: readonly AnchoredAnnotation[];
  settings: UserSettings;
  filter: ReportFilter;
  now: Date;
  version: string;
}

/** The report of an open corpus, for the app's Export dialog and `reckon report`. */
export function corpusReport({ corpus, checker, annotations, settings, filter, now, version }: CorpusReportInput): Report {
  const info = corpus.info();
  try {
    return buildReport({
      corpusName: info.name,
      articles: info.articles,
      getArticle: (id) => corpus.getArticle(id),
      annotations,
      checker,
      settings,
      filter,
      generated: now,
      generator: `Reckon ${version}`,
    });
  } catch (err) {
    // An article id the filter names but the corpus doesn't have.
    if (err instanceof RangeError) throw new ApiError('invalid-args', err.message);
    throw err;
  }
}
