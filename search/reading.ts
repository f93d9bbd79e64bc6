// How a query is read beyond its own words, shared by every engine so they
// rank alike: a need typed as a sentence is read the way problem → offer
// matching reads a problem; a few words also blend in that reading; and the
// sectors of the best matches lift the matches that share them.
import { NEED_VOICE_WORDS, SOLUTION_HINTS } from "./lexicon/index.ts";
import { buildHints, matchTerms, type HintIndex, type MatchSynonymIndex } from "./match/terms.ts";
import { isStopWord, tokenize } from "./text.ts";
import { DEFAULT_TERM_WEIGHTS } from "./tuning/matching.ts";
import {
  LONG_QUERY_MAX_WORDS,
  LONG_QUERY_WORDS,
  MATCHING_BLEND,
  SECTOR_FEEDBACK,
  SECTOR_FEEDBACK_LEADERS,
} from "./tuning/search.ts";
import type { WeightedTerm } from "./types.ts";

// Solution hints run from problem words to the words offers use.
const NEED_HINTS: HintIndex = buildHints(SOLUTION_HINTS);

/** A need typed as a sentence rather than a few keywords; quotes mean the person wants exact phrases. */
export function isLongQuery(text: string): boolean {
  if (/["“”]/.test(text)) return false;
  return tokenize(text).filter((token) => !isStopWord(token)).length >= LONG_QUERY_WORDS;
}

/** The weighted terms matching would read from this text as a problem's title (solution hints included). */
export function needTerms(text: string, synonyms: MatchSynonymIndex): WeightedTerm[] {
  const words = tokenize(text)
    .slice(0, LONG_QUERY_MAX_WORDS)
    .map((token) => token.exact);
  const need = words.filter((word, at) => !isNeedVoice(words, at)).join(" ");
  return matchTerms({ title: need, body: "" }, synonyms, DEFAULT_TERM_WEIGHTS, NEED_HINTS);
}

const VOICE_SINGLE = new Set(NEED_VOICE_WORDS.filter((word) => !word.includes(" ")));
const VOICE_PAIRS = new Set(NEED_VOICE_WORDS.filter((word) => word.includes(" ")));

/** Whether the word at `at` is the asker speaking (NEED_VOICE_WORDS), alone or as part of a two-word wording. */
function isNeedVoice(words: readonly string[], at: number): boolean {
  if (VOICE_SINGLE.has(words[at]!)) return true;
  return VOICE_PAIRS.has(`${words[at - 1]} ${words[at]}`) || VOICE_PAIRS.has(`${words[at]} ${words[at + 1]}`);
}

/** A few words' score: the words' own reading, with matching's reading of them blended in. */
export function blendedScore(ownReading: number, matchingReading: number): number {
  return (1 - MATCHING_BLEND) * ownReading + MATCHING_BLEND * matchingReading;
}

/**
 * The sectors the best few matches are in, each with the leaders' share of
 * score in it. Only the leaders' sectors are read, so an engine can apply
 * the lift to a large candidate list in its own tight loop (liftedBySector).
 */
export function leadingSectorShares<K, Sector>(
  candidates: readonly K[],
  scoreOf: (candidate: K) => number,
  sectorsOf: (candidate: K) => readonly Sector[],
  // Only what the searcher may see can lead: a hidden draft must not steer public results.
  canLead: (candidate: K) => boolean = () => true,
): Map<Sector, number> {
  // The best few in one pass: candidates can be most of a large index.
  const leaders: K[] = [];
  for (const candidate of candidates) {
    const score = scoreOf(candidate);
    if (leaders.length === SECTOR_FEEDBACK_LEADERS && score <= scoreOf(leaders.at(-1)!)) continue;
    // Asked last: whether it may lead reads its visibility and filters.
    if (!canLead(candidate)) continue;
    let at = leaders.length;
    while (at > 0 && scoreOf(leaders[at - 1]!) < score) at -= 1;
    leaders.splice(at, 0, candidate);
    if (leaders.length > SECTOR_FEEDBACK_LEADERS) leaders.pop();
  }
  const total = leaders.reduce((sum, candidate) => sum + scoreOf(candidate), 0);
  const shares = new Map<Sector, number>();
  if (total === 0) return shares;
  for (const leader of leaders)
    for (const sector of new Set(sectorsOf(leader)))
      shares.set(sector, (shares.get(sector) ?? 0) + scoreOf(leader) / total);
  return shares;
}

/** A match's score risen towards 1 by SECTOR_FEEDBACK times its best sector's share of the leaders. */
export function liftedBySector(score: number, share: number): number {
  return Math.min(1, score + SECTOR_FEEDBACK * share * (1 - score));
}

/**
 * New scores for candidates sharing a sector with the best few: each rises
 * towards 1 by SECTOR_FEEDBACK times the leaders' score share of that sector.
 * "trợ cấp xã hội" then finds the other social-welfare offers that say it
 * differently, and matches outside those sectors stay where they were.
 */
export function sectorFeedback<K>(
  candidates: readonly K[],
  scoreOf: (candidate: K) => number,
  sectorsOf: (candidate: K) => readonly (string | number)[],
  canLead: (candidate: K) => boolean = () => true,
): Map<K, number> {
  const shares = leadingSectorShares(candidates, scoreOf, sectorsOf, canLead);
  const raised = new Map<K, number>();
  if (shares.size === 0) return raised;
  for (const candidate of candidates) {
    const score = scoreOf(candidate);
    if (score <= 0) continue;
    let share = 0;
    for (const sector of sectorsOf(candidate)) share = Math.max(share, shares.get(sector) ?? 0);
    if (share > 0) raised.set(candidate, liftedBySector(score, share));
  }
  return raised;
}
