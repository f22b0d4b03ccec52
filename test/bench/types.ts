/** One section of `npm run bench`: rows of measured figures, ratios against a baseline measured in the same run. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The target and whether it was met, e.g. "≥ 10×". */
  target?: string;
  pass?: boolean;
  note?: string;
}
export interface BenchSection {
  title: string;
  rows: BenchRow[];
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
