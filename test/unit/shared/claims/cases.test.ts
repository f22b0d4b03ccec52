import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../shared/claims';
import type { Claim } from '../../../../shared/domain/claim';

/**
 * The case tables (test/cases/*.json): hand-written sentences with every claim they must
 * yield, and surfaces that must not be reported. Scores each table with precision and recall
 * and prints them; a claim that is not expected, or that overlaps an `absent` surface, is a
 * false positive; an expected claim not found with the right reading is a false negative.
 */
interface Expected {
  text: string; value: number; unit: string; qualifier: string; kind?: string; key?: string;
  time?: { from: string; to: string }; low?: number; high?: number;
}
interface Case { input: string; expect: Expected[]; absent?: string[] }
interface Table { category: string; documentDate?: string; cases: Case[] }

const casesDir = fileURLToPath(new URL('../../../cases/', import.meta.url));
const tables: Table[] = readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(join(casesDir, f), 'utf8')) as Table);

const close = (a: number | null, b: number): boolean => a !== null && Math.abs(a - b) <= Math.max(1e-6, Math.abs(b) * 1e-4);

/** Why a claim does not read as expected, or null when it does. */
export function mismatch(c: Claim, e: Expected): string | null {
  const problems: string[] = [];
  if (!close(c.value, e.value)) problems.push(`value ${c.value}≠${e.value}`);
  if (c.unit !== e.unit) problems.push(`unit ${c.unit}≠${e.unit}`);
  if (c.qualifier !== e.qualifier) problems.push(`qualifier ${c.qualifier}≠${e.qualifier}`);
  if (e.kind && c.kind !== e.kind) problems.push(`kind ${c.kind}≠${e.kind}`);
  if (e.key && c.quantity?.key !== e.key && c.quantity?.head !== e.key) problems.push(`key ${c.quantity?.key}≠${e.key}`);
  if (e.time && (c.time?.from !== e.time.from || c.time?.to !== e.time.to)) problems.push(`time ${c.time?.from}..${c.time?.to}≠${e.time.from}..${e.time.to}`);
  if (e.low !== undefined && !close(c.low, e.low)) problems.push(`low ${c.low}≠${e.low}`);
  if (e.high !== undefined && !close(c.high, e.high)) problems.push(`high ${c.high}≠${e.high}`);
  return problems.length ? problems.join(', ') : null;
}

function score(table: Table): { tp: number; fp: number; fn: number; failures: string[]; cases: number; negatives: number } {
  let tp = 0; let fp = 0; let fn = 0;
  const failures: string[] = [];
  for (const kase of table.cases) {
    const claims = extractClaims(kase.input, { documentDate: table.documentDate });
    const used = new Set<Claim>();
    for (const e of kase.expect) {
      const s = kase.input.indexOf(e.text);
      const t = s + e.text.length;
      const overlapping = claims.filter((c) => !used.has(c) && c.start < t && s < c.end);
      const good = overlapping.find((c) => mismatch(c, e) === null);
      if (good) { tp++; used.add(good); continue; }
      fn++;
      failures.push(`missed ${JSON.stringify(e.text)} in ${JSON.stringify(kase.input)}: ${overlapping.length ? overlapping.map((c) => `${JSON.stringify(c.text)} ${mismatch(c, e)}`).join('; ') : 'no claim there'}`);
    }
    for (const c of claims) {
      if (used.has(c)) continue;
      fp++;
      const absent = (kase.absent ?? []).find((a) => { const s = kase.input.indexOf(a); return c.start < s + a.length && s < c.end; });
      failures.push(`${absent ? `reported ${JSON.stringify(absent)} (must not be)` : 'unexpected'} ${JSON.stringify(c.text)}=${c.value} ${c.unit} ${c.qualifier} in ${JSON.stringify(kase.input)}`);
    }
  }
  return { tp, fp, fn, failures, cases: table.cases.length, negatives: table.cases.filter((c) => c.absent?.length).length };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

describe('case tables', () => {
  const results = tables.map((t) => ({ table: t, ...score(t) }));
  const total = results.reduce((a, r) => ({ tp: a.tp + r.tp, fp: a.fp + r.fp, fn: a.fn + r.fn, cases: a.cases + r.cases, negatives: a.negatives + r.negatives }), { tp: 0, fp: 0, fn: 0, cases: 0, negatives: 0 });
  const precision = total.tp + total.fp === 0 ? 1 : total.tp / (total.tp + total.fp);
  const recall = total.tp / Math.max(1, total.tp + total.fn);

  it('prints precision and recall per category', () => {
    const lines = results.map((r) => {
      const p = r.tp + r.fp === 0 ? 1 : r.tp / (r.tp + r.fp);
      const rc = r.tp + r.fn === 0 ? 1 : r.tp / (r.tp + r.fn);
      return `${r.table.category.padEnd(24)} cases ${String(r.cases).padStart(3)}  tp ${String(r.tp).padStart(3)}  fp ${String(r.fp).padStart(2)}  fn ${String(r.fn).padStart(2)}  precision ${pct(p).padStart(6)}  recall ${pct(rc).padStart(6)}`;
    });
    lines.push(`${'ALL'.padEnd(24)} cases ${total.cases} (negative ${total.negatives})  tp ${total.tp}  fp ${total.fp}  fn ${total.fn}  precision ${pct(precision)}  recall ${pct(recall)}`);
    console.log(`\nClaim case tables\n${lines.join('\n')}`);
    const failures = results.flatMap((r) => r.failures.map((f) => `[${r.table.category}] ${f}`));
    if (failures.length) console.log(`\nFailures:\n${failures.join('\n')}`);
    expect(total.cases).toBeGreaterThanOrEqual(400);
    expect(total.negatives).toBeGreaterThanOrEqual(100);
  });

  it('meets the overall bar: precision and recall at least 97%', () => {
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.97);
  });

  for (const r of results) {
    it(`${r.table.category}: precision and recall at least 90%`, () => {
      const p = r.tp + r.fp === 0 ? 1 : r.tp / (r.tp + r.fp);
      const rc = r.tp + r.fn === 0 ? 1 : r.tp / (r.tp + r.fn);
      expect({ precision: p >= 0.9, recall: rc >= 0.9, failures: r.failures }).toMatchObject({ precision: true, recall: true });
    });
  }
});
