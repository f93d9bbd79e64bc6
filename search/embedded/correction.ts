// "Did you mean": the query with each word the index does not know replaced
// by the closest, most common one the index holds.
import type { ParsedQuery } from "../query.ts";
import { foldedWordFts } from "./expressions.ts";
import type { Vocabulary } from "./vocabulary.ts";

export interface CorrectionSource {
  vocabulary: Vocabulary;
  /** How a key is written in the documents ("thongzas" → "thống"). */
  spellingOf(key: string): string;
  matchRowids(expression: string): number[];
  /** The reader may see this row. */
  isVisible(rowid: number): boolean;
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
  // Typed without diacritics, the proposal is spelled properly throughout
  // ("benh vein" → "bệnh viện"); typed with them, known words stay as typed.
  const corrected = parsed.words.map((word) => {
    if (vocabulary.has(word.folded)) {
      folded.push(word.folded);
      return parsed.toned ? word.exact : source.spellingOf(vocabulary.usualSpelling(word.folded));
    }
    const best = vocabulary.closest(word.folded);
    if (!best) return word.exact;
    changed = true;
    folded.push(best);
    return source.spellingOf(vocabulary.usualSpelling(best));
  });
  if (!changed || folded.length !== parsed.words.length) return null;
  const expressions = folded.map((word) => foldedWordFts(vocabulary, word));
  if (expressions.some((expression) => expression === null)) return null;
  const rows = source.matchRowids(expressions.join(" AND "));
  const visible = rows.some((rowid) => source.isVisible(rowid));
  return visible ? corrected.join(" ") : null;
}
