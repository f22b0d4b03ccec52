import { describe, expect, it } from 'vitest';
import { buildIndex, loadIndex, normaliseTerm, searchIndex } from '../../../../main/corpus/search-index';

const docs = [
  { id: 'a.txt', title: 'Prisons over capacity', text: 'Cambodia’s prisons have an estimated capacity of just 26,593. They hold 38,990.' },
  { id: 'b.txt', title: 'Drug seizures', text: 'Police seized 3,554.13kg of drugs—and “capacities” were stretched. The café closed.' },
  { id: 'c.txt', title: 'Unrelated', text: 'Nothing about that here; COVID-19 and KT/Chor Sokunthea.' },
];

async function setup() {
  const index = await buildIndex(docs);
  const lookup = (id: string) => docs.find((d) => d.id === id);
  return { index, search: (q: string, limit = 50) => searchIndex(index, q, limit, lookup) };
}

const texts = (doc: (typeof docs)[number], spans: Array<{ start: number; end: number }>) => spans.map((s) => doc.text.slice(s.start, s.end));

describe('normaliseTerm', () => {
  it.each([
    ['“capacity”', ['capacity']],
    ['cambodia’s', ['cambodia']],
    ['café', ['cafe']],
    ['26,593.', ['26593']],
    ['3,554.13kg', ['3554.13kg', '3554.13']],
    ['75%', ['75%', '75']],
    ['...', []],
  ])('%s → %j', (term, expected) => {
    expect(normaliseTerm(term)).toEqual(expected);
  });
});

describe('searchIndex', () => {
  it('finds words with stemming, with offsets of every occurrence in the text', async () => {
    const { search } = await setup();
    const result = search('capacity');
    expect(result.error).toBeUndefined();
    expect(result.hits.map((h) => h.id)).toEqual(['a.txt', 'b.txt']);
    const [a, b] = result.hits;
    expect(a!.titleMatch).toBe(true);
    expect(texts(docs[0]!, a!.matches)).toEqual(['capacity']);
    expect(b!.titleMatch).toBe(false);
    expect(texts(docs[1]!, b!.matches)).toEqual(['capacities']);
    expect(a!.snippets[0]!.text.slice(a!.snippets[0]!.highlights[0]!.start, a!.snippets[0]!.highlights[0]!.end)).toBe('capacity');
  });

  it('ranks a title match first (title boost)', async () => {
    const { search } = await setup();
    expect(search('drugs').hits.map((h) => h.id)).toEqual(['b.txt']);
    expect(search('capacity').hits[0]!.id).toBe('a.txt');
  });

  it('finds numbers with and without thousands separators, and numbers glued to units', async () => {
    const { search } = await setup();
    for (const q of ['26,593', '26593']) {
      const hits = search(q).hits;
      expect(hits.map((h) => h.id)).toEqual(['a.txt']);
      expect(texts(docs[0]!, hits[0]!.matches)).toEqual(['26,593']);
    }
    expect(search('3554.13').hits.map((h) => h.id)).toEqual(['b.txt']);
    expect(search('3,554.13kg').hits.map((h) => h.id)).toEqual(['b.txt']);
  });

  it('matches possessives, diacritics and words split at dashes and slashes', async () => {
    const { search } = await setup();
    expect(texts(docs[0]!, search('Cambodia').hits[0]!.matches)).toEqual(['Cambodia']);
    expect(search('cafe').hits.map((h) => h.id)).toEqual(['b.txt']);
    expect(search('chor').hits.map((h) => h.id)).toEqual(['c.txt']);
    expect(search('covid').hits.map((h) => h.id)).toEqual(['c.txt']);
  });

  it('reports a query lunr cannot parse instead of throwing', async () => {
    const { search } = await setup();
    for (const q of ['foo:', 'capacity^x', 'title:']) {
      const result = search(q);
      expect(result.hits).toEqual([]);
      expect(result.error).toMatch(/Cannot read the query/);
    }
  });

  it('returns nothing for an empty query or stop words, and honours the limit', async () => {
    const { search } = await setup();
    expect(search('   ')).toEqual({ hits: [] });
    expect(search('the').hits).toEqual([]);
    expect(search('capacity', 1).hits).toHaveLength(1);
  });

  it('survives serialisation (the cached index searches the same)', async () => {
    const { index, search } = await setup();
    const reloaded = loadIndex(JSON.parse(JSON.stringify(index.toJSON())));
    const lookup = (id: string) => docs.find((d) => d.id === id);
    expect(searchIndex(reloaded, '26,593 capacity', 50, lookup)).toEqual(search('26,593 capacity'));
  });

  it('reports progress while building', async () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ id: `${i}.txt`, title: `t${i}`, text: `body ${i}` }));
    const seen: Array<[number, number]> = [];
    await buildIndex(many, (done, total) => seen.push([done, total]));
    expect(seen).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
  });
});
