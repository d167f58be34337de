/**
 * The largest `n` in `[1, limit]` for which `fits(n)` holds, assuming `fits` is monotonic
 * (true up to some n, false after); 0 when `fits(1)` is false or `limit < 1`. Gallops upward
 * before bisecting, so `fits` is only asked about sizes up to twice the answer.
 */
export function findLongestFit(limit: number, fits: (n: number) => boolean): number {
  if (limit < 1 || !fits(1)) return 0;
  let good = 1;
  let bad = 2;
  while (bad <= limit && fits(bad)) {
    good = bad;
    bad *= 2;
  }
  if (bad > limit) {
    if (fits(limit)) return limit;
    bad = limit;
  }
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (fits(middle)) good = middle;
    else bad = middle;
  }
  return good;
}
