/**
 * Rows an FTS5 expression matched: a plain list, or a bitset over rowids.
 * Common clauses are kept in memory as bitsets: 12.5 KB for 100,000 rows
 * whatever the count, where a list of 80,000 rowids would take 320 KB, and
 * intersecting two bitsets is one AND per 32 rows.
 */
export type RowSet =
  | { list: ArrayLike<number>; bits: null; size: number }
  | { list: null; bits: Uint32Array; size: number };

export const listRows = (list: ArrayLike<number>): RowSet => ({ list, bits: null, size: list.length });

export function bitRows(list: ArrayLike<number>, maxRowid: number): RowSet {
  const bits = new Uint32Array((maxRowid >>> 5) + 1);
  let size = 0;
  for (let i = 0; i < list.length; i++) {
    const rowid = list[i]!;
    if (rowid > maxRowid) continue;
    const word = rowid >>> 5;
    const mask = 1 << (rowid & 31);
    if ((bits[word]! & mask) === 0) size += 1;
    bits[word] = bits[word]! | mask;
  }
  return { list: null, bits, size };
}

export function forEachRow(rows: RowSet, visit: (rowid: number) => void): void {
  if (rows.list) {
    for (let i = 0; i < rows.list.length; i++) visit(rows.list[i]!);
    return;
  }
  const bits = rows.bits;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      const lowest = word & -word;
      visit((w << 5) + 31 - Math.clz32(lowest));
      word ^= lowest;
    }
  }
}

const holds = (bits: Uint32Array, rowid: number) => ((bits[rowid >>> 5] ?? 0) >>> (rowid & 31)) & 1;

/** Rows in every set. */
export function intersectRows(sets: RowSet[]): RowSet {
  if (sets.length === 1) return sets[0]!;
  const bitSets = sets.filter((set) => set.bits).map((set) => set.bits!);
  const lists = sets.filter((set) => set.list).map((set) => set.list!);
  let combined: Uint32Array | null = null;
  if (bitSets.length > 0) {
    combined = bitSets[0]!.slice();
    for (const bits of bitSets.slice(1)) {
      for (let w = 0; w < combined.length; w++) combined[w] = combined[w]! & (bits[w] ?? 0);
    }
  }
  if (lists.length === 0) {
    let size = 0;
    for (let w = 0; w < combined!.length; w++) {
      let word = combined![w]!;
      while (word !== 0) {
        word &= word - 1;
        size += 1;
      }
    }
    return { list: null, bits: combined!, size };
  }
  // Lists are intersected by counting, starting from the shortest.
  lists.sort((a, b) => a.length - b.length);
  let result = Array.from(lists[0]!);
  if (combined) result = result.filter((rowid) => holds(combined, rowid) === 1);
  for (const other of lists.slice(1)) {
    const wanted = new Set(result);
    const kept: number[] = [];
    for (let i = 0; i < other.length; i++) if (wanted.has(other[i]!)) kept.push(other[i]!);
    result = kept;
  }
  return listRows(result);
}

/** Rows in any set. */
export function unionRows(sets: RowSet[], maxRowid: number): RowSet {
  if (sets.length === 1) return sets[0]!;
  const bits = new Uint32Array((maxRowid >>> 5) + 1);
  for (const set of sets) {
    if (set.bits) for (let w = 0; w < set.bits.length && w < bits.length; w++) bits[w] = bits[w]! | set.bits[w]!;
    else
      for (let i = 0; i < set.list.length; i++) {
        const rowid = set.list[i]!;
        if (rowid <= maxRowid) bits[rowid >>> 5] = bits[rowid >>> 5]! | (1 << (rowid & 31));
      }
  }
  let size = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      word &= word - 1;
      size += 1;
    }
  }
  return { list: null, bits, size };
}

/** Least recently used first out, within a byte budget. */
export class RowCache {
  private entries = new Map<string, RowSet>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): RowSet | undefined {
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  has(key: string) {
    return this.entries.has(key);
  }

  set(key: string, rows: RowSet & { bits: Uint32Array }) {
    for (const [oldKey, old] of this.entries) {
      if (this.bytes + rows.bits.byteLength <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.bits!.byteLength;
    }
    this.entries.set(key, rows);
    this.bytes += rows.bits.byteLength;
  }

  clear() {
    this.entries.clear();
    this.bytes = 0;
  }
}
