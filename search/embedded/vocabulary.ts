// The words the index holds, as written (keys) and folded, and how many
// documents hold each: for typo tolerance, exact spellings and "did you mean".
import { editDistanceWithin, keyFolded, tokenize, typosBetween } from "../text.ts";

export class Vocabulary {
  /** Indexed keys (see toneKey) → documents holding them. */
  private keyFrequency = new Map<string, number>();
  /** Folded word → documents holding any of its spellings (an upper bound: summed), and those spellings. */
  private foldedCache: Map<string, { documents: number; keys: string[] }> | null = null;
  private byLength: Map<number, string[]> | null = null;
  private sorted: string[] | null = null;

  static fromRows(rows: [string, number][]): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const [term, documents] of rows) vocabulary.keyFrequency.set(term, documents);
    return vocabulary;
  }

  private changed() {
    this.foldedCache = null;
    this.byLength = null;
    this.sorted = null;
  }

  private get folded() {
    if (!this.foldedCache) {
      const folded = new Map<string, { documents: number; keys: string[] }>();
      for (const [key, documents] of this.keyFrequency) {
        const word = keyFolded(key);
        const entry = folded.get(word);
        if (entry) {
          entry.documents += documents;
          entry.keys.push(key);
        } else folded.set(word, { documents, keys: [key] });
      }
      for (const entry of folded.values())
        entry.keys.sort((a, b) => (this.keyFrequency.get(b) ?? 0) - (this.keyFrequency.get(a) ?? 0));
      this.foldedCache = folded;
    }
    return this.foldedCache;
  }

  /** One document's distinct keys. */
  addKeys(keys: Iterable<string>) {
    for (const key of keys) {
      const previous = this.keyFrequency.get(key);
      this.keyFrequency.set(key, (previous ?? 0) + 1);
    }
    this.changed();
  }

  /** One document's distinct keys, when it leaves the index or changes. */
  removeKeys(keys: Iterable<string>) {
    for (const key of keys) {
      const previous = this.keyFrequency.get(key) ?? 0;
      if (previous <= 1) this.keyFrequency.delete(key);
      else this.keyFrequency.set(key, previous - 1);
    }
    this.changed();
  }

  /** A document's text (keys taken from its words). */
  addText(text: string) {
    this.addKeys(new Set(tokenize(text).map((token) => token.key)));
  }

  removeText(text: string) {
    this.removeKeys(new Set(tokenize(text).map((token) => token.key)));
  }

  /** Documents holding this exact spelling. */
  exactFrequency(key: string): number {
    return this.keyFrequency.get(key) ?? 0;
  }

  /** The spellings of a folded word in the index, most common first. */
  spellings(word: string): readonly string[] {
    return this.folded.get(word)?.keys ?? [];
  }

  /** The usual spelling of a folded word, as written (for "did you mean"). */
  usualSpelling(word: string): string {
    return this.folded.get(word)?.keys[0] ?? word;
  }

  /** How many documents hold the word. */
  frequency(word: string): number {
    return this.folded.get(word)?.documents ?? 0;
  }

  has(word: string) {
    return this.folded.has(word);
  }

  private firstAtOrAfter(prefix: string): number {
    if (!this.sorted) this.sorted = [...this.folded.keys()].sort();
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
    if (this.folded.has(prefix)) return true;
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
      total += this.frequency(sorted[i]!);
    }
    return total;
  }

  /** The most common indexed words starting with `prefix`. */
  completions(prefix: string, limit: number): string[] {
    const found: string[] = [];
    const start = this.firstAtOrAfter(prefix);
    const sorted = this.sorted!;
    for (let i = start; i < sorted.length && sorted[i]!.startsWith(prefix); i++) found.push(sorted[i]!);
    return found.sort((a, b) => this.frequency(b) - this.frequency(a)).slice(0, limit);
  }

  private lengthBuckets() {
    if (!this.byLength) {
      this.byLength = new Map();
      for (const word of this.folded.keys()) {
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
    return found.sort((a, b) => a[1] - b[1] || this.frequency(b[0]) - this.frequency(a[0])).slice(0, limit);
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
      const frequency = this.frequency(candidate);
      if (distance < bestKey[0] || (distance === bestKey[0] && frequency > bestKey[1])) {
        best = candidate;
        bestKey = [distance, frequency];
      }
    }
    return best;
  }
}
