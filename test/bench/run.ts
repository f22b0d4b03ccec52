/**
 * `npm run bench`: every benchmark, printed as a table. Each target is judged on a
 * ratio or a figure measured in this run; the exit code is 1 if a target is missed.
 */
import { runClaimsBench } from './claims-bench';
import { runCrosscheckBench } from './crosscheck-bench';
import { runWorkbenchBench } from './workbench-bench';
import { runCorpusBench } from './corpus-bench';
import type { BenchSection } from './types';

// `npm run bench -- claims` runs only the sections named.
const all: Record<string, () => Promise<BenchSection>> = { corpus: runCorpusBench, claims: runClaimsBench, crosscheck: runCrosscheckBench, workbench: runWorkbenchBench };
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in all));
if (unknown.length) {
  console.error(`unknown bench section(s): ${unknown.join(', ')}; choose from ${Object.keys(all).join(', ')}`);
  process.exit(2);
}
const sections = (wanted.length ? wanted : Object.keys(all)).map((name) => all[name]!);

function format(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

let missed = 0;
for (const run of sections) {
  const section = await run();
  console.log(`\n${section.title}`);
  const width = Math.max(...section.rows.map((r) => r.name.length));
  for (const row of section.rows) {
    const verdict = row.pass === undefined ? '' : row.pass ? `  ✓ target ${row.target}` : `  ✗ target ${row.target}`;
    if (row.pass === false) missed++;
    console.log(`  ${row.name.padEnd(width)}  ${format(row.value, row.unit).padStart(12)}${verdict}${row.note ? `  (${row.note})` : ''}`);
  }
}
console.log(missed ? `\n${missed} target(s) missed` : '\nall targets met');
process.exitCode = missed ? 1 : 0;
