/**
 * Held-out evaluation of the claim engine on cases written without reading the engine or its
 * own case tables (test/cases/holdout/holdout.json). Prints precision and recall per category
 * and every miss with what the engine reported, and holds the engine to a floor.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../shared/claims';
import type { Claim } from '../../../../shared/domain/claim';

interface ExpectedClaim {
  text: string;
  value: number;
  unit: string;
  qualifier: string;
  optional?: boolean;
}
interface HoldoutCase {
  id: string;
  category: string;
  text: string;
  claims: ExpectedClaim[];
}

const tablePath = fileURLToPath(new URL('../../../cases/holdout/holdout.json', import.meta.url));
const cases: HoldoutCase[] = (JSON.parse(readFileSync(tablePath, 'utf8')) as { cases: HoldoutCase[] }).cases;

const PRECISION_FLOOR = 0.85;
const RECALL_FLOOR = 0.85;

interface Tally { tp: number; fp: number; fn: number }

function sameValue(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}

function agrees(c: Claim, e: ExpectedClaim): boolean {
  return sameValue(c.value, e.value) && c.unit === e.unit && c.qualifier === e.qualifier;
}

function show(c: Claim): string {
  return `"${c.text}" ${c.value} ${c.unit} ${c.qualifier}`;
}

interface CaseResult { tally: Tally; misses: string[] }

/** One-to-one matching: each expected claim takes the first unused reported claim that overlaps and agrees. */
function score(kase: HoldoutCase): CaseResult {
  const reported = extractClaims(kase.text);
  const used = new Set<number>();
  const tally: Tally = { tp: 0, fp: 0, fn: 0 };
  const misses: string[] = [];
  const located = kase.claims.map((e) => {
    const start = kase.text.indexOf(e.text);
    return { e, start, end: start + e.text.length };
  });
  // Scored claims first, so that an optional neighbour never takes their match.
  const order = [...located].sort((a, b) => Number(a.e.optional ?? false) - Number(b.e.optional ?? false));
  for (const { e, start, end } of order) {
    const i = reported.findIndex((c, k) => !used.has(k) && overlaps(c.start, c.end, start, end) && agrees(c, e));
    if (i >= 0) {
      used.add(i);
      if (!e.optional) tally.tp++;
    } else if (!e.optional) {
      tally.fn++;
      const near = reported.filter((c) => overlaps(c.start, c.end, start, end)).map(show);
      misses.push(`FN ${kase.id} [${kase.category}] "${e.text}" want ${e.value} ${e.unit} ${e.qualifier}; got ${near.length ? near.join(' | ') : 'nothing'}  — ${JSON.stringify(kase.text)}`);
    }
  }
  reported.forEach((c, k) => {
    if (used.has(k)) return;
    // Anything overlapping an optional claim is not scored either way.
    if (located.some(({ e, start, end }) => e.optional && overlaps(c.start, c.end, start, end))) return;
    tally.fp++;
    misses.push(`FP ${kase.id} [${kase.category}] ${show(c)}  — ${JSON.stringify(kase.text)}`);
  });
  return { tally, misses };
}

const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);

describe('claim engine on held-out cases', () => {
  it('the table is well formed: enough cases, enough negatives, every surface found once', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((c) => c.claims.length === 0).length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const kase of cases) {
      for (const e of kase.claims) {
        const first = kase.text.indexOf(e.text);
        expect(first, `${kase.id}: "${e.text}" not in text`).toBeGreaterThanOrEqual(0);
        expect(kase.text.indexOf(e.text, first + 1), `${kase.id}: "${e.text}" occurs twice`).toBe(-1);
      }
    }
  });

  it(`reaches precision ≥ ${PRECISION_FLOOR} and recall ≥ ${RECALL_FLOOR}`, () => {
    const byCategory = new Map<string, Tally & { cases: number }>();
    const overall: Tally = { tp: 0, fp: 0, fn: 0 };
    const misses: string[] = [];
    for (const kase of cases) {
      const { tally, misses: m } = score(kase);
      const row = byCategory.get(kase.category) ?? { tp: 0, fp: 0, fn: 0, cases: 0 };
      row.tp += tally.tp; row.fp += tally.fp; row.fn += tally.fn; row.cases++;
      byCategory.set(kase.category, row);
      overall.tp += tally.tp; overall.fp += tally.fp; overall.fn += tally.fn;
      misses.push(...m);
    }
    const line = (name: string, n: number, t: Tally): string =>
      `${name.padEnd(28)} ${String(n).padStart(5)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}` +
      `   ${ratio(t.tp, t.tp + t.fp).toFixed(3)}    ${ratio(t.tp, t.tp + t.fn).toFixed(3)}`;
    const rows = [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, t]) => line(name, t.cases, t));
    const precision = ratio(overall.tp, overall.tp + overall.fp);
    const recall = ratio(overall.tp, overall.tp + overall.fn);
    console.log([
      `held-out claim engine evaluation (${cases.length} cases)`,
      `${'category'.padEnd(28)} cases   TP   FP   FN   precision recall`,
      ...rows,
      line('OVERALL', cases.length, overall),
      '',
      `misses (${misses.length}):`,
      ...misses,
    ].join('\n'));
    expect(precision).toBeGreaterThanOrEqual(PRECISION_FLOOR);
    expect(recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });
});
