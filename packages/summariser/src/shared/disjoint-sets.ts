/** Disjoint sets over the members 0..size-1, with path halving. */
export interface DisjointSets {
  /** The root of the set holding `member`. */
  find(member: number): number;
  /** Joins the set of `absorbed` into the set of `kept`, whose root stays the root; returns it. */
  join(kept: number, absorbed: number): number;
}

/** Every member in a set of its own. */
export function disjointSets(size: number): DisjointSets {
  const parent = Array.from({ length: size }, (_, i) => i);
  const find = (member: number): number => {
    let x = member;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  return {
    find,
    join(kept, absorbed) {
      const [a, b] = [find(kept), find(absorbed)];
      if (a !== b) parent[b] = a;
      return a;
    },
  };
}
