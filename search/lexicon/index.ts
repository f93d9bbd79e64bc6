// The bilingual knowledge matching and search share, as plain data: no code
// that reads it lives here (that is search/match/terms.ts and the engines),
// so a linguist can edit these lists without touching an algorithm, and any
// ranking code can use the same knowledge without depending on matching.
import { MATCHING_GLOSSARY } from "./glossary.ts";
import { SOLUTION_HINTS } from "./solution-hints.ts";

export { BASE_MATCHING_GLOSSARY, MATCHING_GLOSSARY } from "./glossary.ts";
export { SECTOR_GLOSSARY } from "./glossary-sectors.ts";
export { TECHNOLOGY_GLOSSARY } from "./glossary-technology.ts";
export { NEED_VOICE_WORDS } from "./need-voice.ts";
export { SOLUTION_HINTS, type SolutionHint } from "./solution-hints.ts";
export { BLOCKING_PHRASES, TERM_KEYWORDS } from "./taxonomy-keywords.ts";

/** One group of wordings that mean the same, Vietnamese and English mixed, as written (with diacritics). */
export type GlossaryGroup = readonly string[];

/**
 * Every vi ↔ en glossary group matching uses (the base glossary, its
 * per-sector broadening and the technology product names), as written.
 * Two-way: any wording of a group may stand for any other. Not the staff
 * thesaurus (search/synonyms.ts, in the database), which callers add themselves.
 */
export function glossaryGroups(): readonly GlossaryGroup[] {
  return MATCHING_GLOSSARY;
}

/**
 * Problem wordings → wordings of the solutions that usually answer them.
 * One-way: a need saying "ùn tắc" may look for "điều khiển tín hiệu", but an
 * offer about signal control is not about congestion. Both sides mix
 * Vietnamese and English, as written.
 */
export function solutionHints(): readonly (readonly [triggers: readonly string[], solutions: readonly string[]])[] {
  return SOLUTION_HINTS;
}
