import { describe, expect, it } from "vitest";
import { bitRows, forEachRow, intersectRows, listRows, RowCache, type RowSet } from "./row-sets";

const rowsOf = (set: RowSet) => {
  const out: number[] = [];
  forEachRow(set, (rowid) => out.push(rowid));
  return out.sort((a, b) => a - b);
};

describe("row sets", () => {
  it("keeps every rowid through a bitset, across word boundaries, without duplicates", () => {
    const set = bitRows([0, 31, 32, 33, 63, 64, 99, 32], 99);
    expect(set.size).toBe(7);
    expect(rowsOf(set)).toEqual([0, 31, 32, 33, 63, 64, 99]);
  });

  it("intersects bitsets with each other and with lists", () => {
    const evens = bitRows(
      Array.from({ length: 50 }, (_, i) => i * 2),
      99,
    );
    const threes = bitRows(
      Array.from({ length: 34 }, (_, i) => i * 3),
      99,
    );
    expect(rowsOf(intersectRows([evens, threes]))).toEqual([
      0, 6, 12, 18, 24, 30, 36, 42, 48, 54, 60, 66, 72, 78, 84, 90, 96,
    ]);
    expect(intersectRows([evens, threes]).size).toBe(17);
    expect(rowsOf(intersectRows([evens, listRows([1, 2, 3, 4, 96, 97])]))).toEqual([2, 4, 96]);
    expect(rowsOf(intersectRows([listRows([5, 6, 7]), listRows([7, 5, 9]), threes]))).toEqual([]);
    expect(rowsOf(intersectRows([listRows([5, 6, 7]), listRows([7, 5, 9])]))).toEqual([5, 7]);
  });

  it("forgets the least recently used set first when over its budget", () => {
    const cache = new RowCache(3 * 16);
    const set = () => bitRows([1], 127) as RowSet & { bits: Uint32Array };
    cache.set("a", set());
    cache.set("b", set());
    cache.set("c", set());
    cache.get("a");
    cache.set("d", set());
    expect(["a", "b", "c", "d"].filter((key) => cache.has(key))).toEqual(["a", "c", "d"]);
  });
});
