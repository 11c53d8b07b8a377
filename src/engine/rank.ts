/**
 * Standard competition ranking, highest first: equal keys share a rank (1, 2, 2, 4).
 * @param keys Ranking keys: totals as published, in millionths (integers, compared exactly).
 * @returns Ranks in the same order as `keys`.
 */
export function competitionRanks(keys: readonly number[]): number[] {
  const order = keys.map((k, i) => ({ k, i })).sort((a, b) => b.k - a.k);
  const ranks = new Array<number>(keys.length);
  order.forEach((e, pos) => {
    const prev = order[pos - 1];
    ranks[e.i] = prev && prev.k === e.k ? ranks[prev.i]! : pos + 1;
  });
  return ranks;
}
