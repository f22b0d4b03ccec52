import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../../shared/claims';
import { checkArithmetic } from '../../../../../shared/crosscheck/arithmetic';
import { ArithmeticCheck } from '../../../../../shared/domain/crosscheck';

/**
 * The arithmetic case tables (test/cases/arithmetic/*.json, one per check kind plus negatives):
 * hand-written news sentences with every check they must yield. A case passes when each expected
 * check is produced (kind, subject, inputs, verdict, computed value) and no other check is.
 */
interface Expected { kind: string; subject: string; inputs: string[]; verdict: string; computed?: number }
interface Case { name: string; text: string; expect: Expected[] }
interface Table { kind: string; cases: Case[] }

const dir = fileURLToPath(new URL('../../../../cases/arithmetic/', import.meta.url));
const tables: Table[] = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Table);

const close = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(0.01, Math.abs(b) * 1e-4);
const sorted = (xs: string[]): string[] => [...xs].sort();

/** What a check says, in the case table's terms. */
function described(text: string, c: ArithmeticCheck): Expected {
  return {
    kind: c.kind,
    subject: text.slice(c.subject.start, c.subject.end),
    inputs: c.inputs.map((r) => text.slice(r.start, r.end)),
    verdict: c.verdict,
    computed: c.computed,
  };
}

function matches(got: Expected, want: Expected): boolean {
  return got.kind === want.kind && got.subject === want.subject && got.verdict === want.verdict
    && JSON.stringify(sorted(got.inputs)) === JSON.stringify(sorted(want.inputs))
    && (want.computed === undefined || close(got.computed!, want.computed));
}

/** Problems with a case's output, or none. */
export function problems(kase: Case): string[] {
  const checks = checkArithmetic({ articleId: 'case', text: kase.text, claims: extractClaims(kase.text) });
  const got = checks.map((c) => described(kase.text, c));
  const out: string[] = [];
  const used = new Set<number>();
  for (const want of kase.expect) {
    const i = got.findIndex((g, j) => !used.has(j) && matches(g, want));
    if (i >= 0) { used.add(i); continue; }
    out.push(`missing ${JSON.stringify(want)}`);
  }
  got.forEach((g, j) => { if (!used.has(j)) out.push(`unexpected ${JSON.stringify(g)}`); });
  for (const c of checks) {
    const parsed = ArithmeticCheck.safeParse(c);
    if (!parsed.success) out.push(`invalid check ${c.id}: ${parsed.error.message}`);
  }
  return out;
}

const passed = new Map<string, { pass: number; total: number }>();

describe('arithmetic case tables', () => {
  it('has at least 60 cases, with consistent and inconsistent examples of every kind, and negatives', () => {
    const all = tables.flatMap((t) => t.cases);
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(all.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(10);
    const verdicts = new Map<string, Set<string>>();
    for (const e of all.flatMap((c) => c.expect)) {
      const set = verdicts.get(e.kind) ?? new Set<string>();
      set.add(e.verdict);
      verdicts.set(e.kind, set);
    }
    for (const kind of ['percent-change', 'absolute-change', 'share', 'ratio', 'parts-total']) {
      expect([...(verdicts.get(kind) ?? [])].sort(), kind).toEqual(expect.arrayContaining(['consistent', 'inconsistent']));
    }
    expect(verdicts.get('implied')).toEqual(new Set(['derived']));
  });

  for (const table of tables) {
    describe(table.kind, () => {
      for (const kase of table.cases) {
        it(kase.name, () => {
          const found = problems(kase);
          const tally = passed.get(table.kind) ?? { pass: 0, total: 0 };
          tally.total++;
          if (found.length === 0) tally.pass++;
          passed.set(table.kind, tally);
          expect(found, kase.text).toEqual([]);
        });
      }
    });
  }

  afterAll(() => {
    const lines = [...passed].map(([kind, t]) => `  ${kind.padEnd(16)} ${t.pass}/${t.total}`);
    console.log(`arithmetic cases passed per kind:\n${lines.join('\n')}`);
  });
});
