/**
 * Where, in an ascending posting list, the first `limit` entries after `after` lie: `[from, to)`.
 * These are the candidates an item is compared with through one key. Bounding them keeps the work
 * linear however common the key, and every item, early or late in the list, gets its share of
 * comparisons. An index range, so that the hot loops that use it allocate nothing.
 */
export function nextPostingsRange(
  postings: readonly number[],
  after: number,
  limit: number,
): [from: number, to: number] {
  let low = 0;
  let high = postings.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((postings[middle] as number) <= after) low = middle + 1;
    else high = middle;
  }
  return [low, Math.min(postings.length, low + limit)];
}
