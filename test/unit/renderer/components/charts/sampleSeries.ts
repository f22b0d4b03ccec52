/**
 * The sample corpus's prison-population series, built from the real article texts by the
 * real claim engine (offsets, values and intervals as it reports them): 21,900 (end of 2016),
 * over 38,990 (March 2020), some 39,000 (June 2021) and 40,000 (no date).
 * Titles are the ones `reckon index resources/sample-corpus` shows.
 */
import { extractClaims } from '../../../../../shared/claims';
import type { EffectiveTime, Series, SeriesPoint } from '../../../../../shared/domain/crosscheck';
import text000 from '../../../../../resources/sample-corpus/000_083e109e7a8c2a9d.txt?raw';
import text003 from '../../../../../resources/sample-corpus/003_78519aec2665b739.txt?raw';
import text004 from '../../../../../resources/sample-corpus/004_deb5ea4405a2ed8d.txt?raw';

export const TITLES = {
  '000': 'Minister of Interior Sar Kheng led a meeting with other ministries on Friday to tackle the issue of overcrowded prisons',
  '003': 'CAMBODIAN AUTHORITIES MUST KEEP THEIR PROMISE TO RELEASE 10,000 PRISONERS',
  '004': 'Justice Ministry Denies “Pressure” Led to Release of 27 Activists',
};

function point(articleId: string, text: string, figure: string, articleTitle: string, label: string, documentDate?: string): SeriesPoint {
  const claim = extractClaims(text, { documentDate }).find((c) => c.text.includes(figure));
  if (!claim) throw new Error(`The claim engine no longer finds ${figure} in ${articleId}`);
  const dated = Boolean(claim.time?.from);
  const time: EffectiveTime = dated
    ? { from: claim.time!.from, to: claim.time!.to, label, basis: 'stated' }
    : { label, basis: 'unknown' };
  return {
    ref: { articleId, start: claim.start, end: claim.end },
    value: claim.value,
    low: claim.low,
    high: claim.high,
    text: claim.text,
    time,
    articleTitle,
  };
}

export function samplePrisonSeries(): Series {
  return {
    id: 'prison-population',
    label: 'prison population',
    unit: 'count',
    points: [
      point('003_78519aec2665b739.txt', text003, '21,900', TITLES['003'], 'end of 2016', '2020-07-23'),
      point('003_78519aec2665b739.txt', text003, '38,990', TITLES['003'], 'March 2020', '2020-07-23'),
      point('004_deb5ea4405a2ed8d.txt', text004, '39,000', TITLES['004'], 'June 2021'),
      point('000_083e109e7a8c2a9d.txt', text000, '40,000', TITLES['000'], 'no date'),
    ],
  };
}

/** n generated points over several years, a few undated, some open-ended: for crowding. */
export function crowdedSeries(n: number): Series {
  return {
    id: 'crowded',
    label: 'drug cases',
    unit: 'count',
    points: Array.from({ length: n }, (_, i): SeriesPoint => {
      const value = 5000 + ((i * 7919) % 4000);
      const undated = i % 10 === 9;
      const month = (i % 12) + 1;
      const year = 2015 + Math.floor(i / 8);
      const mm = String(month).padStart(2, '0');
      return {
        ref: { articleId: `article-${i % 7}.txt`, start: i * 20, end: i * 20 + 5 },
        value,
        low: i % 5 === 0 ? value : value - 50,
        high: i % 5 === 0 ? null : value + 50,
        text: i % 5 === 0 ? `more than ${value.toLocaleString('en-GB')}` : value.toLocaleString('en-GB'),
        time: undated
          ? { label: 'no date', basis: 'unknown' }
          : { from: `${year}-${mm}-01`, to: `${year}-${mm}-28`, label: `${mm}/${year}`, basis: i % 3 === 0 ? 'publication' : 'stated' },
        articleTitle: `Source article number ${i % 7} on drug crime in the provinces`,
      };
    }),
  };
}
