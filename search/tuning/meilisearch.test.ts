import { describe, expect, it } from "vitest";
import { typoBudget } from "../text.ts";
import { TYPO_MIN_WORD_SIZE } from "./meilisearch.ts";

// Both engines must forgive the same typos, or "chuyn" finds offers on one
// and nothing on the other.
describe("Meilisearch typo sizes", () => {
  it("forgive as many typos as the embedded engine for every word length", () => {
    for (let length = 1; length <= 14; length++) {
      const word = "đ".repeat(length);
      const meilisearch = length >= TYPO_MIN_WORD_SIZE.twoTypos ? 2 : length >= TYPO_MIN_WORD_SIZE.oneTypo ? 1 : 0;
      expect(typoBudget(word), `${length} letters`).toBe(meilisearch);
    }
  });
});
