import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../../../shared/domain/report';
import { importSummary } from '../../../../../renderer/src/components/export/importSummary';
import { reportFilter, verdictFilterIds } from '../../../../../renderer/src/components/export/ReportFilterFields';

const result = (fields: Partial<ImportResult>): ImportResult => ({ dialect: 'reckon', imported: 0, anchored: 0, moved: 0, changed: 0, orphaned: 0, skipped: [], ...fields });

describe('importSummary', () => {
  it('counts each outcome, skipping those that did not happen', () => {
    expect(importSummary(result({ dialect: 'hypothesis', imported: 12, anchored: 10, moved: 1, orphaned: 1 }))).toBe('Hypothesis export: 12 imported: 10 anchored, 1 moved, 1 orphan.');
    expect(importSummary(result({ imported: 3, anchored: 1, changed: 2 }))).toBe('Reckon export: 3 imported: 1 anchored, 2 changed.');
    expect(importSummary(result({ imported: 2, orphaned: 2 }))).toBe('Reckon export: 2 imported: 2 orphans.');
  });

  it('counts the skipped items (their reasons are listed apart)', () => {
    const skipped = [0, 4].map((index) => ({ index, reason: `annotation ${index + 1} of 5: no quote` }));
    expect(importSummary(result({ dialect: 'w3c', skipped }))).toBe('Web Annotation file: nothing imported; 2 skipped.');
    expect(importSummary(result({ imported: 1, anchored: 1, skipped: skipped.slice(1) }))).toBe('Reckon export: 1 imported: 1 anchored; 1 skipped.');
  });
});

describe('reportFilter', () => {
  const articles = ['a.txt', 'b.txt'];
  const verdicts = verdictFilterIds(['accurate', 'inaccurate']);

  it('leaves a list out when nothing in it is left out (absent means all)', () => {
    expect(reportFilter(articles, new Set(), verdicts, new Set())).toEqual({});
    // An id no longer in the folder does not make a filter.
    expect(reportFilter(articles, new Set(['gone.txt']), verdicts, new Set())).toEqual({});
  });

  it('lists what stays, in order, with "none" for annotations without a verdict', () => {
    expect(verdicts).toEqual(['accurate', 'inaccurate', 'none']);
    expect(reportFilter(articles, new Set(['a.txt']), verdicts, new Set(['inaccurate']))).toEqual({ articleIds: ['b.txt'], verdicts: ['accurate', 'none'] });
    expect(reportFilter(articles, new Set(articles), verdicts, new Set())).toEqual({ articleIds: [] });
  });
});
