// Seeded randomness: the benchmarks must generate the same corpus and the same
// queries on every run and in every child process, so figures are comparable.

export type Random = () => number;

/** mulberry32: tiny, fast and good enough for test data (not for secrets). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generator for item `index` of a stream, independent of every other item,
 * so item 73,512 can be regenerated without generating the 73,511 before it.
 */
export function randomFor(seed: number, index: number, salt = 0): Random {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return mulberry32((h ^ (h >>> 16)) >>> 0);
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export const chance = (random: Random, probability: number) => random() < probability;

export const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** Distinct items, order random. */
export function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen;
}

/** Zipf-like skew: low indexes far more often, as real popularity is. */
export function skewed<T>(random: Random, items: readonly T[], exponent = 1.6): T {
  return items[Math.min(items.length - 1, Math.floor(items.length * random() ** exponent))]!;
}
