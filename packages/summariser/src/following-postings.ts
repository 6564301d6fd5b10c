/**
 * The first `limit` entries of an ascending posting list that come after `after`: the candidates
 * an item is compared with through one key. Bounding them keeps the work linear however common
 * the key, and every item, early or late in the list, gets its share of comparisons.
 */
export function followingPostings(
  postings: readonly number[],
  after: number,
  limit: number,
): readonly number[] {
  let low = 0;
  let high = postings.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((postings[middle] as number) <= after) low = middle + 1;
    else high = middle;
  }
  return postings.slice(low, low + limit);
}
