/** One question's candidates for fitting: a feature vector and a label (holds a gold answer) each. */
export interface RankingSample {
  features: number[][];
  labels: boolean[];
}

export interface FitRankerOptions {
  /** L2 penalty on the standardised weights. */
  lambda: number;
  iterations?: number;
  learningRate?: number;
}

/** Per-feature mean and standard deviation over every candidate row (a constant feature gets sd 1). */
function standardise(samples: readonly RankingSample[], dims: number): { mean: number[]; sd: number[] } {
  const mean = new Array<number>(dims).fill(0);
  const sq = new Array<number>(dims).fill(0);
  let n = 0;
  for (const s of samples)
    for (const row of s.features) {
      n += 1;
      for (let d = 0; d < dims; d += 1) {
        const v = row[d] ?? 0;
        mean[d] = (mean[d] ?? 0) + v;
        sq[d] = (sq[d] ?? 0) + v * v;
      }
    }
  const sd = mean.map((sum, d) => {
    const m = sum / Math.max(n, 1);
    const variance = (sq[d] ?? 0) / Math.max(n, 1) - m * m;
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  return { mean: mean.map((sum) => sum / Math.max(n, 1)), sd };
}

/**
 * Fits linear weights for ranking each question's candidates, listwise: maximises the softmax
 * probability mass of the positive candidates (those holding a gold answer) with an L2 penalty,
 * by full-batch gradient descent (Adam) on standardised features; returns weights for the raw
 * features (per-feature offsets cancel within a question, so there is no bias). Samples without
 * a positive or without a negative carry no ranking signal and are skipped. Throws RangeError
 * when no sample is usable.
 */
export function fitRanker(samples: readonly RankingSample[], options: FitRankerOptions): number[] {
  const usable = samples.filter((s) => s.labels.some((l) => l) && s.labels.some((l) => !l));
  const dims = usable[0]?.features[0]?.length ?? 0;
  if (usable.length === 0 || dims === 0) throw new RangeError('no question has both a gold and a non-gold candidate');
  const { mean, sd } = standardise(usable, dims);
  const data = usable.map((s) => ({
    rows: s.features.map((row) => row.map((v, d) => (v - (mean[d] ?? 0)) / (sd[d] ?? 1))),
    labels: s.labels,
  }));
  const { iterations = 300, learningRate = 0.05 } = options;
  const w = new Array<number>(dims).fill(0);
  const m = new Array<number>(dims).fill(0);
  const v = new Array<number>(dims).fill(0);
  for (let step = 1; step <= iterations; step += 1) {
    const grad = w.map((wd) => 2 * options.lambda * wd);
    for (const { rows, labels } of data) {
      const scores = rows.map((row) => row.reduce((sum, x, d) => sum + x * (w[d] ?? 0), 0));
      const top = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - top));
      const all = exp.reduce((a, b) => a + b, 0);
      const pos = exp.reduce((a, e, i) => a + (labels[i] ? e : 0), 0);
      rows.forEach((row, i) => {
        const p = (exp[i] ?? 0) / all - (labels[i] ? (exp[i] ?? 0) / pos : 0);
        for (let d = 0; d < dims; d += 1) grad[d] = (grad[d] ?? 0) + (p * (row[d] ?? 0)) / data.length;
      });
    }
    for (let d = 0; d < dims; d += 1) {
      const g = grad[d] ?? 0;
      m[d] = 0.9 * (m[d] ?? 0) + 0.1 * g;
      v[d] = 0.999 * (v[d] ?? 0) + 0.001 * g * g;
      const mHat = (m[d] ?? 0) / (1 - 0.9 ** step);
      const vHat = (v[d] ?? 0) / (1 - 0.999 ** step);
      w[d] = (w[d] ?? 0) - (learningRate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  return w.map((wd, d) => wd / (sd[d] ?? 1));
}
