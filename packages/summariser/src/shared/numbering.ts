/**
 * Numbers strings in order of first use (0, 1, 2...): the same string always gets the same
 * number, so that hot loops can index arrays and key maps by numbers instead of strings.
 */
export function numbering(): (key: string) => number {
  const numbers = new Map<string, number>();
  return (key) => {
    let number = numbers.get(key);
    if (number === undefined) {
      number = numbers.size;
      numbers.set(key, number);
    }
    return number;
  };
}
