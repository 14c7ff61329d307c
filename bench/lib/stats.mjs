// Order statistics for the bench: medians and nearest-rank percentiles (never means).

/** The p-th percentile (0-100) by nearest rank; p50 is the median (mean of the middle two when even). */
export function percentile(values, p) {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  if (p === 50) {
    const mid = xs.length >> 1;
    return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  }
  return xs[Math.min(xs.length, Math.max(1, Math.ceil((p / 100) * xs.length))) - 1];
}

export const median = (values) => percentile(values, 50);

/** p50 and p95 of a series, with its size. */
export function summary(values) {
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95) };
}

/** Least-squares slope of y over x (growth per unit of x). */
export function slope(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}
