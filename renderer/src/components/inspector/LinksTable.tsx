import type { ClaimRef, Link } from '../../../../shared/domain/crosscheck';
import { intervalInWords, relationLabel, shorten } from '../../../../shared/claims/describe';
import { formatDate } from '../../format';

/**
 * The same quantity in other sources: source, date, figure and how it relates to the
 * selected claim. A row opens that article at that figure.
 */
export function LinksTable({ links, currentArticleId, onOpen }: { links: Link[]; currentArticleId: string; onOpen(ref: ClaimRef): void }) {
  return (
    <table className="links-table" data-testid="links-table">
      <caption className="visually-hidden">Claims in other sources that measure the same quantity, best match first</caption>
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Date</th>
          <th scope="col">Figure</th>
          <th scope="col">Relation</th>
        </tr>
      </thead>
      <tbody>
        {links.map((link) => {
          const { to, relation } = link;
          const sameArticle = to.ref.articleId === currentArticleId;
          return (
            <tr key={`${to.ref.articleId}#${to.ref.start}`} data-testid="link-row" onClick={() => onOpen(to.ref)} title={relation.sentence}>
              <td className="links-source">
                <button
                  type="button"
                  className="link-button"
                  title={`${to.articleTitle} — open at this figure`}
                  onClick={(event) => {
                    // The row's own click does the same; open once.
                    event.stopPropagation();
                    onOpen(to.ref);
                  }}
                >
                  {sameArticle ? 'This article' : shorten(to.articleTitle, 40)}
                </button>
              </td>
              <td className="links-date" title={`Article date: ${formatDate(to.articleDate)}`}>
                {to.time.label}
              </td>
              <td className="links-figure" title={intervalInWords(to.claim)}>
                {to.claim.text}
              </td>
              <td>
                <span className={`relation relation-${relation.kind}`} data-testid="relation-badge">
                  {relationLabel(relation)}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
