// "Did you mean": the query with each word the index does not know replaced
// by the closest, most common one the index holds.
import type { ParsedQuery } from "../query.ts";
import { CORRECTION_SPELLINGS } from "../tuning/search.ts";
import { exactPhraseFts, foldedWordFts } from "./expressions.ts";
import type { Vocabulary } from "./vocabulary.ts";

export interface CorrectionSource {
  vocabulary: Vocabulary;
  /** How a key is written in the documents ("thongzas" → "thống"). */
  spellingOf(key: string): string;
  matchRowids(expression: string): number[];
  /** The reader may see this row. */
  isVisible(rowid: number): boolean;
  /** One-word thesaurus and glossary phrases (folded): words of the other language, never typos. */
  thesaurusWords: ReadonlyMap<string, unknown>;
}

/**
 * The query with each word the index does not know replaced by the
 * closest, most common one, spelled as the documents spell it
 * ("chuyn đổi số" → "chuyển đổi số"), if that query finds something.
 */
export function correction(source: CorrectionSource, parsed: ParsedQuery): string | null {
  const { vocabulary } = source;
  let changed = false;
  const folded: string[] = [];
  // Typed with diacritics, known words stay as typed; the others are spelled
  // as the documents spell them ("benh vein" → "bệnh viện").
  const typed: ({ exact: string; key: string } | null)[] = [];
  const fixed: boolean[] = [];
  for (const word of parsed.words) {
    const known = vocabulary.has(word.folded);
    // "flooding" is a word the thesaurus knows, found through its synonyms:
    // proposing the index's nearest word ("floating") would be wrong.
    if (!known && source.thesaurusWords.has(word.folded)) return null;
    fixed.push(!known);
    if (known) {
      folded.push(word.folded);
      typed.push(parsed.toned ? word : null);
      continue;
    }
    const best = vocabulary.closest(word.folded);
    if (!best) return null;
    changed = true;
    folded.push(best);
    typed.push(null);
  }
  if (!changed) return null;
  const expressions = folded.map((word) => foldedWordFts(vocabulary, word));
  if (expressions.some((expression) => expression === null)) return null;
  const rows = source.matchRowids(expressions.join(" AND "));
  if (!rows.some((rowid) => source.isVisible(rowid))) return null;
  const keys = spellingsInContext(source, folded, typed, fixed);
  return folded.map((_, index) => typed[index]?.exact ?? source.spellingOf(keys[index]!)).join(" ");
}

/**
 * A spelling for each word; a corrected one chosen with its neighbours: the
 * spelling the documents hold beside them most often. "giao thongg" is "giao
 * thông", although "thống" (of "hệ thống") is the commoner spelling of
 * "thong". Other words, and a corrected one with no such neighbour, take
 * their usual spelling: each look-up is a phrase search of the whole index,
 * so only the words that were wrong pay for it.
 */
function spellingsInContext(
  source: CorrectionSource,
  folded: readonly string[],
  typed: readonly ({ key: string } | null)[],
  fixed: readonly boolean[],
): string[] {
  const { vocabulary } = source;
  const usual = folded.map((word, index) => typed[index]?.key ?? vocabulary.usualSpelling(word));
  if (folded.length < 2) return usual;
  const pairs = new Map<string, number>();
  const together = (left: string, right: string) => {
    const phrase = `${left} ${right}`;
    let count = pairs.get(phrase);
    if (count === undefined) {
      const fts = exactPhraseFts(vocabulary, [left, right]);
      count = fts ? source.matchRowids(fts).length : 0;
      pairs.set(phrase, count);
    }
    return count;
  };
  // Left to right, each free word taking the spelling held most often next
  // to its neighbours' (a typed word's own key; the usual spelling ahead).
  const chosen = [...usual];
  folded.forEach((word, index) => {
    const spellings = vocabulary.spellings(word).slice(0, CORRECTION_SPELLINGS);
    if (!fixed[index] || spellings.length < 2) return;
    let best = { key: chosen[index]!, count: 0 };
    for (const key of spellings) {
      const count =
        (index > 0 ? together(chosen[index - 1]!, key) : 0) +
        (index + 1 < folded.length ? together(key, chosen[index + 1]!) : 0);
      if (count > best.count) best = { key, count };
    }
    chosen[index] = best.key;
  });
  return chosen;
}
