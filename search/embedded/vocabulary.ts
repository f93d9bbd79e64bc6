// The folded words the index holds and how many documents hold each: for
// typo tolerance and "did you mean".
import { editDistanceWithin, tokenize, typosBetween } from "../text.ts";

export class Vocabulary {
  private documentFrequency = new Map<string, number>();
  private byLength: Map<number, string[]> | null = null;
  private sorted: string[] | null = null;

  static fromRows(rows: [string, number][]): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const [term, documents] of rows) vocabulary.documentFrequency.set(term, documents);
    return vocabulary;
  }

  private wordsOf(text: string) {
    return new Set(tokenize(text).map((token) => token.folded));
  }

  addText(text: string) {
    this.addWords(this.wordsOf(text));
  }

  /** One document's distinct folded words. */
  addWords(words: Iterable<string>) {
    for (const word of words) {
      const previous = this.documentFrequency.get(word);
      if (previous === undefined) {
        this.byLength = null;
        this.sorted = null;
      }
      this.documentFrequency.set(word, (previous ?? 0) + 1);
    }
  }

  removeText(text: string) {
    for (const word of this.wordsOf(text)) {
      const previous = this.documentFrequency.get(word) ?? 0;
      if (previous <= 1) {
        this.documentFrequency.delete(word);
        this.byLength = null;
        this.sorted = null;
      } else this.documentFrequency.set(word, previous - 1);
    }
  }

  /** How many documents hold the word. */
  frequency(word: string): number {
    return this.documentFrequency.get(word) ?? 0;
  }

  has(word: string) {
    return this.documentFrequency.has(word);
  }

  private firstAtOrAfter(prefix: string): number {
    if (!this.sorted) this.sorted = [...this.documentFrequency.keys()].sort();
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.sorted[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Whether some indexed word starts with `prefix`. */
  hasPrefix(prefix: string) {
    if (this.documentFrequency.has(prefix)) return true;
    const index = this.firstAtOrAfter(prefix);
    return this.sorted![index]?.startsWith(prefix) ?? false;
  }

  /**
   * An upper bound on how many documents hold a word starting with `prefix`
   * (the sum over such words), counted only up to `cap`.
   */
  prefixDocuments(prefix: string, cap: number): number {
    const start = this.firstAtOrAfter(prefix);
    const sorted = this.sorted!;
    let total = 0;
    for (let i = start; i < sorted.length && sorted[i]!.startsWith(prefix) && total < cap; i++) {
      total += this.documentFrequency.get(sorted[i]!) ?? 0;
    }
    return total;
  }

  /** The most common indexed words starting with `prefix`. */
  completions(prefix: string, limit: number): string[] {
    const found: string[] = [];
    const start = this.firstAtOrAfter(prefix);
    const sorted = this.sorted!;
    for (let i = start; i < sorted.length && sorted[i]!.startsWith(prefix); i++) found.push(sorted[i]!);
    return found
      .sort((a, b) => (this.documentFrequency.get(b) ?? 0) - (this.documentFrequency.get(a) ?? 0))
      .slice(0, limit);
  }

  private lengthBuckets() {
    if (!this.byLength) {
      this.byLength = new Map();
      for (const word of this.documentFrequency.keys()) {
        const bucket = this.byLength.get(word.length) ?? [];
        bucket.push(word);
        this.byLength.set(word.length, bucket);
      }
    }
    return this.byLength;
  }

  private *near(word: string, maxDistance: number) {
    const buckets = this.lengthBuckets();
    for (let length = word.length - maxDistance; length <= word.length + maxDistance; length++) {
      yield* buckets.get(length) ?? [];
    }
  }

  /** Indexed words within the query word's typo budget, most common first. */
  withinTypos(word: string, limit = 8): [string, number][] {
    const found: [string, number][] = [];
    const budget = word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
    if (budget === 0) return found;
    for (const candidate of this.near(word, budget)) {
      if (candidate === word) continue;
      // With one typo allowed the first letter must match; skip the rest fast.
      if (budget === 1 && candidate[0] !== word[0]) continue;
      const typos = typosBetween(word, candidate);
      if (typos !== null && typos > 0) found.push([candidate, typos]);
    }
    return found
      .sort((a, b) => a[1] - b[1] || (this.documentFrequency.get(b[0]) ?? 0) - (this.documentFrequency.get(a[0]) ?? 0))
      .slice(0, limit);
  }

  /** For "did you mean": the most common word within two edits. */
  closest(word: string): string | null {
    const maxDistance = word.length >= 6 ? 2 : word.length >= 3 ? 1 : 0;
    if (maxDistance === 0) return null;
    let best: string | null = null;
    let bestKey: [number, number] = [Infinity, 0];
    for (const candidate of this.near(word, maxDistance)) {
      const distance = editDistanceWithin(word, candidate, maxDistance);
      if (distance > maxDistance) continue;
      const frequency = this.documentFrequency.get(candidate) ?? 0;
      if (distance < bestKey[0] || (distance === bestKey[0] && frequency > bestKey[1])) {
        best = candidate;
        bestKey = [distance, frequency];
      }
    }
    return best;
  }
}
