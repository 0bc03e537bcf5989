/** Quantiles and rounding for the bench's figures. */
export function quantile(values: number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}
export const median = (v: number[]): number => quantile(v, 0.5);
export const p95 = (v: number[]): number => quantile(v, 0.95);
export const round = (n: number, d = 2): number =>
  Number.isFinite(n) ? Math.round(n * 10 ** d) / 10 ** d : n;
