/**
 * The cross-checker for an open corpus: every article's claims (extracted with the article's
 * date when the text states it), fed to shared/crosscheck. Built on first use and rebuilt
 * after the folder changes; claims are cheap (30+ MB/s), links are computed on demand.
 */
import type { Article } from '../../shared/domain/article';
import type { Claim } from '../../shared/domain/claim';
import { extractClaims } from '../../shared/claims';
import { createCrossChecker, type CrossCheckArticle, type CrossChecker } from '../../shared/crosscheck';
import { usableArticleDate } from '../../shared/crosscheck/time';
import type { Corpus } from '../corpus/types';

/** Claims of one article; "last year" is resolved only against a date the text states. */
export function claimsOf(article: Pick<Article, 'text' | 'date'>): Claim[] {
  return extractClaims(article.text, usableArticleDate(article.date) ? { documentDate: article.date.iso } : {});
}

export function crossCheckArticles(corpus: Corpus): CrossCheckArticle[] {
  return corpus.info().articles.map((summary) => {
    const article = corpus.getArticle(summary.id);
    return { summary, text: article.text, claims: claimsOf(article) };
  });
}

export function crossCheckCorpus(corpus: Corpus): CrossChecker {
  return createCrossChecker(crossCheckArticles(corpus));
}
