/**
 * Exact nearest neighbours by brute force: the `k` rows of `vectors` (row-major, `dims` wide,
 * unit length) with the highest dot product with `query`, best first, as `labelOf(row)`.
 * Ties keep the lower row first. The ground truth HNSW recall is measured against.
 */
export function exactTopK(
  vectors: Float32Array,
  dims: number,
  query: Float32Array,
  k: number,
  labelOf: (row: number) => number,
): number[] {
  const rows = Math.floor(vectors.length / dims);
  const bestRows: number[] = [];
  const bestScores: number[] = [];
  for (let row = 0; row < rows; row++) {
    const base = row * dims;
    let dot = 0;
    for (let d = 0; d < dims; d++) dot += (vectors[base + d] ?? 0) * (query[d] ?? 0);
    if (bestRows.length === k && dot <= (bestScores[k - 1] ?? -Infinity)) continue;
    // Insertion into a short sorted list: k is 10, so this beats a heap.
    let at = bestScores.length;
    while (at > 0 && (bestScores[at - 1] ?? -Infinity) < dot) at--;
    bestScores.splice(at, 0, dot);
    bestRows.splice(at, 0, row);
    if (bestRows.length > k) {
      bestRows.pop();
      bestScores.pop();
    }
  }
  return bestRows.map(labelOf);
}
