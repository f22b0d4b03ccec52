/**
 * Claim extraction throughput, in-process on one core, against the floor of a plain digit
 * regex scan (/\d+/g) over the same text in the same run.
 *
 * Text: the deterministic news generator (test/bench/news-generator.ts), at least 20 MB.
 */
import { extractClaims } from '../../shared/claims';
import { generateCorpus } from './news-generator';
import type { BenchSection } from './types';

const TARGET_MB_PER_S = 20;

const TARGET_BYTES = 20 * 1024 * 1024;

function buildTexts(): { texts: string[]; chars: number; bytes: number } {
  const texts: string[] = [];
  let chars = 0;
  let bytes = 0;
  const enc = new TextEncoder();
  for (let batch = 0; bytes < TARGET_BYTES; batch++) {
    for (const a of generateCorpus(500, 1 + batch)) {
      texts.push(a.text);
      chars += a.text.length;
      bytes += enc.encode(a.text).length;
    }
  }
  return { texts, chars, bytes };
}

/**
 * CPU time of this process (user + system), not wall time: the work runs on one core either
 * way, and on a shared machine wall time mostly measures the neighbours.
 */
function timeIt(fn: () => number): { ms: number; wallMs: number; result: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, wallMs, result };
}

export async function runClaimsBench(): Promise<BenchSection> {
  const { texts, bytes } = buildTexts();
  const mb = bytes / (1024 * 1024);
  const regexScan = (): number => {
    let n = 0;
    const re = /\d+/g;
    for (const t of texts) {
      re.lastIndex = 0;
      while (re.exec(t) !== null) n++;
    }
    return n;
  };
  const extract = (): number => {
    let n = 0;
    for (const t of texts) n += extractClaims(t, { documentDate: '2021-11-20' }).length;
    return n;
  };
  // warm up both on a slice, then take the best of three runs each
  for (let i = 0; i < 2; i++) {
    for (const t of texts.slice(0, 300)) extractClaims(t);
    regexScan();
  }
  let best = { ms: Infinity, wallMs: Infinity, result: 0 };
  let bestRegex = { ms: Infinity, wallMs: Infinity, result: 0 };
  for (let i = 0; i < 3; i++) {
    const r = timeIt(regexScan);
    if (r.ms < bestRegex.ms) bestRegex = r;
    const e = timeIt(extract);
    if (e.ms < best.ms) best = e;
  }
  const claimsMBs = mb / (best.ms / 1000);
  const regexMBs = mb / (bestRegex.ms / 1000);
  return {
    title: 'Numeric claim extraction (one core, in-process)',
    rows: [
      { name: 'corpus size', value: Math.round(mb * 10) / 10, unit: 'MB', note: `${texts.length} generated articles` },
      { name: 'extractClaims throughput', value: Math.round(claimsMBs * 10) / 10, unit: 'MB/s', target: `≥ ${TARGET_MB_PER_S} MB/s`, pass: claimsMBs >= TARGET_MB_PER_S, note: `${best.result} claims in ${Math.round(best.ms)} ms CPU (${Math.round(best.wallMs)} ms wall)` },
      { name: 'digit regex /\\d+/g throughput', value: Math.round(regexMBs * 10) / 10, unit: 'MB/s', note: `${bestRegex.result} matches in ${Math.round(bestRegex.ms)} ms CPU` },
      { name: 'regex floor / extractClaims', value: Math.round((regexMBs / claimsMBs) * 10) / 10, unit: '×', note: 'how many times slower than a bare digit scan' },
    ],
  };
}
