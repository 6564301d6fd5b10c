/** Orders strings by code unit, as `Array.prototype.sort` does: a deterministic tie-breaker. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
